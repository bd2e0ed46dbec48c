// Headers for browsers and CDNs on shareable pages: Cache-Control from the configured
// lifetimes, and the page's dependency tags as purge keys in the two common spellings:
// Surrogate-Key (Fastly, Varnish xkey: space-separated) and Cache-Tag (Cloudflare, KeyCDN:
// comma-separated).
import type { CacheConfig } from '../../config.ts';

/** CDNs cap the header near 16 KB; keep well under it. */
const MAX_TAG_HEADER = 8000;

/** A route may ask for shorter lifetimes than the configured ones (search results, news sitemap). */
export function publicCacheControl(config: CacheConfig, routeHeader: string | undefined): string {
  const routeMax = directive(routeHeader, 'max-age');
  const routeShared = directive(routeHeader, 's-maxage') ?? routeMax;
  const maxAge = Math.min(config.maxAge, routeMax ?? Number.POSITIVE_INFINITY);
  const sMaxAge = Math.min(config.sMaxAge, routeShared ?? Number.POSITIVE_INFINITY);
  return [
    'public',
    `max-age=${maxAge}`,
    `s-maxage=${sMaxAge}`,
    `stale-while-revalidate=${config.staleWhileRevalidate}`,
    `stale-if-error=${config.staleIfError}`,
  ].join(', ');
}

/** Whether a route's Cache-Control forbids storing the answer for others. */
export function isPrivate(header: string | undefined): boolean {
  return header !== undefined && /\b(private|no-store|no-cache)\b/i.test(header);
}

/**
 * The purge-key headers. Broad tags go first, so that if the list must be cut it is the
 * narrowest ones that are left out (a purge of the broad tag still reaches the page).
 */
export function tagHeaders(tags: readonly string[]): { 'surrogate-key': string; 'cache-tag': string } {
  const ordered = [...tags].sort((a, b) => Number(a.includes(':')) - Number(b.includes(':')));
  const kept: string[] = [];
  let length = 0;
  for (const tag of ordered) {
    if (length + tag.length + 1 > MAX_TAG_HEADER) break;
    kept.push(tag);
    length += tag.length + 1;
  }
  return { 'surrogate-key': kept.join(' '), 'cache-tag': kept.join(',') };
}

function directive(header: string | undefined, name: string): number | undefined {
  if (!header) return undefined;
  const m = new RegExp(`(?:^|[,\\s])${name}=(\\d+)`, 'i').exec(header);
  return m ? Number(m[1]) : undefined;
}
