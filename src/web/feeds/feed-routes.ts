// Feeds of every listing page, in the three formats: the home page of each language, its
// sections, tags and authors. Unknown sections, tags and authors answer 404.
import type { FastifyInstance } from 'fastify';
import type { Edition } from '../../core/types.ts';
import { siteSettings } from '../../services/settings.ts';
import { type FeedScope, loadFeed } from '../../services/syndication.ts';
import type { FeedSubject } from '../../services/syndication.ts';
import { dependsOn } from '../cache/dependencies.ts';
import { showsArticles, tags } from '../cache/tags.ts';
import { checkServed, type ReaderDeps } from '../reader/context.ts';
import type { EditionMount } from '../reader/edition-route.ts';
import { renderAtom } from './atom.ts';
import { sendCacheable } from './conditional.ts';
import { renderJsonFeed } from './json-feed.ts';
import { FEED_EXTENSIONS, FEED_TYPES, type FeedFormat, type FeedView } from './model.ts';
import { presentFeed } from './presenter.ts';
import { renderRss } from './rss.ts';

const RENDER: Record<FeedFormat, (feed: FeedView) => string> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
};

type SlugParams = { Params: { slug: string } };

export function registerFeedRoutes(app: FastifyInstance, deps: ReaderDeps, mount: EditionMount): void {
  const { services } = deps;
  const { config } = services;
  const { prefix } = mount;

  const send = async (
    scope: FeedScope,
    format: FeedFormat,
    request: Parameters<typeof sendCacheable>[0],
    reply: Parameters<typeof sendCacheable>[1],
  ) => {
    const lang: Edition | null = await mount.resolve(deps, request as Parameters<EditionMount['resolve']>[1]);
    if (lang === null) return reply.callNotFound();
    const settings = await siteSettings(services);
    if (scope.kind !== 'all') checkServed(settings, lang);
    const data = await loadFeed(services, scope, scope.kind === 'all' ? settings.defaultLang : lang);
    const feed = presentFeed(data, scope, settings, config.publicUrl);
    dependsOn(reply, tags.feed, subjectTags(data.subject), showsArticles(data.articles));
    return sendCacheable(request, reply, {
      body: RENDER[format](feed),
      type: `${FEED_TYPES[format]}; charset=utf-8`,
      lastModified: feed.updated,
    });
  };

  for (const format of Object.keys(RENDER) as FeedFormat[]) {
    const file = `feed.${FEED_EXTENSIONS[format]}`;
    app.get(`${prefix}/${file}`, (request, reply) => send({ kind: 'site' }, format, request, reply));
    // The whole site in every language, once, under the default language's prefix (the root).
    if (prefix === '')
      app.get(`/all/${file}`, (request, reply) => send({ kind: 'all' }, format, request, reply));
    for (const kind of ['section', 'tag', 'author'] as const) {
      app.get<SlugParams>(`${prefix}/${kind}/:slug/${file}`, (request, reply) =>
        send({ kind, slug: request.params.slug }, format, request, reply),
      );
    }
  }
}

function subjectTags(subject: FeedSubject): string[] {
  switch (subject.kind) {
    case 'section':
      return [tags.section(subject.section.id)];
    case 'tag':
      return [tags.tag(subject.tag.id)];
    case 'author':
      return [tags.person(subject.person.id)];
    default:
      return [];
  }
}
