// Assembles the Fastify application. Tests call buildApp() and use app.inject(); only
// server.ts listens on a port.
import zlib from 'node:zlib';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { inRequestScope, type Services } from '../services/context.ts';
import { memoryRateLimiter, type RateLimiter } from '../services/rate-limit.ts';
import type { RedisClient } from '../services/redis/client.ts';
import { loadAssets, registerAssets } from './assets.ts';
import { type CacheBus, localCacheBus } from './cache/bus.ts';
import { serverWithFastPath } from './cache/fast-path.ts';
import { createPageCache } from './cache/plugin.ts';
import { startCdnPurge } from './cache/purge.ts';
import { registerErrorHandling, sendNotFound } from './errors.ts';
import { checkQueryEncoding, parseFormEncoded } from './form-encoding.ts';
import { registerHealthRoutes } from './health.ts';
import { loggerOptions, OneLinePerRequest } from './request-log.ts';
import { registerPublicCors } from './public-cors.ts';
import { findRecordedRedirect } from '../services/redirects.ts';
import { legacyBadUrlHandler, registerLegacyQueryRedirects } from './legacy-redirects.ts';
import { registerSitemapRoutes } from './feeds/sitemap-routes.ts';
import { contentApi } from './api/content-routes.ts';
import { adminApi } from './api/admin/routes.ts';
import { SESSION_COOKIE } from './newsroom/auth.ts';
import { newsroomPlugin } from './newsroom/plugin.tsx';
import type { SignInThrottles } from '../services/auth/throttle.ts';
import { registerFeedRoutes } from './feeds/feed-routes.ts';
import { registerArticleRoutes } from './reader/article-routes.ts';
import type { ReaderDeps } from './reader/context.ts';
import { registerListingRoutes } from './reader/listing-routes.ts';
import { registerPreviewRoutes } from './reader/preview-routes.ts';
import { HIT_PATH, registerReadership } from './reader/hit-route.ts';
import { beaconFastPath } from './reader/hit-fast-path.ts';
import { registerPrivacyRoute } from './reader/privacy-route.ts';
import { registerCorrectionsRoute } from './reader/corrections-route.ts';
import { registerLiveRoutes } from './reader/live/routes.ts';
import { registerOfflineReading } from './reader/pwa/routes.ts';
import type { ReadershipOptions } from '../services/readership/record.ts';
import { registerSearchRoutes } from './reader/search-routes.ts';
import { registerNewsletter } from './reader/newsletter/routes.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { EDITION_MOUNTS } from './reader/edition-route.ts';
import { playerOrigins } from '../core/embeds/registry.ts';

export interface AppOptions {
  services: Services;
  /** Defaults to 5 comments per IP per 10 minutes. */
  commentLimiter?: RateLimiter;
  /** Defaults to 5 failures per account and 20 per address in 15 minutes. */
  signInThrottles?: SignInThrottles;
  logger?: boolean;
  /** Carries page-cache invalidations to every process; defaults to this process only. */
  cacheBus?: CacheBus;
  /** Shares the content API's rate-limit counts between processes. */
  redis?: RedisClient;
  /** Page-view counting (flush interval, reload window, per-address budget); defaults otherwise. */
  readership?: ReadershipOptions;
  /** Live updates' stream cap and heartbeat (tests and the benchmark shorten them). */
  live?: { maxStreams?: number; heartbeatMs?: number };
  /** Told of every route as it is added: the route table, for tests that visit them all. */
  onRoute?: (route: { method: string | string[]; url: string }) => void;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { services } = options;
  const { config } = services;
  const cacheBus = options.cacheBus ?? localCacheBus();
  const pageCache = createPageCache({
    config: config.cache,
    events: services.events,
    bus: cacheBus,
    sessionCookie: SESSION_COOKIE,
  });
  const fastPath = pageCache.fastPath(() => app.log);
  // Only the process where a change happens purges the CDN: the others hear of it on the bus.
  const stopPurge = config.cache.purge
    ? startCdnPurge(services.events, config.cache.purge, () => app.log)
    : null;
  const https = config.publicUrl.startsWith('https:');
  // Readership beacons are answered before Fastify too (reader/hit-fast-path.ts).
  const beacons = beaconFastPath(
    () => app.readership,
    HIT_PATH,
    process.env.MIDAD_TRUST_PROXY === '1',
    (err) => app.log.error({ err }, 'a readership beacon failed'),
  );
  const app: FastifyInstance = Fastify({
    // Fresh cached pages are answered before Fastify routes the request.
    // Each request's reads share one snapshot (one read transaction on SQLite).
    serverFactory: serverWithFastPath(fastPath, beacons, (handle) => inRequestScope(services, handle)),
    logger: options.logger === false ? false : loggerOptions(config.logLevel),
    logController: new OneLinePerRequest(config.requestLog),
    trustProxy: process.env.MIDAD_TRUST_PROXY === '1',
    // Arabic slugs arrive percent-encoded; Fastify decodes them before routing.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 1000 },
    bodyLimit: 1024 * 1024,
    requestTimeout: config.timeouts.request * 1000,
    frameworkErrors: legacyBadUrlHandler(services, bareSecurityHeaders(https)),
  });

  limitSlowClients(app, config.timeouts);
  const { onRoute } = options;
  if (onRoute) app.addHook('onRoute', (route) => onRoute({ method: route.method, url: route.url }));

  registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'font-src': ["'self'"],
        'form-action': ["'self'"],
        // Exactly the registered embed players (core/embeds), loaded only after a reader presses play.
        'frame-src': playerOrigins(),
        'frame-ancestors': ["'none'"],
        'base-uri': ["'self'"],
        'object-src': ["'none'"],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    hsts: https ? { maxAge: HSTS_MAX_AGE } : false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  await registerPublicCors(app);
  // Pages and API answers are in memory and mostly 5-100 KB: compressing them in one call costs
  // about half of what a zlib stream per response does. The library's default sync limit (8 KB
  // on 2 cores) assumes spare cores for its thread pool, which `midad serve` does not leave:
  // it runs one worker per core. Larger bodies and streams still go through the thread pool.
  // What is compressed here is made for one request (a page the cache does not hold yet, a
  // signed-in page, an API answer), so speed counts more than the last few percent: gzip level 1,
  // as nginx's default, and brotli quality 2 take under half the CPU of the library's defaults
  // (level 6, quality 4) on a 22 KB article, for an answer 10-13% larger. Pages the cache keeps
  // are compressed again once, well, when they are stored (cache/encoding.ts).
  await app.register(compress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    syncThreshold: 128 * 1024,
    zlibOptions: { level: 1 },
    brotliOptions: {
      params: {
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_QUALITY]: 2,
      },
    },
  });
  await app.register(formbody, { bodyLimit: 64 * 1024, parser: parseFormEncoded });
  // The content API checks its own parameters and answers with its documented codes.
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) checkQueryEncoding(request.url);
  });
  await app.register(cookie);
  // Before the routes and the plugins that hold them, so its hooks reach every route.
  pageCache.register(app);
  if (stopPurge) app.addHook('onClose', async () => stopPurge());

  const { urls, files } = loadAssets();
  const deps: ReaderDeps = { services, assets: urls };
  // Before any route: Fastify binds a route to the error handler in force when it is added.
  registerErrorHandling(app, deps);
  registerAssets(app, files, urls);
  // Before the reader routes: its hook marks answers to signed-in requests as the worker needs.
  registerOfflineReading(app, deps);
  await app.register(fastifyStatic, {
    root: config.mediaRoot,
    prefix: '/media/',
    decorateReply: false,
    maxAge: '365d',
    immutable: true,
    index: false,
  });

  registerHealthRoutes(app, services);
  await registerReadership(app, services, {
    ...(options.redis ? { redis: options.redis } : {}),
    ...options.readership,
  });
  const commentLimiter = options.commentLimiter ?? memoryRateLimiter(5, 10 * 60 * 1000);
  // ar at the root, /fr and /en, then one parametric mount for every further edition (/fa, /ha).
  for (const mount of EDITION_MOUNTS) {
    registerListingRoutes(app, deps, mount);
    registerArticleRoutes(app, { ...deps, commentLimiter }, mount);
    registerSearchRoutes(app, deps, mount);
    registerPrivacyRoute(app, deps, mount);
    registerCorrectionsRoute(app, deps, mount);
    registerFeedRoutes(app, deps, mount);
  }
  await registerNewsletter(app, deps, options.redis ? { redis: options.redis } : {});
  registerLiveRoutes(app, deps, { bus: cacheBus, ...options.live });

  await app.register(newsroomPlugin, {
    prefix: '/newsroom',
    services,
    assets: urls,
    ...(options.signInThrottles ? { throttles: options.signInThrottles } : {}),
  });

  registerSitemapRoutes(app, services);
  await app.register(contentApi, {
    prefix: '/api/v1',
    services,
    ...(options.redis ? { redis: options.redis } : {}),
  });
  // The write API: bearer tokens, its own rate limit per token (see docs/api.md).
  await app.register(adminApi, {
    prefix: '/api/v1/admin',
    services,
    ...(options.redis ? { redis: options.redis } : {}),
  });
  registerPreviewRoutes(app, deps);
  registerLegacyQueryRedirects(app, services);
  app.setNotFoundHandler(async (request, reply) => {
    // Old URLs (for instance from an imported site) answer with their recorded redirect.
    if (request.method === 'GET' || request.method === 'HEAD') {
      const redirect = await findRecordedRedirect(services, request.url);
      if (redirect) {
        if (redirect.statusCode === 410) return reply.code(410).send();
        return reply.redirect(redirect.toPath, redirect.statusCode);
      }
    }
    return sendNotFound(deps, request, reply);
  });
  return app;
}

const HSTS_MAX_AGE = 15552000;

/** For answers given before Fastify's hooks run (a malformed URL): JSON or a redirect, nothing to load. */
function bareSecurityHeaders(https: boolean): Record<string, string> {
  return {
    'content-security-policy':
      "default-src 'none'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'",
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
    ...(https ? { 'strict-transport-security': `max-age=${HSTS_MAX_AGE}; includeSubDomains` } : {}),
  };
}

/**
 * A client that trickles its headers or never finishes its body gets a 408 and loses its
 * connection (Fastify sets the whole-request limit; the headers limit is Node's own). Node looks
 * for overdue connections every 30 seconds by default: checked more often, short limits hold.
 */
function limitSlowClients(app: FastifyInstance, timeouts: { headers: number; request: number }): void {
  const server = app.server as typeof app.server & { connectionsCheckingInterval: number };
  server.headersTimeout = timeouts.headers * 1000;
  server.requestTimeout = timeouts.request * 1000;
  server.connectionsCheckingInterval = Math.min(30_000, Math.max(250, (timeouts.headers * 1000) / 4));
}
