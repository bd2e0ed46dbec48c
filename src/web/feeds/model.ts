// The one shape every feed format is written from. The presenter fills it from domain data;
// rss.ts, atom.ts and json-feed.ts only serialize it. URLs are absolute, dates ISO-8601 UTC.
import type { IsoDate, Edition } from '../../core/types.ts';
import type { AbsoluteImage } from '../../media/absolute-image.ts';

export interface FeedLinks {
  rss: string;
  atom: string;
  json: string;
}

export interface FeedPerson {
  name: string;
  url?: string;
}

export type FeedImage = AbsoluteImage;

export interface FeedItemView {
  /** Stable across slug changes: the id-only article URL. */
  id: string;
  url: string;
  title: string;
  /** Plain text. */
  summary: string;
  /** Sanitized HTML with absolute URLs; null when the site publishes summaries only. */
  contentHtml: string | null;
  published: IsoDate;
  updated: IsoDate;
  /** The language of the article's text (BCP 47): entries say it when it is not the feed's. */
  lang: string;
  authors: FeedPerson[];
  categories: { term: string; label: string }[];
  image: FeedImage | null;
  /** Other language versions of the article. */
  alternates: { lang: Edition; url: string }[];
}

export interface FeedView {
  lang: Edition;
  title: string;
  description: string;
  /** The HTML page whose articles the feed follows. */
  pageUrl: string;
  links: FeedLinks;
  /** The newest change among the items; null for an empty feed. */
  updated: IsoDate | null;
  publisher: FeedPerson;
  items: FeedItemView[];
}

export type FeedFormat = keyof FeedLinks;

export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

export const FEED_EXTENSIONS: Record<FeedFormat, string> = { rss: 'xml', atom: 'atom', json: 'json' };
