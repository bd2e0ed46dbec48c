// What the rest of the program may ask of storage. Each repository is created over a
// Kysely instance or a transaction, so a service can run several of them in one transaction.
import type { RawBuilder } from 'kysely';
import type { MediaUsage } from '../../core/media.ts';
import type {
  Article,
  ArticleStatus,
  ArticleSummary,
  Comment,
  CommentKind,
  CommentStatus,
  IsoDate,
  Edition,
  Lang,
  Media,
  MediaAvFields,
  MediaKind,
  MediaTrack,
  FocalPoint,
  MediaVariant,
  Person,
  PersonLink,
  Redirect,
  Role,
  Section,
  SectionNames,
  Tag,
} from '../../core/types.ts';
import type {
  AuditRepository,
  ImportRunsRepository,
  InvitationsRepository,
  SessionsRepository,
  TwoFactorRepository,
} from './auth-contract.ts';
import type {
  AutosavesRepository,
  PreviewTokensRepository,
  RevisionsRepository,
} from './editorial-contract.ts';
import type { ApiTokensRepository } from './api-tokens.ts';
import type { CorrectionsRepository } from './corrections.ts';
import type { TranslationsRepository } from './translations.ts';
import type { LanguagesRepository } from './languages.ts';
import type { LiveRepository } from './live.ts';
import type { ImportsRepository } from './imports.ts';
import type { NewsletterRepository } from './newsletters-contract.ts';
import type { OutboxRepository } from './outbox-contract.ts';
import type { ReadershipRepository } from './readership-contract.ts';
import type { ReadershipFiguresRepository } from './readership-figures.ts';
import type { WebhookDeliveriesRepository, WebhooksRepository } from './webhooks-contract.ts';

export interface NewPerson {
  email: string;
  name: string;
  slug: string;
  role: Role;
  bio?: string;
  avatarMediaId?: number | null;
  passwordHash?: string | null;
  locale?: Lang;
  links?: PersonLink[];
  disabled?: boolean;
}

export interface PeopleRepository {
  create(input: NewPerson): Promise<Person>;
  byId(id: number): Promise<Person | null>;
  byIds(ids: readonly number[]): Promise<Person[]>;
  bySlug(slug: string): Promise<Person | null>;
  /** Case-insensitive. */
  byEmail(email: string): Promise<Person | null>;
  list(): Promise<Person[]>;
  count(): Promise<number>;
  update(id: number, patch: Partial<Omit<NewPerson, 'passwordHash'>>): Promise<Person>;
  passwordHash(id: number): Promise<string | null>;
  setPasswordHash(id: number, hash: string): Promise<void>;
}

export interface NewSection {
  slug: string;
  names: SectionNames;
  /** Names in further editions by tag; absent: none. */
  otherNames?: Record<string, string>;
  parentId?: number | null;
  position?: number;
}

export interface SectionsRepository {
  create(input: NewSection): Promise<Section>;
  byId(id: number): Promise<Section | null>;
  bySlug(slug: string): Promise<Section | null>;
  /** All sections ordered by position, then id. */
  list(): Promise<Section[]>;
  children(parentId: number): Promise<Section[]>;
  update(id: number, patch: Partial<NewSection>): Promise<Section>;
  delete(id: number): Promise<void>;
}

export interface TagsRepository {
  create(input: { slug: string; name: string }): Promise<Tag>;
  byId(id: number): Promise<Tag | null>;
  byIds(ids: readonly number[]): Promise<Tag[]>;
  bySlug(slug: string): Promise<Tag | null>;
  list(): Promise<Tag[]>;
  /** Tag ids of each article, keyed by article id. */
  forArticles(articleIds: readonly number[]): Promise<Map<number, Tag[]>>;
  update(id: number, patch: { name?: string; slug?: string }): Promise<Tag>;
  /** Moves every article of `fromId` to `intoId` and deletes `fromId`, in one transaction. */
  merge(fromId: number, intoId: number): Promise<void>;
  delete(id: number): Promise<void>;
  /** Number of articles (any status) per tag id; unused tags are absent. */
  usageCounts(): Promise<Map<number, number>>;
}

export interface NewArticle {
  lang: Edition;
  /** The language of the text when it is not the edition's (null: the same). */
  textLang?: string | null;
  status: ArticleStatus;
  title: string;
  slug: string;
  dek?: string;
  bodyHtml?: string;
  searchText?: string;
  featuredMediaId?: number | null;
  sectionId?: number | null;
  isFeatured?: boolean;
  isBreaking?: boolean;
  commentsOpen?: boolean;
  seoTitle?: string;
  seoDescription?: string;
  publishedAt?: IsoDate | null;
  translationGroup?: number | null;
  /** In byline order. */
  authorIds?: number[];
  tagIds?: number[];
  /** Defaults to now; lets imports and demo content keep their own dates. */
  createdAt?: IsoDate;
  updatedAt?: IsoDate;
}

