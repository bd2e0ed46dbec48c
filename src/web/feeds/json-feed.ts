// JSON Feed 1.1 (https://jsonfeed.org/version/1.1). Translations go in a `_midad` extension
// object, the spec's way of adding what it does not define.
import type { FeedView } from './model.ts';

export interface JsonFeedItem {
  id: string;
  url: string;
  title: string;
  summary: string;
  content_html?: string;
  content_text?: string;
  image?: string;
  date_published: string;
  date_modified: string;
  authors?: { name: string; url?: string }[];
  tags?: string[];
  language: string;
  _midad?: { translations: { language: string; url: string }[] };
}

export interface JsonFeed {
  version: 'https://jsonfeed.org/version/1.1';
  title: string;
  home_page_url: string;
  feed_url: string;
  description?: string;
  language: string;
  authors: { name: string; url?: string }[];
  items: JsonFeedItem[];
}

export function toJsonFeed(feed: FeedView): JsonFeed {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.pageUrl,
    feed_url: feed.links.json,
    ...(feed.description ? { description: feed.description } : {}),
    language: feed.lang,
    authors: [feed.publisher],
    items: feed.items.map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      summary: item.summary,
      // An item needs content_html or content_text: the summary stands in when bodies are off.
      ...(item.contentHtml !== null ? { content_html: item.contentHtml } : { content_text: item.summary }),
      ...(item.image ? { image: item.image.url } : {}),
      date_published: item.published,
      date_modified: item.updated,
      ...(item.authors.length > 0 ? { authors: item.authors } : {}),
      ...(item.categories.length > 0 ? { tags: item.categories.map((c) => c.label) } : {}),
      language: item.lang,
      ...(item.alternates.length > 0
        ? { _midad: { translations: item.alternates.map((a) => ({ language: a.lang, url: a.url })) } }
        : {}),
    })),
  };
}

export function renderJsonFeed(feed: FeedView): string {
  return JSON.stringify(toJsonFeed(feed));
}
