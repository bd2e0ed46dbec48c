// The whole-page cache in front of the routes. A route opts in by declaring what its answer
// shows (`dependsOn(reply, ...)`); a 200 answer to a GET without a staff session, a cookie or a
// private Cache-Control is then stored with its gzip and brotli copies and served from memory
// until an event touches one of its tags or its lifetime ends. Every shareable answer, stored
// or not, gets the CDN headers. Signed-in staff always get a fresh, private render. Fresh hits
// on a listening server are answered before Fastify by fast-path.ts; these hooks answer the
// rest (and every hit under app.inject).
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CacheConfig } from '../../config.ts';
import type { EventBus } from '../../services/events.ts';
import { bodyFor, clientIsCurrent, codingFor, etagOf, PER_RESPONSE_HEADERS } from './answer.ts';
import type { CacheBus } from './bus.ts';
import { isPrivate, publicCacheControl, tagHeaders } from './cdn.ts';
import { declaredTags } from './dependencies.ts';
import { compressBoth, hashOf } from './encoding.ts';
import type { FastPath } from './fast-path.ts';
import { invalidationFor } from './invalidation.ts';
import { cacheKey } from './key.ts';
import { type CachedPage, PageStore } from './store.ts';

declare module 'fastify' {
  interface FastifyRequest {
    pageCache: RequestState | null;
  }
}

interface RequestState {
  key: string | null;
  /** The request carries a newsroom session: never served from or stored in the cache. */
  staff: boolean;
  /** The store's generation when rendering began. */
  startedAt: number;
  /** An old copy that may stand in if the render fails. */
  stale: CachedPage | null;
  /** Set when this request renders a page that others asking for the same key wait for. */
  leader: (() => void) | null;
  served: boolean;
}

export interface PageCacheOptions {
  config: CacheConfig;
  events: EventBus;
  bus: CacheBus;
  /** Requests with this cookie belong to signed-in staff. */
  sessionCookie: string;
}

export interface PageCache {
  store: PageStore | null;
  /** For the server factory (see fast-path.ts); null when the cache is off. */
  fastPath(log: () => FastifyBaseLogger): FastPath | null;
  /** Adds the hooks; call before any route, or plugin holding routes, is registered. */
  register(app: FastifyInstance): void;
}

/** A request waiting for another to render the same page gives up after this long. */
const FOLLOW_TIMEOUT_MS = 5000;

export function createPageCache(options: PageCacheOptions): PageCache {
  const store = options.config.pageCacheBytes > 0 ? new PageStore(options.config.pageCacheBytes) : null;
  const staffCookie = new RegExp(`(?:^|;\\s*)${options.sessionCookie}=`);
  return {
    store,
    fastPath: (log) => (store ? { store, staffCookie, log } : null),
    register: (app) => registerHooks(app, options, store, staffCookie),
  };
}