export interface PublishedQuery {
  lang?: Edition;
  sectionId?: number;
  /** Include articles of the section's descendants too. */
  sectionIds?: number[];
  tagId?: number;
  authorId?: number;
  featured?: boolean;
  breaking?: boolean;
  excludeIds?: number[];
  /** Published at or after this time (feeds of the last days, sitemaps by month). */
  publishedFrom?: IsoDate;
  /** Published strictly before this time. */
  publishedBefore?: IsoDate;
  /**
   * Keyset cursor: only articles after this one in the list order (newest first, then id), so a
   * client paging through never sees a gap or a repeat while articles are being published.
   */
  after?: { publishedAt: IsoDate; id: number };
  limit: number;
  offset?: number;
  /**
   * False for a block of a few articles that shows no page count: counting every match grows
   * with the archive. The total is then the number of items returned.
   */
  countTotal?: boolean;
}

/** The few columns sitemaps and alternate links need, without bodies, authors or tags. */
export interface ArticleRef {
  id: number;
  lang: Edition;
  slug: string;
  title: string;
  translationGroup: number | null;
  featuredMediaId: number | null;
  publishedAt: IsoDate;
  updatedAt: IsoDate;
}

export interface PublishedMonth {
  /** "2026-11" (UTC). */
  month: string;
  count: number;
  /** The latest publication or update in the month. */
  lastModified: IsoDate;
}

