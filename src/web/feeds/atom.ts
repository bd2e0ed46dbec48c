// Atom 1.0 (RFC 4287). The feed and, when it differs, each entry carry xml:lang, so readers
// lay out Arabic right-to-left; translations are alternate links with their hreflang.
import type { FeedView } from './model.ts';
import { el, renderXml, textEl } from './xml.ts';

// An empty feed still needs an <updated>; a fixed date keeps its ETag stable.
const EPOCH = '1970-01-01T00:00:00.000Z';

export function renderAtom(feed: FeedView): string {
  return renderXml(
    el(
      'feed',
      { xmlns: 'http://www.w3.org/2005/Atom', 'xml:lang': feed.lang },
      el('id', {}, feed.links.atom),
      el('title', { type: 'text' }, feed.title),
      textEl('subtitle', feed.description, { type: 'text' }),
      el('updated', {}, feed.updated ?? EPOCH),
      el('link', { rel: 'alternate', type: 'text/html', hreflang: feed.lang, href: feed.pageUrl }),
      el('link', { rel: 'self', type: 'application/atom+xml', href: feed.links.atom }),
      // Entries without a byline are the publication's own; RFC 4287 wants an author either way.
      el('author', {}, el('name', {}, feed.publisher.name), textEl('uri', feed.publisher.url)),
      el('generator', {}, 'Midad'),
      feed.items.map((item) =>
        el(
          'entry',
          { 'xml:lang': item.lang !== feed.lang ? item.lang : undefined },
          el('id', {}, item.id),
          el('title', { type: 'text' }, item.title),
          el('link', { rel: 'alternate', type: 'text/html', hreflang: item.lang, href: item.url }),
          item.alternates.map((alt) =>
            el('link', { rel: 'alternate', type: 'text/html', hreflang: alt.lang, href: alt.url }),
          ),
          el('published', {}, item.published),
          el('updated', {}, item.updated),
          item.authors.map((a) => el('author', {}, el('name', {}, a.name), textEl('uri', a.url))),
          item.categories.map((c) => el('category', { term: c.term, label: c.label })),
          textEl('summary', item.summary, { type: 'text' }),
          item.contentHtml !== null ? el('content', { type: 'html' }, item.contentHtml) : null,
          item.image ? el('link', { rel: 'enclosure', type: item.image.mime, href: item.image.url }) : null,
        ),
      ),
    ),
  );
}
