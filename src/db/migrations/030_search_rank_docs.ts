// PostgreSQL: the readers' search documents again, kept in their rows for ranking. Ranking the
// newest matches (src/search/postgres.ts) reads each one's whole document, and search_docs keeps
// them out of line (027) so that finding matches reads small rows: fetching one took a lookup in
// the TOAST index and three chunks, 3 to 4.5 ms per thousand documents at 100,000 articles, more
// than ts_rank_cd spent on them (about 2 ms). Here a document is in its row, uncompressed (one
// or two to a page; the rare one over a page compressed, or out of line past that), found by
// article id: about 1 ms per thousand. search_docs keeps its copy, which its GIN index is built
// from. Costs the documents' size once more (about 640 MB per 100,000 articles); copying them
// takes seconds (8 s per 100,000 on a 2-core machine at load average 8). SQLite: nothing (FTS5
// ranks from its own index).
import { type Kysely, sql } from 'kysely';
import type { Dialect } from './helpers.ts';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') return;
  await sql`CREATE TABLE search_rank (
    article_id integer PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    doc tsvector NOT NULL
  ) WITH (toast_tuple_target = 8160)`.execute(db);
  await sql`ALTER TABLE search_rank ALTER COLUMN doc SET STORAGE MAIN`.execute(db);
  // In id order, so the newest articles' documents, which most searches rank, share pages.
  await sql`INSERT INTO search_rank (article_id, doc)
    SELECT article_id, doc FROM search_docs ORDER BY article_id`.execute(db);
  await sql`ANALYZE search_rank`.execute(db);
}
