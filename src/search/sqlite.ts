// SQLite FTS5 engine. Every term is quoted, so nothing a reader types (", *, NEAR, OR…) can
// reach the FTS5 query syntax; the terms are analyzer output anyway (letters and digits).
// CROSS JOIN keeps the full-text match as the outer loop: SQLite would otherwise scan the
// articles and run the match once per row.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Candidate, EngineQuery, Found, PlanWord, SearchEngine } from './contract.ts';
import { articleConditions } from './filters.ts';
import { answerFromNewest, idSpan, RANKED_CANDIDATES, rankedFromRows } from './newest.ts';
import { RERANK_WINDOW } from './rank.ts';

/** bm25 column weights: title, dek, body, names, stems, alt. Closer forms in prominent places win. */
const WEIGHTS = sql.raw('10.0, 4.0, 1.0, 6.0, 0.6, 0.2');
const TEXT_COLUMNS = '{title dek body names}';
const TEXT_AND_STEMS = '{title dek body names stems}';

export function quoteFts(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

function anyOf(terms: string[]): string {
  return `(${terms.map(quoteFts).join(' OR ')})`;
}

/** One word: its main forms in the text columns or its stem in the stems column (widened: see PlanWord). */
export function wordExpression(word: PlanWord): string {
  // The typed forms also meet the stems column: فيضان finds فيضانات, whose stem it is. One
  // column filter for both keeps each form a single phrase, which bm25 counts once.
  const parts = [`(${TEXT_AND_STEMS} : ${anyOf(word.main)})`];
  if (!word.main.includes(word.stem)) parts.push(`(stems : ${quoteFts(word.stem)})`);
  if (word.widen) {
    parts.push(`(alt : ${anyOf(word.main)})`);
    if (word.guess) {
      parts.push(`(${TEXT_COLUMNS} : ${anyOf(word.guess.main)})`, `(stems : ${quoteFts(word.guess.stem)})`);
    }
  }
  return `(${parts.join(' OR ')})`;
}

export function matchExpression(q: Pick<EngineQuery, 'plan' | 'mode'>): string {
  return q.plan.words.map(wordExpression).join(q.mode === 'all' ? ' AND ' : ' OR ');
}

interface Row {
  id: number;
  total: number | string;
  relevance: number;
  published_at: string;
  title: string;
}

export function sqliteEngine(db: Kysely<Database>): SearchEngine {
  // bm25() only works next to the FTS5 cursor, so the matches are scored in a materialized
  // step and counted (window function) in the next, in one pass over the full-text match.
  const select = (q: EngineQuery, order: 'relevance' | 'date', limit: number, offset: number) =>
    sql<Row>`WITH m AS MATERIALIZED (
        SELECT a.id, -bm25(search_fts, ${WEIGHTS}) AS relevance, a.published_at, a.title
        FROM search_fts CROSS JOIN articles a ON a.id = search_fts.rowid
        WHERE search_fts MATCH ${matchExpression(q)} AND ${articleConditions(q)}
      )
      SELECT m.*, count(*) OVER () AS total FROM m
      ORDER BY ${order === 'relevance' ? sql`relevance DESC, published_at DESC` : sql`published_at DESC, id DESC`}
      LIMIT ${limit} OFFSET ${offset}`.execute(db);
  /**
   * Relevance in one pass: bm25 is computed for the newest RANKED_CANDIDATES matches only (the
   * full-text cursor walks rowids downwards and stops there), the reader's filters are checked
   * on a covering index, and titles are read for the re-ranked best alone (see Candidate.title:
   * each is a read of the article's row). Null when the newest
   * matches cannot answer alone (see below) and every match must be ranked.
   */
  const newestRanked = async (q: EngineQuery, limit: number, offset: number): Promise<Found | null> => {
    const match = matchExpression(q);
    const { rows } = await sql<
      Row & { kept: number; scanned: number; oldest: number }
    >`WITH f AS MATERIALIZED (
        SELECT rowid AS id, -bm25(search_fts, ${WEIGHTS}) AS relevance FROM search_fts
        WHERE search_fts MATCH ${match} ORDER BY rowid DESC LIMIT ${RANKED_CANDIDATES}
      ), m AS MATERIALIZED (
        SELECT f.id, f.relevance, a.published_at
        FROM f CROSS JOIN articles a INDEXED BY articles_search_filter_idx ON a.id = f.id
        WHERE ${articleConditions(q)}
      ), top AS MATERIALIZED (
        SELECT m.*, count(*) OVER () AS kept,
          row_number() OVER (ORDER BY relevance DESC, published_at DESC) AS place FROM m
        ORDER BY relevance DESC, published_at DESC LIMIT ${limit} OFFSET ${offset}
      )
      SELECT top.id, top.relevance, top.published_at, top.kept,
        CASE WHEN top.place <= ${RERANK_WINDOW}
          THEN (SELECT t.title FROM articles t WHERE t.id = top.id) ELSE '' END AS title,
        (SELECT count(*) FROM f) AS scanned, (SELECT min(id) FROM f) AS oldest
      FROM top
      ORDER BY top.relevance DESC, top.published_at DESC`.execute(db);
    return answerFromNewest(rankedFromRows(toCandidates(rows), rows[0]), limit, offset, () => idSpan(db));
  };
  const toCandidates = (rows: Row[]): Candidate[] =>
    rows.map((r) => ({ id: r.id, relevance: r.relevance, publishedAt: r.published_at, title: r.title }));

  return {
    async write(id, c) {
      await sql`DELETE FROM search_fts WHERE rowid = ${id}`.execute(db);
      await sql`INSERT INTO search_fts (rowid, title, dek, body, names, stems, alt)
        VALUES (${id}, ${c.title}, ${c.dek}, ${c.body}, ${c.names}, ${c.stems}, ${c.alt})`.execute(db);
    },
    async remove(id) {
      await sql`DELETE FROM search_fts WHERE rowid = ${id}`.execute(db);
    },
    async clear() {
      await sql`DELETE FROM search_fts`.execute(db);
    },
    async compact() {
      // Articles written one by one leave the full-text index in many segments, and every
      // query term is looked up in each: merged into one, a query costs about a quarter less.
      await sql`INSERT INTO search_fts (search_fts) VALUES ('optimize')`.execute(db);
    },
    async exists(word) {
      const expr = wordExpression({ ...word, widen: false });
      const { rows } =
        await sql`SELECT 1 AS found FROM search_fts WHERE search_fts MATCH ${expr} LIMIT 1`.execute(db);
      return rows.length > 0;
    },
    async count(q) {
      const { rows } = await sql<{ n: number }>`SELECT count(*) AS n
        FROM search_fts CROSS JOIN articles a ON a.id = search_fts.rowid
        WHERE search_fts MATCH ${matchExpression(q)} AND ${articleConditions(q)}`.execute(db);
      return Number(rows[0]?.n ?? 0);
    },
    async find(q, order, limit, offset) {
      if (order === 'relevance') {
        const capped = await newestRanked(q, limit, offset);
        if (capped) return capped;
      }
      const { rows } = await select(q, order, limit, offset);
      return { total: Number(rows[0]?.total ?? 0), rows: toCandidates(rows) };
    },
  };
}
