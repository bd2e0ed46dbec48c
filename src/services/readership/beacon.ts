// What a page's beacon may say, and nothing more: the article shown (by id) or the kind of
// page, the page's language, and the referring site's domain (the host only; the script never
// sends a full address). Anything else, or anything larger, is not a view: it is dropped.
import { z } from 'zod';
import type { Edition } from '../../core/types.ts';

/** Reader pages that are not articles; their views are counted under article id 0. */
export const PAGE_KINDS = ['home', 'section', 'tag', 'author', 'search', 'privacy'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

/** A beacon is a few dozen bytes; a larger body is not one. */
export const MAX_BEACON_BYTES = 512;

const Beacon = z
  .object({
    a: z.number().int().positive().max(2_147_483_647).optional(),
    p: z.enum(PAGE_KINDS).optional(),
    // The page's edition as its prefix writes it: ar, fr, en, fa, ha-arab…
    l: z
      .string()
      .regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i)
      .max(40),
    r: z.string().max(260).optional(),
  })
  .strict()
  .refine((b) => (b.a === undefined) !== (b.p === undefined));

export interface BeaconView {
  /** 0 for a page that is not an article. */
  articleId: number;
  /** The page's language (an article's own language is taken from the database at flush). */
  lang: Edition;
  /** Referring domain, lower-case, without "www."; '' for none or the site itself. */
  domain: string;
  /** What a reload repeats: the article, or the kind of page in its language. */
  page: string;
}

const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/** The referrer's host as stored: '' when absent, the site itself, or not a host name. */
export function referrerDomain(raw: string | undefined, ownHost: string): string {
  if (!raw) return '';
  const host = raw.trim().toLowerCase().replace(/\.$/, '');
  if (!HOST.test(host)) return '';
  const bare = host.startsWith('www.') ? host.slice(4) : host;
  const own = ownHost.toLowerCase().replace(/^www\./, '');
  return bare === own ? '' : bare;
}

/** The beacon's view, or null for anything that is not a well-formed beacon. */
export function parseBeacon(body: unknown, ownHost: string): BeaconView | null {
  let value: unknown = body;
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    const text = body.toString();
    if (text.length > MAX_BEACON_BYTES) return null;
    try {
      value = JSON.parse(text);
    } catch {
      return null;
    }
  }
  const parsed = Beacon.safeParse(value);
  if (!parsed.success) return null;
  const b = parsed.data;
  return {
    articleId: b.a ?? 0,
    lang: b.l,
    domain: referrerDomain(b.r, ownHost),
    page: b.a !== undefined ? `a${b.a}` : `${b.p}:${b.l}`,
  };
}
