// Home, section, tag and author pages, in every site language.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  descendantIds,
  loadAuthorPage,
  loadHome,
  loadSectionPage,
  loadTagPage,
  PER_PAGE,
} from '../../services/reader.ts';
import { servedLanguages } from '../../services/settings.ts';
import { dependsOn } from '../cache/dependencies.ts';
import { frameTags, showsArticles, showsMedia, tags } from '../cache/tags.ts';
import { feedDiscovery } from '../feeds/discovery.ts';
import { authorHeadMeta, homeHeadMeta, listingHeadMeta } from './meta/page-meta.ts';
import { type ReaderDeps, readerContext } from './context.ts';
import { type EditionMount, forEdition } from './edition-route.ts';
import { mostReadBlock } from './most-read-block.ts';
import { presentCards, presentImage, presentPagination, sectionName } from './presenters.ts';
import { PageQuery, parseOr404 } from './schema.ts';
import { authorPath, homePath, sectionPath, tagPath, withPage } from './urls.ts';
import { renderAuthorPage, renderHomePage, renderListingPage } from './views/render.ts';

type SlugParams = { Params: { slug: string } };

export function registerListingRoutes(app: FastifyInstance, deps: ReaderDeps, mount: EditionMount): void {
  const { services } = deps;
  const { prefix } = mount;
  const html = 'text/html; charset=utf-8';

  app.get(
    `${prefix}/`,
    forEdition(deps, mount, async (request, reply, lang) => {
      const { page } = parseOr404(PageQuery, request.query);
      const ctx = await readerContext(deps, lang);
      const data = await loadHome(services, lang, page, ctx.sections);
      dependsOn(reply, frameTags(ctx.settings), tags.home(lang), showsArticles(data.cards.articles));
      const mostRead = page === 1 ? await mostReadBlock(services, reply, ctx.settings, lang) : [];
      const cards = (list: typeof data.breaking) => presentCards(list, data.cards, ctx.present);
      const site = ctx.site();
      const title =
        page > 1
          ? `${ctx.settings.name} – ${ctx.present.t.page} ${page}`
          : `${ctx.settings.name} – ${ctx.settings.tagline}`;
      const description = ctx.settings.description || ctx.settings.tagline;
      const body = renderHomePage(
        site,
        {
          title,
          description,
          canonical: `${ctx.present.baseUrl}${withPage(homePath(lang), page)}`,
          feeds: feedDiscovery(lang, ctx.settings.name),
          ...homeHeadMeta({
            site,
            title,
            description,
            image: data.featured ? (cards([data.featured])[0]?.image ?? null) : null,
            defaultLang: ctx.settings.defaultLang,
            firstPage: page === 1,
          }),
        },
        {
          breaking: cards(data.breaking),
          featured: data.featured ? cards([data.featured])[0]! : null,
          latest: cards(data.latest.items),
          sections: data.sectionBlocks.map((b) => ({
            section: {
              href: sectionPath(lang, b.section.slug),
              label: sectionName(b.section, lang, ctx.present.ui),
            },
            articles: cards(b.articles),
          })),
          pagination: presentPagination(homePath(lang), page, data.latest.total, PER_PAGE),
          mostRead,
        },
      );
      return reply.type(html).send(body);
    }),
  );

  app.get<SlugParams>(
    `${prefix}/section/:slug`,
    forEdition(deps, mount, async (request: FastifyRequest<SlugParams>, reply, lang) => {
      const { page } = parseOr404(PageQuery, request.query);
      const ctx = await readerContext(deps, lang);
      const data = await loadSectionPage(services, request.params.slug, lang, page);
      dependsOn(
        reply,
        frameTags(ctx.settings),
        tags.section(data.section.id),
        descendantIds(ctx.sections, data.section.id).map(tags.inSection),
        showsArticles(data.articles.items),
      );
      const name = sectionName(data.section, lang, ctx.present.ui);
      const path = sectionPath(lang, data.section.slug);
      // A section exists in every language the site publishes in: the switcher and hreflang lead to it there.
      const languages = servedLanguages(ctx.settings);
      const elsewhere = Object.fromEntries(languages.map((l) => [l, sectionPath(l, data.section.slug)]));
      const site = ctx.site(elsewhere);
      return reply.type(html).send(
        renderListingPage(
          site,
          {
            title: pageTitle(name, page, ctx.present.t.page, ctx.settings.name),
            description: name,
            ...listingHeadMeta({
              site,
              title: name,
              description: name,
              trail: data.sectionTrail.map((s) => ({
                slug: s.slug,
                name: sectionName(s, lang, ctx.present.ui),
              })),
              ...(page === 1
                ? {
                    versions: languages.map((l) => ({ lang: l, href: ctx.present.baseUrl + elsewhere[l] })),
                    defaultLang: ctx.settings.defaultLang,
                  }
                : {}),
            }),
            canonical: `${ctx.present.baseUrl}${withPage(path, page)}`,
            feeds: feedDiscovery(lang, ctx.settings.name, {
              scope: { kind: 'section', slug: data.section.slug },
              title: name,
            }),
          },
          {
            kind: 'section',
            heading: name,
            description: '',
            articles: presentCards(data.articles.items, data.cards, ctx.present),
            pagination: presentPagination(path, page, data.articles.total, PER_PAGE),
            children: data.children.map((s) => ({
              href: sectionPath(lang, s.slug),
              label: sectionName(s, lang, ctx.present.ui),
            })),
          },
        ),
      );
    }),
  );

  app.get<SlugParams>(
    `${prefix}/tag/:slug`,
    forEdition(deps, mount, async (request: FastifyRequest<SlugParams>, reply, lang) => {
      const { page } = parseOr404(PageQuery, request.query);
      const ctx = await readerContext(deps, lang);
      const data = await loadTagPage(services, request.params.slug, lang, page);
      dependsOn(
        reply,
        frameTags(ctx.settings),
        tags.tag(data.tag.id),
        tags.inTag(data.tag.id),
        showsArticles(data.articles.items),
      );
      const path = tagPath(lang, data.tag.slug);
      const site = ctx.site();
      const description = `${ctx.present.t.tags}: ${data.tag.name}`;
      return reply.type(html).send(
        renderListingPage(
          site,
          {
            title: pageTitle(data.tag.name, page, ctx.present.t.page, ctx.settings.name),
            description,
            ...listingHeadMeta({ site, title: data.tag.name, description, trail: [] }),
            canonical: `${ctx.present.baseUrl}${withPage(path, page)}`,
            // A tag with nothing in this language is a thin page; keep it out of search engines.
            noindex: data.articles.total === 0,
            feeds: feedDiscovery(lang, ctx.settings.name, {
              scope: { kind: 'tag', slug: data.tag.slug },
              title: data.tag.name,
            }),
          },
          {
            kind: 'tag',
            heading: data.tag.name,
            description: '',
            articles: presentCards(data.articles.items, data.cards, ctx.present),
            pagination: presentPagination(path, page, data.articles.total, PER_PAGE),
            children: [],
          },
        ),
      );
    }),
  );

  app.get<SlugParams>(
    `${prefix}/author/:slug`,
    forEdition(deps, mount, async (request: FastifyRequest<SlugParams>, reply, lang) => {
      const { page } = parseOr404(PageQuery, request.query);
      const ctx = await readerContext(deps, lang);
      const data = await loadAuthorPage(services, request.params.slug, lang, page);
      dependsOn(
        reply,
        frameTags(ctx.settings),
        tags.person(data.person.id),
        tags.byPerson(data.person.id),
        showsMedia([data.person.avatarMediaId]),
        showsArticles(data.articles.items),
      );
      const path = authorPath(lang, data.person.slug);
      const site = ctx.site();
      const avatar = presentImage(data.avatar);
      return reply.type(html).send(
        renderAuthorPage(
          site,
          {
            title: pageTitle(data.person.name, page, ctx.present.t.page, ctx.settings.name),
            description: data.person.bio.slice(0, 160),
            ...authorHeadMeta({
              site,
              person: data.person,
              avatar,
              description: data.person.bio.slice(0, 160),
            }),
            canonical: `${ctx.present.baseUrl}${withPage(path, page)}`,
            feeds: feedDiscovery(lang, ctx.settings.name, {
              scope: { kind: 'author', slug: data.person.slug },
              title: data.person.name,
            }),
          },
          {
            name: data.person.name,
            bio: data.person.bio,
            avatar: presentImage(data.avatar),
            links: data.person.links.map((l) => ({ href: l.url, label: l.label })),
            articles: presentCards(data.articles.items, data.cards, ctx.present),
            pagination: presentPagination(path, page, data.articles.total, PER_PAGE),
          },
        ),
      );
    }),
  );
}

function pageTitle(name: string, page: number, pageWord: string, siteName: string): string {
  return page > 1 ? `${name} – ${pageWord} ${page} – ${siteName}` : `${name} – ${siteName}`;
}
