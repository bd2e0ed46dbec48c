// PostgreSQL: the readers' search documents, stored and indexed for what a search costs.
// - One GIN index answers the whole match (src/search/postgres-match.ts): over search_match(id,
//   doc, alt), the document's lexemes plus its stems marked `~`, the alt guesses marked `^` and
//   the block of 4,096 article ids it belongs to (`#` and id >> 12). It replaces the three
//   indexes over doc, alt and the stems part (026): with those, the planner answered part of a
//   query from one index and tested the rest on each row found, unpacking every one of those
//   documents (hundreds of milliseconds for a common word at 100,000). The blocks let the index
//   itself keep the newest matches of a common word, without reading the others' rows.
// - Finding the newest matches reads the row of every match (for its article id). Rows held the
//   alt vector inline (about 450 bytes): 49 MB for 100,000. With every vector out of line
//   (toast_tuple_target) a row is the id and two pointers, and the table about 7 MB.
// - Ranking unpacks each candidate's whole document. Stemmed Arabic compresses by a seventh
//   only, and decompressing was most of the cost: stored uncompressed (STORAGE EXTERNAL), a
//   thousand documents are read in less than half the time.
// The column is rewritten with the same values (`|| ''` only makes PostgreSQL copy them), which
// applies the storage to the rows already there; with the new index, about three minutes per
// 100,000 articles on a busy 2-core machine, once. SQLite: nothing (FTS5 has a column per part).
import { type Kysely, sql } from 'kysely';
import type { Dialect } from './helpers.ts';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') return;
  await sql`DROP INDEX IF EXISTS search_docs_doc_idx, search_docs_alt_idx, search_docs_stems_idx`.execute(db);
  await sql`ALTER TABLE search_docs SET (toast_tuple_target = 128),
    ALTER COLUMN doc SET STORAGE EXTERNAL,
    ALTER COLUMN doc TYPE tsvector USING doc || ''::tsvector`.execute(db);
  // Built-in names only in the body, so it reads the same whatever the search_path.
  await sql`CREATE FUNCTION search_match(id integer, doc tsvector, alt tsvector) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT doc
        || array_to_tsvector(ARRAY(SELECT '~' || s.lexeme FROM unnest(ts_filter(doc, '{d}')) AS s))
        || array_to_tsvector(ARRAY(SELECT '^' || g.lexeme FROM unnest(alt) AS g))
        || array_to_tsvector(ARRAY['#' || (id >> 12)])
    $$`.execute(db);
  await sql`CREATE INDEX search_docs_match_idx
    ON search_docs USING gin (search_match(article_id, doc, alt))`.execute(db);
  // The rewrite dropped the column's statistics; the planner needs them (and the new index's).
  await sql`ANALYZE search_docs`.execute(db);
}
