// Translation links: which article a translation was made from, and when someone last checked
// it against that source. Articles of one story already share a translation_group (hreflang);
// this table adds the direction (source → translation) the translation desk needs to say
// "the source changed after this translation was published". Both ends go with their article.
import type { Kysely } from 'kysely';
import type { Dialect } from './helpers.ts';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('article_translations')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('source_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    // The moment the translation was last known to match its source: when it was made or
    // linked, and each time someone marks it reviewed.
    .addColumn('reviewed_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('article_translations_source_idx')
    .on('article_translations')
    .column('source_id')
    .execute();
}
