// Corrections and updates of articles: short dated notes readers see on the article, in feeds
// and on the public corrections page. Deleted with their article; kept (unsigned) when the
// person who wrote one is removed.
import type { Kysely } from 'kysely';
import { type Dialect, idColumn } from './helpers.ts';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await idColumn(db.schema.createTable('article_corrections'), dialect)
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    // 'correction' or 'update'
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('article_corrections_article_idx')
    .on('article_corrections')
    .columns(['article_id', 'created_at'])
    .execute();
  // The public corrections page lists the newest corrections of the whole site.
  await db.schema
    .createIndex('article_corrections_recent_idx')
    .on('article_corrections')
    .columns(['kind', 'created_at'])
    .execute();
}
