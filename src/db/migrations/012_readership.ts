// Readership counts (issue 21): aggregates only, never a reader. Each row is a number of views
// for an article (0 = a reader page that is not an article) in an hour or a day; nothing here
// names a person, an address or a full URL. No foreign keys: a deleted article's counts simply
// stop being shown, and counting never waits on the articles table's locks.
import type { Kysely } from 'kysely';
import type { Dialect } from './helpers.ts';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('readership_hours')
    .addColumn('article_id', 'integer', (c) => c.notNull())
    .addColumn('hour', 'text', (c) => c.notNull()) // 'YYYY-MM-DDTHH', UTC
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('readership_hours_pk', ['article_id', 'hour', 'lang'])
    .execute();
  // The most-read list and the site totals read a span of hours across all articles.
  await db.schema.createIndex('readership_hours_hour_idx').on('readership_hours').column('hour').execute();

  await db.schema
    .createTable('readership_referrers')
    .addColumn('article_id', 'integer', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull()) // 'YYYY-MM-DD', UTC
    .addColumn('domain', 'text', (c) => c.notNull()) // '' = no referrer or the site itself
    .addColumn('views', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('readership_referrers_pk', ['article_id', 'day', 'domain'])
    .execute();

  await db.schema
    .createTable('readership_devices')
    .addColumn('article_id', 'integer', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('device', 'text', (c) => c.notNull()) // 'phone' | 'tablet' | 'desktop'
    .addColumn('views', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('readership_devices_pk', ['article_id', 'day', 'device'])
    .execute();
}
