// Kysely table types. Column names are snake_case as stored; repositories map rows to the
// camelCase domain types of core/types.ts. Booleans are stored as 0/1 integers and
// timestamps as ISO-8601 UTC text so both engines return the same JavaScript values.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export interface PeopleTable {
  id: Generated<number>;
  email: string;
  name: string;
  slug: string;
  bio: Generated<string>;
  avatar_media_id: number | null;
  role: string;
  password_hash: string | null;
  totp_secret: string | null;
  locale: Generated<string>;
  links: Generated<string>; // JSON array of {label,url}
  totp_enabled: Generated<number>;
  totp_last_step: number | null;
  disabled: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface SectionsTable {
  id: Generated<number>;
  parent_id: number | null;
  slug: string;
  name_ar: string;
  name_fr: string;
  name_en: string;
  /** JSON: further edition tag → name ("fa": "ساحل"); '{}' when none. */
  names_other: Generated<string>;
  position: Generated<number>;
}

export interface TagsTable {
  id: Generated<number>;
  slug: string;
  name: string;
}

export interface ArticlesTable {
  id: Generated<number>;
  translation_group: number | null;
  lang: string;
  /** The language the text is written in (BCP 47), when it is not the edition's `lang`. */
  text_lang: string | null;
  status: string;
  title: string;
  slug: string;
  dek: Generated<string>;
  body_html: Generated<string>;
  search_text: Generated<string>;
  /** Worked out from body_html when it is saved (core/article-text.ts); null until then. */
  body_words: number | null;
  body_lead: string | null;
  featured_media_id: number | null;
  section_id: number | null;
  is_featured: Generated<number>;
  is_breaking: Generated<number>;
  comments_open: Generated<number>;
  seo_title: Generated<string>;
  seo_description: Generated<string>;
  published_at: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

/** Tags sharing a link group name one subject across languages. */
export interface TagLinksTable {
  tag_id: number;
  link_group: number;
}

export interface ArticleAuthorsTable {
  article_id: number;
  person_id: number;
  position: number;
}

export interface ArticleTagsTable {
  article_id: number;
  tag_id: number;
}

export interface CommentsTable {
  id: Generated<number>;
  article_id: number;
  parent_id: number | null;
  status: string;
  author_name: string;
  author_email: string;
  author_url: Generated<string>;
  /** comment, pingback or trackback. */
  kind: Generated<string>;
  person_id: number | null;
  body: string;
  ip_hash: Generated<string>;
  created_at: string;
}

export interface MediaTable {
  id: Generated<number>;
  path: string;
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  alt: Generated<string>;
  caption: Generated<string>;
  credit: Generated<string>;
  variants: Generated<string>; // JSON array of MediaVariant
  created_at: string;
  /** Focal point as fractions (0..1) from the top-left corner; null = the centre. */
  focal_x: Generated<number | null>;
  focal_y: Generated<number | null>;
  /** image | document | audio | video | captions (017_audio_video). */
  kind: Generated<string>;
  duration_ms: number | null;
  codec: string | null;
  poster_media_id: number | null;
}

export interface MediaTracksTable {
  id: Generated<number>;
  media_id: number;
  track_media_id: number;
  lang: string;
  label: string;
  /** 'captions' or 'subtitles'. */
  kind: string;
  position: number;
}

export interface RedirectsTable {
  id: Generated<number>;
  from_path: string;
  to_path: string;
  status_code: Generated<number>;
  created_at: string;
}

export interface SettingsTable {
  key: string;
  value: string; // JSON
}

export interface SessionsTable {
  id_hash: string;
  person_id: number;
  /** 'full', or 'second-factor' between the password and the code. */
  stage: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip_hash: Generated<string>;
  user_agent: Generated<string>;
}

export interface RecoveryCodesTable {
  id: Generated<number>;
  person_id: number;
  code_hash: string;
  used_at: string | null;
}

export interface InvitationsTable {
  id: Generated<number>;
  person_id: number;
  token_hash: string;
  created_by: number | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ImportRunsTable {
  id: Generated<number>;
  status: string;
  file_name: string;
  file_path: string;
  options: string;
  person_id: number | null;
  done: Generated<number>;
  total: Generated<number>;
  report: string | null;
  error: string | null;
  created_at: string;
  started_at: string | null;
  updated_at: string;
  finished_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  person_id: number | null;
  action: string;
  target_type: Generated<string>;
  target_id: Generated<string>;
  details: Generated<string>; // JSON object
  ip_hash: Generated<string>;
}

export interface RevisionsTable {
  id: Generated<number>;
  article_id: number;
  version: number;
  title: string;
  dek: string;
  body_html: string;
  person_id: number | null;
  /** 'save' (an edit of a published article), 'publish', or 'restore'. */
  reason: string;
  created_at: string;
}

export interface PreviewTokensTable {
  token_hash: string;
  article_id: number;
  person_id: number | null;
  created_at: string;
  revoked_at: string | null;
}

export interface AutosavesTable {
  article_id: number;
  person_id: number;
  base_version: number;
  /** JSON: the editor form as it was typed. */
  form: string;
  saved_at: string;
}

export interface WebhooksTable {
  id: Generated<number>;
  url: string;
  secret: string;
  events: Generated<string>; // JSON array of event names
  active: Generated<number>;
  description: Generated<string>;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  webhook_id: number;
  event: string;
  payload: string; // JSON object
  subject: Generated<string>;
  /** 'pending', 'succeeded' or 'failed'. */
  status: string;
  attempts: Generated<number>;
  next_attempt_at: string | null;
  response_status: number | null;
  error: Generated<string>;
  duration_ms: number | null;
  created_at: string;
  updated_at: string;
}

export interface OutboxTable {
  id: Generated<number>;
  /** 'mail' or 'telegram'. */
  channel: string;
  dedup_key: string;
  summary: Generated<string>;
  payload: string; // JSON object
  /** 'queued', 'sending', 'sent' or 'failed'. */
  status: string;
  attempts: Generated<number>;
  next_attempt_at: string | null;
  last_error: Generated<string>;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

export interface ArticleCorrectionsTable {
  id: Generated<number>;
  article_id: number;
  /** 'correction' or 'update'. */
  kind: string;
  body: string;
  person_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface ArticleTranslationsTable {
  article_id: number;
  source_id: number;
  reviewed_at: string;
  reviewed_by: number | null;
}

export interface NewsletterSubscribersTable {
  id: Generated<number>;
  email: string;
  lang: string;
  /** Section ids, comma-separated; '' for all. */
  sections: Generated<string>;
  /** 'daily' | 'weekly' | 'none'. */
  digest: string;
  alerts: Generated<number>;
  /** 'pending' | 'confirmed' | 'bounced' | 'complained'. */
  status: string;
  confirm_hash: string | null;
  confirm_expires_at: string | null;
  confirm_sent_at: string | null;
  unsubscribe_token: string;
  created_at: string;
  confirmed_at: string | null;
  updated_at: string;
}

export interface NewsletterEditionsTable {
  kind: string;
  lang: string;
  edition: string;
  since: string;
  until: string;
  done_at: string | null;
}

export interface NewsletterCountsTable {
  name: string;
  value: Generated<number>;
}

export interface LiveCoverageTable {
  article_id: number;
  /** 'live' or 'ended'. */
  state: string;
  started_at: string;
  ended_at: string | null;
}

export interface LiveEntriesTable {
  id: Generated<number>;
  article_id: number;
  body_html: string;
  person_id: number | null;
  pinned: Generated<number>;
  edited: Generated<number>;
  deleted: Generated<number>;
  idempotency_key: string | null;
  created_at: string;
  updated_at: string;
}

export interface RelatedDocsTable {
  article_id: number;
  lang: string;
  /** The distinct stems this article adds to related_df, space-separated. */
  stems: string;
  /** MinHash signature, base64. */
  signature: string;
}

export interface RelatedTermsTable {
  article_id: number;
  stem: string;
  weight: number;
}

export interface RelatedDfTable {
  lang: string;
  stem: string;
  df: number;
}

export interface RelatedArticlesTable {
  article_id: number;
  related_id: number;
  score: number;
  position: number;
}

export interface RelatedDuplicatesTable {
  article_id: number;
  duplicate_id: number;
  similarity: number;
}

/** Views of an article (0 = a reader page that is not an article) in one UTC hour, by language. */
export interface ReadershipHoursTable {
  article_id: number;
  /** 'YYYY-MM-DDTHH', UTC. */
  hour: string;
  lang: string;
  views: number;
}

/** Views of an article in one UTC day by referring domain ('' = none or the site itself). */
export interface ReadershipReferrersTable {
  article_id: number;
  /** 'YYYY-MM-DD', UTC. */
  day: string;
  domain: string;
  views: number;
}

/** Views of an article in one UTC day by device class ('phone' | 'tablet' | 'desktop'). */
export interface ReadershipDevicesTable {
  article_id: number;
  day: string;
  device: string;
  views: number;
}

export interface ApiTokensTable {
  id: Generated<number>;
  person_id: number;
  name: string;
  /** SHA-256 of the secret (base64url); the secret itself is never stored. */
  token_hash: string;
  hint: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
}

export interface Database {
  people: PeopleTable;
  sections: SectionsTable;
  tags: TagsTable;
  articles: ArticlesTable;
  article_authors: ArticleAuthorsTable;
  article_tags: ArticleTagsTable;
  comments: CommentsTable;
  media: MediaTable;
  media_tracks: MediaTracksTable;
  redirects: RedirectsTable;
  settings: SettingsTable;
  tag_links: TagLinksTable;
  sessions: SessionsTable;
  recovery_codes: RecoveryCodesTable;
  invitations: InvitationsTable;
  import_runs: ImportRunsTable;
  audit_log: AuditLogTable;
  revisions: RevisionsTable;
  preview_tokens: PreviewTokensTable;
  autosaves: AutosavesTable;
  api_tokens: ApiTokensTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  outbox: OutboxTable;
  newsletter_subscribers: NewsletterSubscribersTable;
  newsletter_editions: NewsletterEditionsTable;
  newsletter_counts: NewsletterCountsTable;
  article_corrections: ArticleCorrectionsTable;
  article_translations: ArticleTranslationsTable;
  live_coverage: LiveCoverageTable;
  live_entries: LiveEntriesTable;
  related_docs: RelatedDocsTable;
  related_terms: RelatedTermsTable;
  related_df: RelatedDfTable;
  related_articles: RelatedArticlesTable;
  related_duplicates: RelatedDuplicatesTable;
  readership_hours: ReadershipHoursTable;
  readership_referrers: ReadershipReferrersTable;
  readership_devices: ReadershipDevicesTable;
}

export type PersonRow = Selectable<PeopleTable>;
export type NewPersonRow = Insertable<PeopleTable>;
export type PersonUpdate = Updateable<PeopleTable>;
export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticleRow = Insertable<ArticlesTable>;
export type CommentRow = Selectable<CommentsTable>;
export type MediaRow = Selectable<MediaTable>;
export type SectionRow = Selectable<SectionsTable>;
export type TagRow = Selectable<TagsTable>;
export type RedirectRow = Selectable<RedirectsTable>;
