// Related articles, computed when an article is published or changed and read by the article
// page with one indexed query (see src/search/related). related_docs holds what was computed
// for each published article: the distinct stems it adds to the document frequencies of its
// language (so they can be taken back when it changes or leaves) and its MinHash signature;
// related_terms its tf-idf vector, indexed by stem to find candidates; related_df the
// document frequencies; related_articles the stored lists; related_duplicates the pairs of
// articles found to be versions of one text, never shown together (each pair once, the
// smaller id first).
import { type Kysely, sql } from 'kysely';
import type { Dialect } from './helpers.ts';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('related_docs')
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('stems', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('related_docs_lang_idx').on('related_docs').column('lang').execute();

  // Read by stem (the candidate query) far more than by article: on SQLite the rows are stored
  // in stem order (WITHOUT ROWID), which makes the stem lookup a range scan of one b-tree.
  if (dialect === 'sqlite') {
    await sql`CREATE TABLE related_terms (
      stem text NOT NULL,
      article_id integer NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      weight double precision NOT NULL,
      PRIMARY KEY (stem, article_id)
    ) WITHOUT ROWID`.execute(db);
    await db.schema
      .createIndex('related_terms_article_idx')
      .on('related_terms')
      .column('article_id')
      .execute();
  } else {
    await db.schema
      .createTable('related_terms')
      .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('stem', 'text', (c) => c.notNull())
      .addColumn('weight', 'double precision', (c) => c.notNull())
      .addPrimaryKeyConstraint('related_terms_pk', ['article_id', 'stem'])
      .execute();
    // Covers the candidate query: from a stem to the articles holding it and their weights.
    await sql`CREATE INDEX related_terms_stem_idx ON related_terms (stem) INCLUDE (article_id, weight)`.execute(
      db,
    );
  }

  await db.schema
    .createTable('related_df')
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('stem', 'text', (c) => c.notNull())
    .addColumn('df', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('related_df_pk', ['lang', 'stem'])
    .execute();

  await db.schema
    .createTable('related_articles')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('related_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('score', 'double precision', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('related_articles_pk', ['article_id', 'related_id'])
    .execute();
  // Which lists point at an article: they change when it changes or leaves.
  await db.schema
    .createIndex('related_articles_related_idx')
    .on('related_articles')
    .column('related_id')
    .execute();

  await db.schema
    .createTable('related_duplicates')
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('duplicate_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('similarity', 'double precision', (c) => c.notNull())
    .addPrimaryKeyConstraint('related_duplicates_pk', ['article_id', 'duplicate_id'])
    .execute();
  await db.schema
    .createIndex('related_duplicates_duplicate_idx')
    .on('related_duplicates')
    .column('duplicate_id')
    .execute();
}
