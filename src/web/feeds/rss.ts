// RSS 2.0 (https://www.rssboard.org/rss-specification), with content:encoded for full bodies,
// dc:creator for authors (RSS's own <author> wants an e-mail address) and Media RSS for the
// featured image (an <enclosure> would need the file's byte length).
import type { FeedView } from './model.ts';
import { el, renderXml, textEl } from './xml.ts';

/** RFC 822 dates, as RSS requires: "Sun, 29 Nov 2026 07:06:35 GMT". */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

export function renderRss(feed: FeedView): string {
  return renderXml(
    el(
      'rss',
      {
        version: '2.0',
        'xmlns:atom': 'http://www.w3.org/2005/Atom',
        'xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
        'xmlns:dc': 'http://purl.org/dc/elements/1.1/',
        'xmlns:media': 'http://search.yahoo.com/mrss/',
      },
      el(
        'channel',
        {},
        textEl('title', feed.title),
        textEl('link', feed.pageUrl),
        // <description> is required, even when the site has none.
        el('description', {}, feed.description || feed.title),
        textEl('language', feed.lang),
        feed.updated ? textEl('lastBuildDate', rfc822(feed.updated)) : null,
        textEl('generator', 'Midad'),
        el('atom:link', { href: feed.links.rss, rel: 'self', type: 'application/rss+xml' }),
        feed.items.map((item) =>
          el(
            'item',
            {},
            textEl('title', item.title),
            textEl('link', item.url),
            textEl('guid', item.id, { isPermaLink: 'false' }),
            textEl('pubDate', rfc822(item.published)),
            item.authors.map((a) => textEl('dc:creator', a.name)),
            // In a feed mixing languages, each item says its own.
            item.lang !== feed.lang ? textEl('dc:language', item.lang) : null,
            item.categories.map((c) => textEl('category', c.label)),
            textEl('description', item.summary),
            item.contentHtml !== null ? textEl('content:encoded', item.contentHtml) : null,
            item.image
              ? el(
                  'media:content',
                  {
                    url: item.image.url,
                    type: item.image.mime,
                    medium: 'image',
                    width: item.image.width || undefined,
                    height: item.image.height || undefined,
                  },
                  textEl('media:description', item.image.alt),
                )
              : null,
            item.alternates.map((alt) =>
              el('atom:link', { rel: 'alternate', hreflang: alt.lang, type: 'text/html', href: alt.url }),
            ),
          ),
        ),
      ),
    ),
  );
}
