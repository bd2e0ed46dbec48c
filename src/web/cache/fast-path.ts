// Fresh hits answered straight from Node's request event, before Fastify routes the request:
// the stored page already carries every header its first answer had (security headers
// included), so a hit costs a key, a map lookup and one write, as a static file server would.
// Anything else (a miss, a stale page, a staff session, a query string outside the allowlist)
// goes on to Fastify unchanged.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyServerFactory } from 'fastify';
import { bodyFor, clientIsCurrent, codingFor, etagOf } from './answer.ts';
import type { Coding } from './encoding.ts';
import { cacheKey } from './key.ts';
import type { CachedPage, PageStore } from './store.ts';

export interface FastPath {
  store: PageStore;
  /** Matches a request carrying a newsroom session. */
  staffCookie: RegExp;
  log: () => FastifyBaseLogger;
}

/** Levels at which Fastify logs every request; hits are logged at the same ones. */
const LOGS_REQUESTS = new Set(['trace', 'debug', 'info']);

type Variant = Coding | `${Coding}-304`;

/** Header lists built once per page and variant ([name, value, name, value, ...]). */
const wire = new WeakMap<CachedPage, Partial<Record<Variant, string[]>>>();

/** Returns false when the request is not a fresh hit; the caller then hands it to Fastify. */
export function serveFromMemory(path: FastPath, req: IncomingMessage, res: ServerResponse): boolean {
  const method = req.method ?? '';
  if (method !== 'GET' && method !== 'HEAD') return false;
  const cookie = req.headers.cookie;
  if (cookie !== undefined && path.staffCookie.test(cookie)) return false;
  const key = cacheKey(method, req.headers.host, req.url ?? '/');
  if (key === null) return false;
  const found = path.store.get(key);
  if (!found?.fresh) return false;
  const started = performance.now();
  const { page } = found;
  const coding = codingFor(req.headers, page);
  const current = clientIsCurrent(req.headers, page);
  res.writeHead(current ? 304 : 200, headersFor(page, coding, current));
  res.end(current ? undefined : bodyFor(page, coding));
  const log = path.log();
  if (LOGS_REQUESTS.has(log.level)) {
    log.info(
      {
        req: { method, url: req.url, host: req.headers.host, remoteAddress: req.socket.remoteAddress },
        res: { statusCode: res.statusCode },
        responseTime: performance.now() - started,
        cache: 'HIT',
      },
      'request answered from memory',
    );
  }
  return true;
}

function headersFor(page: CachedPage, coding: Coding, notModified: boolean): string[] {
  let byVariant = wire.get(page);
  if (!byVariant) {
    byVariant = {};
    wire.set(page, byVariant);
  }
  const variant: Variant = notModified ? `${coding}-304` : coding;
  const built = byVariant[variant];
  if (built) return built;
  const list: string[] = [];
  for (const [name, value] of Object.entries(page.headers)) list.push(name, value);
  list.push('etag', etagOf(page, coding), 'vary', 'accept-encoding', 'x-cache', 'HIT');
  if (!notModified) {
    if (coding !== 'identity') list.push('content-encoding', coding);
    list.push('content-length', String(bodyFor(page, coding).length));
  }
  byVariant[variant] = list;
  return list;
}

/**
 * A server factory for Fastify that tries the fast path first (when the page cache is on), with
 * Fastify's own timeouts. `early` answers other requests before Fastify too (readership beacons)
 * and returns false for those it leaves to Fastify.
 */
export function serverWithFastPath(
  path: FastPath | null,
  early?: (req: IncomingMessage, res: ServerResponse) => boolean,
  /** Runs Fastify's handling of one request (services/context.ts, inRequestScope). */
  scope: (handle: () => void) => void = (handle) => handle(),
): FastifyServerFactory {
  return (handler, options) => {
    const server = http.createServer((options.http as http.ServerOptions | undefined) ?? {}, (req, res) => {
      if (early?.(req, res)) return;
      if (!path || !serveFromMemory(path, req, res)) scope(() => handler(req, res));
    });
    const number = (value: unknown) => (typeof value === 'number' ? value : undefined);
    const keepAlive = number(options.keepAliveTimeout);
    const requestTimeout = number(options.requestTimeout);
    const connectionTimeout = number(options.connectionTimeout);
    const maxRequests = number(options.maxRequestsPerSocket);
    if (keepAlive !== undefined) server.keepAliveTimeout = keepAlive;
    if (requestTimeout !== undefined) server.requestTimeout = requestTimeout;
    if (connectionTimeout !== undefined) server.setTimeout(connectionTimeout);
    if (maxRequests) server.maxRequestsPerSocket = maxRequests;
    return server;
  };
}
