// Domain vocabulary shared by every layer. Rows from the database are mapped to these
// shapes by repositories; views receive them (or presenter output built from them).

export const LANGUAGES = ['ar', 'fr', 'en'] as const;
/** The interface languages: the three catalogues every page's words come from (src/locales). */
export type Lang = (typeof LANGUAGES)[number];
/**
 * An edition: a language the reader site publishes in, with its URL prefix (core/urls.ts).
 * Arabic, French and English, and any further BCP 47 tag the admin gives an edition of its own
 * ("fa", "ha"); the interface of a further edition falls back to one of `Lang`, string by string.
 */
export type Edition = string;

export const ARTICLE_STATUSES = ['draft', 'pending', 'scheduled', 'published', 'private', 'trashed'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const COMMENT_STATUSES = ['pending', 'approved', 'spam', 'trash'] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

export const ROLES = ['admin', 'editor', 'author', 'contributor'] as const;
export type Role = (typeof ROLES)[number];

/** Timestamps travel as ISO-8601 UTC strings ("2026-11-29T06:24:33.000Z") on both engines. */
export type IsoDate = string;

export interface PersonLink {
  label: string;
  url: string;
}

export interface Person {
  id: number;
  email: string;
  name: string;
  slug: string;
  bio: string;
  avatarMediaId: number | null;
  role: Role;
  locale: Lang;
  links: PersonLink[];
  /** A disabled account keeps its byline but cannot sign in. */
  disabled: boolean;
  /** Whether sign-in asks for a second factor (TOTP). */
  twoFactorEnabled: boolean;
  createdAt: IsoDate;
  updatedAt: IsoDate;
}

export interface SectionNames {
  ar: string;
  fr: string;
  en: string;
}

export interface Section {
  id: number;
  parentId: number | null;
  slug: string;
  names: SectionNames;
  /** Names in the site's further editions, by edition tag ("fa"); absent ones fall back. */
  otherNames?: Readonly<Record<string, string>>;
  position: number;
}

export interface Tag {
  id: number;
  slug: string;
  name: string;
}

export interface MediaVariant {
  width: number;
  height: number;
  format: 'jpeg' | 'webp' | 'avif' | 'png';
  /** Path relative to the media root, e.g. "2026/11/abc-800.webp". */
  path: string;
}

export interface Media extends MediaAvFields {
  id: number;
  path: string;
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  alt: string;
  caption: string;
  credit: string;
  variants: MediaVariant[];
  createdAt: IsoDate;
  /** Where crops keep the picture visible, as fractions from the top-left; absent = centre. */
  focal?: FocalPoint | null;
}

/** Audio and video facts of a media item, beside the fields every item has. */
export interface MediaAvFields {
  /** What the file is; rows read from the database always say (older literals may not). */
  kind?: MediaKind;
  /** Audio and video: the playing time the container declares. */
  durationMs?: number | null;
  /** Audio and video: the codec names read from the file. */
  codec?: string | null;
  /** Video: the library image shown before it plays. */
  posterMediaId?: number | null;
}

export type MediaKind = 'image' | 'document' | 'audio' | 'video' | 'captions';

/** A WebVTT file attached to an audio or video item as captions or subtitles. */
export interface MediaTrack {
  id: number;
  mediaId: number;
  trackMediaId: number;
  /** The path of the WebVTT file. */
  path: string;
  lang: string;
  label: string;
  kind: 'captions' | 'subtitles';
  position: number;
}

export interface FocalPoint {
  x: number;
  y: number;
}

export interface Article {
  id: number;
  translationGroup: number | null;
  /** The edition the article is published in: its URL prefix and interface language. */
  lang: Edition;
  /** The language its text is written in (BCP 47, see core/languages): `lang` or another. */
  textLang: string;
  status: ArticleStatus;
  title: string;
  slug: string;
  dek: string;
  bodyHtml: string;
  searchText: string;
  featuredMediaId: number | null;
  sectionId: number | null;
  isFeatured: boolean;
  isBreaking: boolean;
  commentsOpen: boolean;
  seoTitle: string;
  seoDescription: string;
  publishedAt: IsoDate | null;
  createdAt: IsoDate;
  updatedAt: IsoDate;
  /** Bumped by every save; a save that names an older version is refused. */
  version: number;
  /** Author ids in byline order. */
  authorIds: number[];
  tagIds: number[];
}

/**
 * An article without its text (body and search text): what cards and lists show. Reading the
 * body of every article in a list cost more than the rest of the page on long archives.
 */
export type ArticleSummary = Omit<Article, 'bodyHtml' | 'searchText'>;

export const COMMENT_KINDS = ['comment', 'pingback', 'trackback'] as const;
export type CommentKind = (typeof COMMENT_KINDS)[number];

export interface Comment {
  id: number;
  articleId: number;
  parentId: number | null;
  status: CommentStatus;
  authorName: string;
  authorEmail: string;
  authorUrl: string;
  /** Pingbacks and trackbacks come from imported sites; new comments are always `comment`. */
  kind: CommentKind;
  personId: number | null;
  body: string;
  ipHash: string;
  createdAt: IsoDate;
}

export interface Redirect {
  id: number;
  fromPath: string;
  toPath: string;
  statusCode: 301 | 302 | 410;
  createdAt: IsoDate;
}