function registerHooks(
  app: FastifyInstance,
  options: PageCacheOptions,
  store: PageStore | null,
  staffCookie: RegExp,
): void {
  const { config } = options;
  const inflight = new Map<string, Promise<void>>();

  app.decorateRequest('pageCache', null);

  if (store) {
    const unsubscribeBus = options.bus.subscribe((invalidation) => {
      const count = store.invalidate(invalidation);
      app.log.debug({ invalidation, count }, 'page cache invalidated');
    });
    const unsubscribeEvents = options.events.on((event) => {
      const invalidation = invalidationFor(event);
      return invalidation ? options.bus.publish(invalidation) : undefined;
    });
    app.addHook('onClose', async () => {
      unsubscribeEvents();
      unsubscribeBus();
      store.clear();
    });
  }

  app.addHook('onRequest', async (request, reply) => {
    const cookie = request.headers.cookie;
    const state: RequestState = {
      key: cacheKey(request.method, request.headers.host, request.url),
      staff: cookie !== undefined && staffCookie.test(cookie),
      startedAt: 0,
      stale: null,
      leader: null,
      served: false,
    };
    request.pageCache = state;
    if (!store || state.key === null || state.staff) return;
    let found = store.get(state.key);
    if (!found?.fresh) {
      const pending = inflight.get(state.key);
      if (pending) {
        // Someone is rendering this page already: wait for it rather than render it again.
        await Promise.race([pending, new Promise((resolve) => setTimeout(resolve, FOLLOW_TIMEOUT_MS))]);
        found = store.get(state.key);
      } else if (request.method === 'GET') {
        const key = state.key;
        inflight.set(
          key,
          new Promise<void>((resolve) => {
            state.leader = () => {
              inflight.delete(key);
              resolve();
            };
          }),
        );
      }
    }
    if (found?.fresh) {
      state.served = true;
      return reply.send(answerWith(request, reply, found.page, 'HIT'));
    }
    state.stale = found?.page ?? null;
    state.startedAt = store.generation;
  });

  const release = (state: RequestState) => {
    state.leader?.();
    state.leader = null;
  };
  app.addHook('onResponse', async (request) => {
    if (request.pageCache) release(request.pageCache);
  });
  app.addHook('onRequestAbort', async (request) => {
    if (request.pageCache) release(request.pageCache);
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const state = request.pageCache;
    if (!state || state.served) return payload;
    if (state.stale && reply.statusCode >= 500) {
      // The render failed (the database is down, most likely): an old copy beats an error page.
      if (usableWhenFailing(state.stale, config)) {
        release(state);
        reply.removeHeader('retry-after');
        return answerWith(request, reply, state.stale, 'STALE');
      }
    } else if (state.stale && reply.statusCode !== 200 && store) {
      // The page is gone or moved: its old copy must not come back during an outage.
      store.remove(state.stale.key);
    }
    const declared = declaredTags(request);
    if (!declared) {
      release(state);
      return payload;
    }
    const routeCacheControl = header(reply, 'cache-control');
    if (state.staff) {
      reply.header('cache-control', 'private, no-store');
      if (store) reply.header('x-cache', 'BYPASS');
      return payload;
    }
    if (reply.statusCode !== 200 || isPrivate(routeCacheControl) || reply.hasHeader('set-cookie')) {
      release(state);
      return payload;
    }
    const tags = [...declared].sort();
    reply
      .header('cache-control', publicCacheControl(config, routeCacheControl))
      .headers(tagHeaders(tags))
      .header('vary', 'accept-encoding');
    if (!store || state.key === null || request.method !== 'GET' || !isBody(payload)) {
      release(state);
      if (store) reply.header('x-cache', 'BYPASS');
      return payload;
    }
    // Everything this answer carries but its length, coding and validator, security headers
    // included, so that the fast path can replay them without Fastify.
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      // A rate limiter's counts belong to one client, not to the page.
      if (value === undefined || PER_RESPONSE_HEADERS.has(name) || name.startsWith('x-ratelimit-')) continue;
      headers[name] = String(value);
    }
    const identity = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
    const { gzip, br } = await compressBoth(identity);
    const now = Date.now();
    const page: CachedPage = {
      key: state.key,
      headers,
      identity,
      gzip,
      br,
      hash: hashOf(identity),
      tags,
      storedAt: now,
      freshUntil: now + lifetimeMs(config.pageTtl),
      staleSince: null,
    };
    store.set(page, state.startedAt);
    release(state);
    return answerWith(request, reply, page, 'MISS');
  });
}

/** Sets the status and headers for a stored page and returns the body to send (none for 304). */
function answerWith(request: FastifyRequest, reply: FastifyReply, page: CachedPage, label: string) {
  const coding = codingFor(request.headers, page);
  reply.removeHeader('content-encoding');
  reply
    .headers(page.headers)
    .header('etag', etagOf(page, coding))
    .header('vary', 'accept-encoding')
    .header('x-cache', label);
  if (clientIsCurrent(request.headers, page)) {
    reply.code(304).removeHeader('content-length');
    return null;
  }
  const body = bodyFor(page, coding);
  if (coding !== 'identity') reply.header('content-encoding', coding);
  reply.code(200).header('content-length', body.length);
  return body;
}

function usableWhenFailing(page: CachedPage, config: CacheConfig): boolean {
  return page.staleSince === null || Date.now() - page.staleSince <= config.staleIfError * 1000;
}

function header(reply: FastifyReply, name: string): string | undefined {
  const value = reply.getHeader(name);
  return value === undefined ? undefined : String(value);
}

function isBody(payload: unknown): payload is string | Buffer {
  return typeof payload === 'string' || Buffer.isBuffer(payload);
}

/**
 * A page's lifetime, shortened at random by up to a fifth: pages filled together (a cold start, a
 * crawler) would otherwise expire together and be rendered again in one burst, every reader of
 * them waiting on the one JavaScript thread (bench/soak: comments timed out at the ten-minute mark).
 */
export function lifetimeMs(ttlSeconds: number, random = Math.random()): number {
  return Math.round(ttlSeconds * 1000 * (1 - 0.2 * random));
}
