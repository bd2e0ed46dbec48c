// Live coverage: one row per article that is (or was) a live page, and its entries. Entries are
// never removed on delete, only marked, so a reader's open page and the newsroom's audit trail
// agree on what was shown; they go with their article. The idempotency key makes a form sent
// twice one entry: unique per article.
import type { Kysely } from 'kysely';
import { type Dialect, idColumn } from './helpers.ts';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('live_coverage')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    // 'live' or 'ended'
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();
  await idColumn(db.schema.createTable('live_entries'), dialect)
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('edited', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('deleted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('idempotency_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('live_entries_article_idx')
    .on('live_entries')
    .columns(['article_id', 'id'])
    .execute();
  // What a reader's open page asks for: entries changed since it last looked.
  await db.schema
    .createIndex('live_entries_changed_idx')
    .on('live_entries')
    .columns(['article_id', 'updated_at'])
    .execute();
  await db.schema
    .createIndex('live_entries_key_idx')
    .on('live_entries')
    .columns(['article_id', 'idempotency_key'])
    .unique()
    .execute();
}
