// Sitemap documents (sitemaps.org 0.9) with Google's image and news extensions and
// xhtml:link hreflang alternates. Child order follows the schemas: loc, lastmod, then the
// extension elements; news:publication before publication_date and title.
import type { Edition } from '../../core/types.ts';
import type { HreflangLink } from '../reader/meta/hreflang.ts';
import { el, renderXml, textEl } from './xml.ts';

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** W3C datetime without milliseconds: "2026-11-29T06:10:48Z". */
export function w3cDate(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The latest of some ISO dates (they sort as text), or null when there are none. */
export function newestOf(dates: readonly (string | null | undefined)[]): string | null {
  let newest: string | null = null;
  for (const d of dates) if (d && (newest === null || d > newest)) newest = d;
  return newest;
}

export interface SitemapRef {
  loc: string;
  lastmod: string | null;
}

export function renderSitemapIndex(sitemaps: SitemapRef[]): string {
  return renderXml(
    el(
      'sitemapindex',
      { xmlns: SITEMAP_NS },
      sitemaps.map((s) =>
        el('sitemap', {}, el('loc', {}, s.loc), s.lastmod ? el('lastmod', {}, w3cDate(s.lastmod)) : null),
      ),
    ),
  );
}

export interface SitemapUrl {
  loc: string;
  lastmod: string | null;
  images: string[];
  alternates: HreflangLink[];
}

export function renderUrlset(urls: SitemapUrl[]): string {
  return renderXml(
    el(
      'urlset',
      {
        xmlns: SITEMAP_NS,
        'xmlns:image': 'http://www.google.com/schemas/sitemap-image/1.1',
        'xmlns:xhtml': 'http://www.w3.org/1999/xhtml',
      },
      urls.map((u) =>
        el(
          'url',
          {},
          el('loc', {}, u.loc),
          u.lastmod ? el('lastmod', {}, w3cDate(u.lastmod)) : null,
          u.images.map((src) => el('image:image', {}, el('image:loc', {}, src))),
          u.alternates.map((a) => el('xhtml:link', { rel: 'alternate', hreflang: a.hreflang, href: a.href })),
        ),
      ),
    ),
  );
}

export interface NewsUrl {
  loc: string;
  publicationName: string;
  /** ISO 639 code, as Google News wants it ("ar", never "ar-EG"). */
  lang: Edition;
  published: string;
  title: string;
}

export function renderNewsSitemap(urls: NewsUrl[]): string {
  return renderXml(
    el(
      'urlset',
      { xmlns: SITEMAP_NS, 'xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9' },
      urls.map((u) =>
        el(
          'url',
          {},
          el('loc', {}, u.loc),
          el(
            'news:news',
            {},
            el(
              'news:publication',
              {},
              el('news:name', {}, u.publicationName),
              el('news:language', {}, u.lang),
            ),
            el('news:publication_date', {}, w3cDate(u.published)),
            textEl('news:title', u.title),
          ),
        ),
      ),
    ),
  );
}
