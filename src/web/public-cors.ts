// What other sites may fetch from this one. The read-only content API, feeds, sitemaps and media
// are public documents: any origin may read them from a browser (a reader app, a partner's
// widget), with GET and HEAD only and never with cookies, so a page elsewhere can read nothing
// it could not fetch without a session. Everything else (reader pages, forms, the newsroom, the
// write API under /api/v1/admin) answers no CORS headers, so browsers keep other origins out.
// Media and feeds are also marked Cross-Origin-Resource-Policy: cross-origin, so that pages
// elsewhere may embed an image or load a feed without CORS (helmet marks the rest same-origin).
import cors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const API = /^\/api\/v1\//;
const PRIVATE_API = /^\/api\/v1\/admin(?:\/|$)/;
const FEED = /(?:^|\/)feed\.(?:xml|atom|json)$/;
const SITEMAP = /^\/(?:sitemap\.xml|sitemap-news\.xml|sitemaps\/)/;
const MEDIA = /^\/media\//;

/**
 * The path the request is for: the route's own pattern when one matched (it cannot be dressed up
 * with encodings or extra slashes), otherwise the decoded path (a 404, or a preflight, which
 * @fastify/cors routes to its catch-all OPTIONS route).
 */
function pathOf(request: FastifyRequest): string {
  const route = request.routeOptions.url;
  if (route !== undefined && route !== '*' && request.method !== 'OPTIONS') return route;
  const raw = request.url.split('?')[0] ?? '/';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function isPublicDocument(path: string): boolean {
  if (API.test(path)) return !PRIVATE_API.test(path);
  return FEED.test(path) || SITEMAP.test(path) || MEDIA.test(path);
}

const PUBLIC: FastifyCorsOptions = {
  origin: '*',
  methods: ['GET', 'HEAD'],
  credentials: false,
  // Revalidation needs these, and they are not CORS-safelisted request headers.
  allowedHeaders: ['If-None-Match', 'If-Modified-Since'],
  exposedHeaders: ['ETag', 'Retry-After', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'],
  maxAge: 86_400,
  // An OPTIONS without Origin is no browser's preflight: answered alike rather than with a bare
  // text 400, which would break the API's rule of JSON errors.
  strictPreflight: false,
};

/** Register right after helmet: the headers it sets are then in every stored copy of a page. */
export async function registerPublicCors(app: FastifyInstance): Promise<void> {
  await app.register(cors, {
    delegator: (request, callback) =>
      callback(null, isPublicDocument(pathOf(request)) ? { ...PUBLIC } : { origin: false }),
  });
  app.addHook('onRequest', async (request, reply) => {
    const path = pathOf(request);
    if (MEDIA.test(path) || FEED.test(path)) reply.header('cross-origin-resource-policy', 'cross-origin');
  });
}
