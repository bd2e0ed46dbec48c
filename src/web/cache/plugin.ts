// The whole-page cache in front of the routes. A route opts in by declaring what its answer
// shows (`dependsOn(reply, ...)`); a 200 answer to a GET without a staff session, a cookie or a
// private Cache-Control is then stored with its gzip and brotli copies and served from memory
// until an event touches one of its tags or its lifetime ends. Every shareable answer, stored
// or not, gets the CDN headers. Signed-in staff always get a fresh, private render.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CacheConfig } from '../../config.ts';
import type { EventBus } from '../../services/events.ts';
import type { CacheBus } from './bus.ts';
import { declaredTags } from './dependencies.ts';
import { isPrivate, publicCacheControl, tagHeaders } from './cdn.ts';
import { type Coding, compressBoth, hashOf, negotiate } from './encoding.ts';
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

/** Headers of a route's answer that belong to the page and are replayed with it. */
const KEPT_HEADERS = ['content-type', 'last-modified', 'content-language', 'x-robots-tag', 'link'];
/** A request waiting for another to render the same page gives up after this long. */
const FOLLOW_TIMEOUT_MS = 5000;

export function registerPageCache(app: FastifyInstance, options: PageCacheOptions): PageStore | null {
  const { config } = options;
  const store = config.pageCacheBytes > 0 ? new PageStore(config.pageCacheBytes) : null;
  const inflight = new Map<string, Promise<void>>();
  const cookiePattern = new RegExp(`(?:^|;\\s*)${options.sessionCookie}=`);

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
      staff: cookie !== undefined && cookiePattern.test(cookie),
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
    const headers: Record<string, string> = {
      'cache-control': publicCacheControl(config, routeCacheControl),
      ...tagHeaders(tags),
    };
    for (const name of KEPT_HEADERS) {
      const value = header(reply, name);
      if (value !== undefined) headers[name] = value;
    }
    const storable =
      store &&
      state.key !== null &&
      request.method === 'GET' &&
      isBody(payload) &&
      Boolean(headers['content-type']);
    if (!storable) {
      release(state);
      reply.headers(headers).header('vary', 'Accept-Encoding');
      if (store) reply.header('x-cache', 'BYPASS');
      return payload;
    }
    const identity = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
    const { gzip, br } = await compressBoth(identity);
    const now = Date.now();
    const page: CachedPage = {
      key: state.key!,
      headers,
      identity,
      gzip,
      br,
      hash: hashOf(identity),
      tags,
      storedAt: now,
      freshUntil: now + config.pageTtl * 1000,
      staleSince: null,
    };
    store.set(page, state.startedAt);
    release(state);
    return answerWith(request, reply, page, 'MISS');
  });

  return store;
}

/** Sets the status and headers for a stored page and returns the body to send (none for 304). */
function answerWith(request: FastifyRequest, reply: FastifyReply, page: CachedPage, label: string) {
  const coding = negotiate(request.headers['accept-encoding'], {
    br: page.br !== null,
    gzip: page.gzip !== null,
  });
  reply.removeHeader('etag');
  reply.removeHeader('content-encoding');
  reply
    .headers(page.headers)
    .header('etag', etagOf(page.hash, coding))
    .header('vary', 'Accept-Encoding')
    .header('x-cache', label);
  if (isFresh(request, page)) {
    reply.code(304).removeHeader('content-length');
    return null;
  }
  const body = coding === 'br' ? page.br! : coding === 'gzip' ? page.gzip! : page.identity;
  if (coding !== 'identity') reply.header('content-encoding', coding);
  reply.code(200).header('content-length', body.length);
  return body;
}

/** One strong validator per representation: compressed bytes differ from the identity ones. */
function etagOf(hash: string, coding: Coding): string {
  return coding === 'identity' ? `"${hash}"` : `"${hash}-${coding}"`;
}

/**
 * Whether the client's copy is current. A client holding any coding of the same content has
 * the current page. If-None-Match, when sent, decides over If-Modified-Since (RFC 9110 §13.2.2).
 */
function isFresh(request: FastifyRequest, page: CachedPage): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    const { hash } = page;
    return ifNoneMatch.split(',').some((raw) => {
      const tag = raw.trim().replace(/^W\//, '');
      return tag === '*' || tag === `"${hash}"` || tag === `"${hash}-br"` || tag === `"${hash}-gzip"`;
    });
  }
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  const modified = Date.parse(page.headers['last-modified'] ?? '');
  return !Number.isNaN(since) && !Number.isNaN(modified) && modified <= since;
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
