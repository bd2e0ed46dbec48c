// Old URLs and new ones. An imported site's old paths are stored in the redirects table under
// one normal form, so that however a browser or a crawler spells a link (upper- or lower-case
// percent-encoding, with or without the trailing slash, a slug WordPress cut in the middle of
// a character) the lookup finds it.

/** Query parameters by which WordPress addresses a record whatever the permalink structure. */
const ID_PARAMS = ['p', 'page_id', 'attachment_id', 'cat', 'tag', 'author'] as const;

/**
 * Percent-decoding that never fails: valid UTF-8 sequences are decoded, and an incomplete
 * one (a slug cut at 200 bytes in the middle of a character) is dropped.
 */
export function lenientDecode(text: string): { text: string; repaired: boolean } {
  if (!text.includes('%')) return { text, repaired: false };
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text[i] === '%' ? text.slice(i + 1, i + 3) : '';
    if (/^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i] ?? '', 'utf8'));
    }
  }
  const decoded = new TextDecoder('utf-8').decode(Uint8Array.from(bytes));
  const repaired = decoded.includes('\uFFFD');
  return { text: repaired ? decoded.replace(/\uFFFD/g, '') : decoded, repaired };
}

/**
 * The normal form of a path (and the WordPress id parameter of its query, if any): decoded,
 * no trailing slash, no empty segments. Null for a path that cannot be an old page.
 */
export function redirectKey(pathAndQuery: string): string | null {
  const hashless = pathAndQuery.split('#')[0] ?? '';
  const queryAt = hashless.indexOf('?');
  const rawPath = queryAt < 0 ? hashless : hashless.slice(0, queryAt);
  const query = new URLSearchParams(queryAt < 0 ? '' : hashless.slice(queryAt + 1));
  const decoded = lenientDecode(rawPath.replace(/\+/g, '%2B')).text;
  const segments = decoded.split('/').filter((s) => s !== '');
  const path = `/${segments.join('/')}`;
  for (const name of ID_PARAMS) {
    const value = query.get(name);
    if (value && /^[\p{L}\p{N}_-]+$/u.test(value)) return `${path}?${name}=${value}`;
  }
  return path === '/' ? null : path;
}

/** The old path of a URL on the old site; null when the URL is elsewhere. */
export function oldSitePath(url: string, hosts: ReadonlySet<string>): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (!hosts.has(parsed.host.toLowerCase())) return null;
  // Sites installed in a folder (example.com/blog/) keep the folder in their old paths.
  return redirectKey(parsed.pathname + parsed.search);
}

// The new addresses are the site's own (core/urls.ts), under the names the importer uses.
export {
  articlePath as newArticlePath,
  authorPath as newAuthorPath,
  sectionPath as newSectionPath,
  tagPath as newTagPath,
} from '../../core/urls.ts';
