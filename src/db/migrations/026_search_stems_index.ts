// PostgreSQL: a GIN index over the stems part (weight D) of each search document. A query
// asking for a lexeme in one weight only ('قطع':D) cannot be answered by the GIN index of the
// whole tsvector, which stores no weights: every row it finds is read back and its document
// unpacked to check the weight, which is most of the cost of a common word on a big site. With
// this index the stem is looked up among the stems alone and the index's answer is final.
// SQLite: nothing (FTS5 has a column of its own for the stems).
import { type Kysely, sql } from 'kysely';
import type { Dialect } from './helpers.ts';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  if (dialect === 'sqlite') return;
  await sql`CREATE INDEX IF NOT EXISTS search_docs_stems_idx
    ON search_docs USING gin (ts_filter(doc, '{d}'))`.execute(db);
  await sql`CREATE INDEX IF NOT EXISTS staff_search_docs_stems_idx
    ON staff_search_docs USING gin (ts_filter(doc, '{d}'))`.execute(db);
}