/** Latest change among the published articles of one section, tag or author, in one language. */
export interface ListingActivity {
  id: number;
  lang: Edition;
  lastModified: IsoDate;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/** Columns the newsroom's article list sorts by. */
export type NewsroomSort = 'title' | 'status' | 'lang' | 'updated' | 'published' | 'comments';

export interface NewsroomArticleQuery {
  status?: ArticleStatus;
  lang?: Edition;
  sectionId?: number;
  authorId?: number;
  /** Titles holding this text as typed (case-insensitive); with `idsIn`, either one keeps a row. */
  titleContains?: string;
  /** A subquery of article ids to keep (the newsroom search's matches). */
  idsIn?: RawBuilder<unknown>;
  /** Last changed first unless told otherwise. */
  sort?: NewsroomSort;
  descending?: boolean;
  limit: number;
  offset?: number;
}

export interface ArticlesRepository {
  /** Inserts the article, its authors and tags. Callers wrap it in a transaction with related writes. */
  create(input: NewArticle): Promise<Article>;
  byId(id: number): Promise<Article | null>;
  byIds(ids: readonly number[]): Promise<Article[]>;
  bySlug(lang: Edition, slug: string): Promise<Article | null>;
  /** Replaces authors/tags when given. Bumps updatedAt unless one is given. */
  update(id: number, patch: Partial<NewArticle>, options?: { expectedVersion?: number }): Promise<Article>;
  setStatus(id: number, status: ArticleStatus): Promise<void>;
  /** status = published and publishedAt <= now, newest first. */
  listPublished(query: PublishedQuery): Promise<Page<Article>>;
  /** Like listPublished, without the articles' text: for cards and lists. */
  listPublishedSummaries(query: PublishedQuery): Promise<Page<ArticleSummary>>;
  /** The article's stored related list (see search/related): live articles of its language, in order. */
  storedRelated(article: Pick<Article, 'id' | 'lang'>, limit: number): Promise<ArticleSummary[]>;
  /** The pairs among these articles that are stored as near-duplicates of each other (both directions). */
  nearDuplicatePairs(ids: readonly number[]): Promise<[number, number][]>;
  /** Articles of a translation group (all statuses). */
  translations(group: number): Promise<Article[]>;
  /** Like listPublished, without the total, returning only the columns of ArticleRef. */
  listPublishedRefs(query: PublishedQuery): Promise<ArticleRef[]>;
  /** Published articles of these translation groups, as refs (for hreflang alternates). */
  publishedInGroups(groups: readonly number[]): Promise<ArticleRef[]>;
  /** Months (UTC) that have published articles, newest first. */
  publishedMonths(): Promise<PublishedMonth[]>;
  /** For each section, tag and author: its latest published change per language. */
  listingActivity(): Promise<{
    sections: ListingActivity[];
    tags: ListingActivity[];
    authors: ListingActivity[];
  }>;
  count(filter?: { status?: ArticleStatus; lang?: Edition }): Promise<number>;
  /** All statuses but trashed unless asked, most recently changed first. */
  listForNewsroom(query: NewsroomArticleQuery): Promise<Page<Article>>;
}

export interface NewComment {
  articleId: number;
  parentId?: number | null;
  status: CommentStatus;
  authorName: string;
  authorEmail: string;
  authorUrl?: string;
  kind?: CommentKind;
  personId?: number | null;
  body: string;
  ipHash?: string;
  createdAt?: IsoDate;
}

export interface CommentsRepository {
  create(input: NewComment): Promise<Comment>;
  byId(id: number): Promise<Comment | null>;
  /** Oldest first, so a thread reads top-down. */
  listForArticle(articleId: number, status?: CommentStatus): Promise<Comment[]>;
  /** Newest first: the moderation queue. */
  listByStatus(status: CommentStatus, limit: number, offset?: number): Promise<Comment[]>;
  countApproved(articleId: number): Promise<number>;
  countsApproved(articleIds: readonly number[]): Promise<Map<number, number>>;
  /** Whether this e-mail (case-insensitive) already has an approved comment anywhere. */
  hasApprovedByEmail(email: string): Promise<boolean>;
  setStatus(id: number, status: CommentStatus): Promise<void>;
  count(filter?: { status?: CommentStatus }): Promise<number>;
}

export interface NewMedia extends MediaAvFields {
  path: string;
  mime: string;
  size: number;
  width?: number | null;
  height?: number | null;
  alt?: string;
  caption?: string;
  credit?: string;
  variants?: MediaVariant[];
  /** Null puts it back to the centre. */
  focal?: FocalPoint | null;
}

export interface MediaQuery {
  /** Words found in the alt text, caption or credit (case-insensitive for Latin letters). */
  q?: string;
  /** Only items of these kinds (the poster choice lists images, the editor's player block audio and video). */
  kinds?: readonly MediaKind[];
  limit: number;
  offset?: number;
}

export interface MediaRepository {
  create(input: NewMedia): Promise<Media>;
  byId(id: number): Promise<Media | null>;
  byIds(ids: readonly number[]): Promise<Media[]>;
  update(id: number, patch: Partial<NewMedia>): Promise<Media>;
  /** Newest first. */
  list(query: MediaQuery): Promise<Page<Media>>;
  usage(id: number): Promise<MediaUsage>;
  /** Removes the row (references are cleared by the schema); the files are the caller's. */
  delete(id: number): Promise<void>;
  /** Caption and subtitle tracks of audio or video items, in their order. */
  tracksOf(mediaIds: readonly number[]): Promise<MediaTrack[]>;
  addTrack(input: Omit<MediaTrack, 'id' | 'path' | 'position'>): Promise<MediaTrack>;
  /** Removes one track of an item; false when it was not there. */
  removeTrack(mediaId: number, trackId: number): Promise<boolean>;
}

export interface RedirectsRepository {
  create(input: { fromPath: string; toPath: string; statusCode?: 301 | 302 | 410 }): Promise<Redirect>;
  byFromPath(fromPath: string): Promise<Redirect | null>;
  list(): Promise<Redirect[]>;
  delete(id: number): Promise<void>;
}

export interface SettingsRepository {
  /** Values are JSON; `undefined` when the key is absent. */
  get(key: string): Promise<unknown>;
  getAll(): Promise<Record<string, unknown>>;
  /** Every key with its stored JSON text, in key order (cheap to compare with an earlier read). */
  getAllStored(): Promise<{ key: string; value: string }[]>;
  set(key: string, value: unknown): Promise<void>;
  setMany(values: Record<string, unknown>): Promise<void>;
}

export interface Repositories {
  sessions: SessionsRepository;
  twoFactor: TwoFactorRepository;
  invitations: InvitationsRepository;
  importRuns: ImportRunsRepository;
  /** The import map and kept custom fields of imported sites. */
  imports: ImportsRepository;
  revisions: RevisionsRepository;
  autosaves: AutosavesRepository;
  previews: PreviewTokensRepository;
  audit: AuditRepository;
  people: PeopleRepository;
  sections: SectionsRepository;
  tags: TagsRepository;
  articles: ArticlesRepository;
  comments: CommentsRepository;
  media: MediaRepository;
  redirects: RedirectsRepository;
  settings: SettingsRepository;
  webhooks: WebhooksRepository;
  webhookDeliveries: WebhookDeliveriesRepository;
  /** Messages to the outside world (mail, Telegram), sent by the outbox dispatcher. */
  outbox: OutboxRepository;
  /** Newsletter subscribers (double opt-in) and digest editions. */
  newsletters: NewsletterRepository;
  /** Personal API tokens (hashed) for the write API. */
  apiTokens: ApiTokensRepository;
  /** Readership counts and the most-read list (no personal data). */
  readership: ReadershipRepository;
  /** The newsroom's readership figures over a period (reads only). */
  readershipFigures: ReadershipFiguresRepository;
  /** Corrections and updates shown on articles. */
  corrections: CorrectionsRepository;
  /** Which article each translation was made from, and when it was last checked against it. */
  translations: TranslationsRepository;
  languages: LanguagesRepository;
  /** Live coverage of articles and its entries. */
  live: LiveRepository;
}
