// Offline reading and the installable site: the web app manifest of each language, its icons,
// the service worker at the root (so its scope is the whole reader site) and the offline page
// of each language. Also the rule the worker depends on: an answer to a signed-in request, or
// one that sets a cookie, is marked `private, no-store`, since a worker can see neither.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Edition } from '../../../core/types.ts';
import { loadReaderFrame } from '../../../services/reader.ts';
import { servedLanguages } from '../../../services/settings.ts';
import { isPrivate } from '../../cache/cdn.ts';
import { dependsOn } from '../../cache/dependencies.ts';
import { frameTags } from '../../cache/tags.ts';
import { SESSION_COOKIE } from '../../newsroom/auth.ts';
import { type ReaderDeps, readerContext } from '../context.ts';
import { EDITION_MOUNTS, forEdition } from '../edition-route.ts';
import { homePath } from '../urls.ts';
import { renderOfflinePage } from '../views/render.ts';
import { ICON_VARIANTS, type IconVariant, iconKey, iconPath, iconPng } from './icons.ts';
import { buildManifest } from './manifest.ts';
import { serviceWorkerScript } from './service-worker.ts';

export const SERVICE_WORKER_PATH = '/sw.js';

export function offlinePath(lang: Edition): string {
  return `${homePath(lang)}offline`;
}

const SESSION = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=`);
const ICON = /^(mark|logo-\d+)-(192|512|maskable)\.png$/;

function signedIn(request: FastifyRequest): boolean {
  const cookie = request.headers.cookie;
  return cookie !== undefined && SESSION.test(cookie);
}

export function registerOfflineReading(app: FastifyInstance, deps: ReaderDeps): void {
  const { services, assets } = deps;

  app.addHook('onSend', async (request, reply, payload) => {
    const personal =
      reply.hasHeader('set-cookie') ||
      (signedIn(request) && !request.url.startsWith('/assets/') && !request.url.startsWith('/media/'));
    if (personal && !isPrivate(String(reply.getHeader('cache-control') ?? '')))
      reply.header('cache-control', 'private, no-store');
    return payload;
  });

  for (const mount of EDITION_MOUNTS) {
    app.get(
      `${mount.prefix}/manifest.webmanifest`,
      forEdition(deps, mount, async (_request, reply, lang) => {
        const ctx = await readerContext(deps, lang);
        const frame = await loadReaderFrame(services);
        return reply
          .type('application/manifest+json; charset=utf-8')
          .header('cache-control', 'public, max-age=3600')
          .send(JSON.stringify(buildManifest(ctx.settings, lang, iconKey(frame.logo), assets.icon)));
      }),
    );

    app.get(
      `${mount.prefix}/offline`,
      forEdition(deps, mount, async (_request, reply, lang) => {
        const ctx = await readerContext(deps, lang);
        dependsOn(reply, frameTags(ctx.settings));
        const site = ctx.site(
          Object.fromEntries(servedLanguages(ctx.settings).map((l) => [l, offlinePath(l)])),
        );
        const html = renderOfflinePage(site, {
          title: `${ctx.present.t.offlineTitle} – ${ctx.settings.name}`,
          description: ctx.present.t.offlineText,
          canonical: `${ctx.present.baseUrl}${offlinePath(lang)}`,
        });
        return reply.type('text/html; charset=utf-8').send(html);
      }),
    );
  }

  app.get<{ Params: { file: string } }>('/icons/:file', async (request, reply) => {
    const match = ICON.exec(request.params.file);
    const frame = await loadReaderFrame(services);
    // Only the current picture's icons: an old logo's name answers 404 rather than a stale file.
    if (!match || match[1] !== iconKey(frame.logo)) return reply.callNotFound();
    const png = await iconPng(match[1], match[2] as IconVariant, {
      logo: frame.logo,
      mediaRoot: services.config.mediaRoot,
    });
    return reply.type('image/png').header('cache-control', 'public, max-age=31536000, immutable').send(png);
  });

  app.get(SERVICE_WORKER_PATH, async (request, reply) => {
    const { settings, sections, logo } = await loadReaderFrame(services);
    const key = iconKey(logo);
    const languages = servedLanguages(settings);
    const { body, version } = serviceWorkerScript({
      shell: [
        assets.css,
        assets.enhanceJs,
        assets.saverJs,
        assets.offlineJs,
        assets.icon,
        ...ICON_VARIANTS.map((v) => iconPath(key, v)),
      ],
      offline: Object.fromEntries(languages.map((l) => [l, offlinePath(l)])),
      keep: settings.offlineArticles,
      frame: {
        name: settings.name,
        tagline: settings.tagline,
        dateDisplay: settings.dateDisplay,
        sections: sections.map((s) => [s.id, s.slug, s.parentId, s.names]),
      },
    });
    const etag = `"${version}"`;
    // Browsers ask for the worker on every visit; unchanged, it costs a 304.
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').header('etag', etag);
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.send(body);
  });
}
