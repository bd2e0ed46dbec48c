// The newsroom's own search index: articles that are not published (drafts, pending review,
// scheduled, private, trashed), analyzed exactly like the reader index of 002_search. An
// article is in one of the two indexes at a time, so reader search never sees a draft, and
// staff search asks both. Filled by src/search; `midad reindex` rebuilds it with the other.
import { type Kysely, sql } from 'kysely';
import type { Dialect } from './helpers.ts';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`CREATE VIRTUAL TABLE staff_search_fts USING fts5(
      title, dek, body, names, stems, alt,
      tokenize = 'ascii', content = '', contentless_delete = 1
    )`.execute(db);
    await sql`CREATE TRIGGER articles_staff_search_delete AFTER DELETE ON articles BEGIN
      DELETE FROM staff_search_fts WHERE rowid = old.id;
    END`.execute(db);
    return;
  }
  await sql`CREATE TABLE staff_search_docs (
    article_id integer PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    doc tsvector NOT NULL,
    alt tsvector NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX staff_search_docs_doc_idx ON staff_search_docs USING gin (doc)`.execute(db);
  await sql`CREATE INDEX staff_search_docs_alt_idx ON staff_search_docs USING gin (alt)`.execute(db);
}
