// The search index, over text the analyzer (core/text) has already normalized and stemmed.
// SQLite: an FTS5 table with the plain `ascii` tokenizer, which only splits at spaces and
// never folds or cuts a word again; contentless, since snippets come from the articles
// themselves. PostgreSQL: tsvectors of the `simple` configuration (no language stemming),
// weighted A–D, behind GIN indexes. Both are filled by src/search; `midad reindex` rebuilds them.
import { type Kysely, sql } from 'kysely';
import type { Dialect } from './helpers.ts';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`CREATE VIRTUAL TABLE search_fts USING fts5(
      title, dek, body, names, stems, alt,
      tokenize = 'ascii', content = '', contentless_delete = 1
    )`.execute(db);
    // The filters read a few columns of each matched article. They sit after body_html in
    // the row, so without this covering index every match would read the body's overflow pages.
    await sql`CREATE INDEX articles_search_filter_idx
      ON articles (id, status, published_at, lang, section_id)`.execute(db);
    // FTS5 tables take no foreign keys: a deleted article leaves the index here.
    await sql`CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
      DELETE FROM search_fts WHERE rowid = old.id;
    END`.execute(db);
    return;
  }
  await sql`CREATE TABLE search_docs (
    article_id integer PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    doc tsvector NOT NULL,
    alt tsvector NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX search_docs_doc_idx ON search_docs USING gin (doc)`.execute(db);
  await sql`CREATE INDEX search_docs_alt_idx ON search_docs USING gin (alt)`.execute(db);
}
