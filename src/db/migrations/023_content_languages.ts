// The language each article's text is written in, apart from the interface edition it is
// published in (articles.lang, one of ar/fr/en: its URL prefix and page language). Null means
// the same as the edition, so every existing article keeps its meaning. And tags linked across
// languages: tags sharing a link group are one subject (تمبكتو, Tombouctou, Timbuktu).
import { type Kysely, sql } from 'kysely';
import type { Dialect } from './helpers.ts';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('articles').addColumn('text_lang', 'text').execute();
  // Switching a language off counts its articles.
  await sql`CREATE INDEX articles_text_lang_idx ON articles (text_lang)`.execute(db);
  await db.schema
    .createTable('tag_links')
    .addColumn('tag_id', 'integer', (c) => c.primaryKey().references('tags.id').onDelete('cascade'))
    // The smallest tag id of the group: a stable name without a table of its own.
    .addColumn('link_group', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tag_links_group_idx').on('tag_links').column('link_group').execute();
}
