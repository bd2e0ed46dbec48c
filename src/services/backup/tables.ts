// The tables that hold a site's content, in an order where every row's references come
// before it. Export, load and the content digests all walk this one list, so a table added
// by a migration is added here once. Left out on purpose: sessions (everyone signs in again
// after a move), API tokens (like sessions: credentials, not content; integrations get new
// ones after a move), import runs (they name files on the old machine), webhook deliveries (a log), the outbox,
// and what `midad reindex` rebuilds (the search index and the related-article lists).
import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';

export interface ContentTable {
  name: string;
  /** Columns that order the rows: the primary key. */
  key: readonly string[];
  /**
   * A column pointing at another row of the same table: a row whose target comes later in
   * key order is loaded without it, and the reference is set once every row is in.
   */
  selfReference?: string;
  /** The migration that made the table: a backup taken before it has no such table. */
  since?: string;
}

export const CONTENT_TABLES: readonly ContentTable[] = [
  // A video's poster may be an image uploaded after it.
  { name: 'media', key: ['id'], selfReference: 'poster_media_id' },
  { name: 'people', key: ['id'] },
  { name: 'sections', key: ['id'], selfReference: 'parent_id' },
  { name: 'tags', key: ['id'] },
  { name: 'articles', key: ['id'] },
  { name: 'article_authors', key: ['article_id', 'person_id'] },
  { name: 'article_tags', key: ['article_id', 'tag_id'] },
  { name: 'article_meta', key: ['id'] },
  { name: 'revisions', key: ['id'] },
  { name: 'autosaves', key: ['article_id', 'person_id'], since: '010_autosaves' },
  { name: 'comments', key: ['id'], selfReference: 'parent_id' },
  { name: 'redirects', key: ['id'] },
  { name: 'settings', key: ['key'] },
  { name: 'recovery_codes', key: ['id'] },
  { name: 'invitations', key: ['id'] },
  { name: 'preview_tokens', key: ['token_hash'] },
  { name: 'webhooks', key: ['id'] },
  { name: 'audit_log', key: ['id'] },
  { name: 'import_map', key: ['id'] },
  { name: 'readership_hours', key: ['article_id', 'hour', 'lang'], since: '012_readership' },
  { name: 'readership_referrers', key: ['article_id', 'day', 'domain'], since: '012_readership' },
  { name: 'readership_devices', key: ['article_id', 'day', 'device'], since: '012_readership' },
  { name: 'article_corrections', key: ['id'], since: '016_corrections' },
  { name: 'article_translations', key: ['article_id'], since: '025_translations' },
  { name: 'media_tracks', key: ['id'], since: '017_audio_video' },
  { name: 'live_coverage', key: ['article_id'], since: '018_live' },
  { name: 'live_entries', key: ['id'], since: '018_live' },
  { name: 'newsletter_subscribers', key: ['id'], since: '015_newsletters' },
  { name: 'newsletter_editions', key: ['kind', 'lang', 'edition'], since: '015_newsletters' },
  { name: 'newsletter_counts', key: ['name'], since: '015_newsletters' },
];

/** Tables emptied by a forced load besides the content ones: they would point at old rows. */
export const DERIVED_TABLES: readonly string[] = [
  'sessions',
  // Tokens name people by id: after a forced load they would act as whoever holds that id now.
  'api_tokens',
  'import_runs',
  'webhook_deliveries',
  // Messages of the old site waiting to go out (mail, channel posts) must not go out from this one.
  'outbox',
  'related_articles',
  'related_duplicates',
  'related_terms',
  'related_docs',
  'related_df',
];

export type Row = Record<string, unknown>;

/**
 * Columns worked out from others, left out of exports and digests like the derived tables, and
 * filled again after a load: an export taken before they existed then loads and compares alike.
 */
export const DERIVED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  articles: ['body_words', 'body_lead'],
};

/** Every row of a table in key order; both engines return the same JavaScript values (ADR 0001). */
export async function readRows(db: Pick<Db, 'kysely'>, table: ContentTable): Promise<Row[]> {
  const order = sql.join(table.key.map((k) => sql.ref(k)));
  const result = await sql<Row>`SELECT * FROM ${sql.table(table.name)} ORDER BY ${order}`.execute(db.kysely);
  const derived = DERIVED_COLUMNS[table.name];
  if (derived) for (const row of result.rows) for (const column of derived) delete row[column];
  return result.rows;
}

/** The migrations a database has run, by name. */
export async function appliedMigrations(db: Pick<Db, 'kysely'>): Promise<string[]> {
  const result = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(
    db.kysely,
  );
  return result.rows.map((r) => r.name);
}
