// Which requests may be answered from the page cache, and under which key. A query string is
// part of the key only when every parameter is one the page reads: anything else (a tracking
// parameter, ?comment=held, a search text) goes straight to the route, so nobody can fill the
// cache with endless variants of one page.

/** Parameters each kind of cached URL reads. Search text is free-form and unbounded, and the
 *  search index keeps its own cache of query plans, so search pages are not stored. */
const API_PARAMS = new Set(['lang', 'section', 'tag', 'author', 'from', 'to', 'cursor', 'limit', 'fields']);
const PAGE_PARAMS = new Set(['page']);
/** A live article's updates for open pages: many readers ask for the same `after`. */
const LIVE_PARAMS = new Set(['after']);

/** Never stored, whoever asks: private, dynamic or already served from memory by other means. */
const PASS_PREFIXES = [
  '/newsroom',
  '/preview/',
  '/assets/',
  '/media/',
  '/api/v1/search',
  '/healthz',
  '/readyz',
];

const MAX_VALUE_CHARS = 200;

/**
 * The cache key of a GET or HEAD request (both share one entry), or null when the request must
 * not be answered from or stored in the cache.
 */
export function cacheKey(method: string, host: string | undefined, url: string): string | null {
  if (method !== 'GET' && method !== 'HEAD') return null;
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  for (const prefix of PASS_PREFIXES) if (path.startsWith(prefix)) return null;
  // A live event stream stays open for as long as the reader reads: never a page to store.
  if (path.startsWith('/live/') && path.endsWith('/stream')) return null;
  const where = `GET ${(host ?? '').toLowerCase()}${path}`;
  if (q === -1 || q === url.length - 1) return where;
  const allowed = path.startsWith('/api/')
    ? API_PARAMS
    : path.startsWith('/live/')
      ? LIVE_PARAMS
      : PAGE_PARAMS;
  const params = new URLSearchParams(url.slice(q + 1));
  const seen = new Set<string>();
  for (const [name, value] of params) {
    // A repeated parameter is ambiguous (which one does the route read?): not worth a slot.
    if (!allowed.has(name) || seen.has(name) || value.length > MAX_VALUE_CHARS) return null;
    seen.add(name);
  }
  params.sort();
  return `${where}?${params.toString()}`;
}
