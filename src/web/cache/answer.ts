// How a stored page is answered, the same whether Fastify or the fast path serves it: which
// coding the client gets, the strong validator of that representation, and whether the client's
// copy is current (304).
import type { IncomingHttpHeaders } from 'node:http';
import { type Coding, negotiate } from './encoding.ts';
import type { CachedPage } from './store.ts';

/** Headers that describe one response on the wire rather than the page: never stored. */
export const PER_RESPONSE_HEADERS = new Set([
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'etag',
  'vary',
  'x-cache',
  'date',
  'connection',
  'keep-alive',
  'set-cookie',
  'retry-after',
]);

/** Accept-Encoding values repeat (a handful of browsers): remember their outcome. */
const codings = new Map<string, Coding>();

export function codingFor(headers: IncomingHttpHeaders, page: CachedPage): Coding {
  const accept = headers['accept-encoding'] ?? '';
  const available = (page.br ? 1 : 0) + (page.gzip ? 2 : 0);
  const memo = `${available}${accept}`;
  let coding = codings.get(memo);
  if (coding === undefined) {
    coding = negotiate(accept, { br: page.br !== null, gzip: page.gzip !== null });
    if (codings.size >= 256) codings.clear();
    codings.set(memo, coding);
  }
  return coding;
}

export function bodyFor(page: CachedPage, coding: Coding): Buffer {
  return coding === 'br' ? page.br! : coding === 'gzip' ? page.gzip! : page.identity;
}

/** One strong validator per representation: compressed bytes differ from the identity ones. */
export function etagOf(page: CachedPage, coding: Coding): string {
  return coding === 'identity' ? `"${page.hash}"` : `"${page.hash}-${coding}"`;
}

/**
 * Whether the client's copy is current. A client holding any coding of the same content has
 * the current page. If-None-Match, when sent, decides over If-Modified-Since (RFC 9110 §13.2.2).
 */
export function clientIsCurrent(headers: IncomingHttpHeaders, page: CachedPage): boolean {
  const ifNoneMatch = headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    const { hash } = page;
    return ifNoneMatch.split(',').some((raw) => {
      const tag = raw.trim().replace(/^W\//, '');
      return tag === '*' || tag === `"${hash}"` || tag === `"${hash}-br"` || tag === `"${hash}-gzip"`;
    });
  }
  const since = Date.parse(headers['if-modified-since'] ?? '');
  const modified = Date.parse(page.headers['last-modified'] ?? '');
  return !Number.isNaN(since) && !Number.isNaN(modified) && modified <= since;
}
