// PostgreSQL engine: tsvectors of the `simple` configuration (lowercase only, no stemming)
// over the analyzer's output. Weights: A title, B dek and names, C body, D stems; the alt
// guesses have their own tsvector. Every lexeme is quoted in the tsquery text, so reader
// input never reaches tsquery syntax (& | ! <-> :*).
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Candidate, EngineQuery, Found, IndexColumns, PlanWord, SearchEngine } from './contract.ts';
import { articleConditions } from './filters.ts';
import { answerFromNewest, idSpan, RANKED_CANDIDATES, rankedFromRows } from './newest.ts';
import { RERANK_WINDOW } from './rank.ts';

/** ts_rank_cd weights, in the order {D, C, B, A}. */
const WEIGHTS = sql.raw(`'{0.06, 0.2, 0.5, 1.0}'`);
/** ts_rank_cd normalization: divide by 1 + log(document length), as bm25 does in spirit. */
const NORMALIZATION = sql.raw('1');

export function quoteLexeme(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * The word's forms in the main tsvector: the typed forms anywhere (in the stems weight too:
 * فيضان finds فيضانات, whose stem it is), the stem only among the stems.
 */
export function docQuery(main: string[], stem: string): string {
  const typed = main.map(quoteLexeme);
  return (main.includes(stem) ? typed : [...typed, `${quoteLexeme(stem)}:D`]).join(' | ');
}

/**
 * The word's forms in a document, as docQuery asks for them but answerable from the indexes
 * alone: `'stem':D` on the whole tsvector would make PostgreSQL unpack every candidate's
 * document to check the weight (its GIN index stores none), so the stem is looked for in the
 * stems part, which has its own index (migration 026).
 */
function formsCondition(main: string[], stem: string): RawBuilder<unknown> {
  const typed = sql`d.doc @@ to_tsquery('simple', ${main.map(quoteLexeme).join(' | ')})`;
  if (main.includes(stem)) return typed;
  return sql`(${typed} OR ts_filter(d.doc, '{d}') @@ to_tsquery('simple', ${quoteLexeme(stem)}))`;
}

function wordCondition(word: PlanWord): RawBuilder<unknown> {
  const doc = formsCondition(word.main, word.stem);
  if (!word.widen) return doc;
  const alt = sql`d.alt @@ to_tsquery('simple', ${word.main.map(quoteLexeme).join(' | ')})`;
  if (!word.guess) return sql`(${doc} OR ${alt})`;
  const guess = formsCondition(word.guess.main, word.guess.stem);
  return sql`(${doc} OR ${guess} OR ${alt})`;
}

export function matchCondition(q: Pick<EngineQuery, 'plan' | 'mode'>): RawBuilder<unknown> {
  return sql`(${sql.join(q.plan.words.map(wordCondition), sql.raw(q.mode === 'all' ? ' AND ' : ' OR '))})`;
}

/** Every form of every word, OR-ed, for ranking. */
function rankQuery(q: EngineQuery): string {
  return q.plan.words
    .flatMap((w) => [
      docQuery(w.main, w.stem),
      ...(w.widen && w.guess ? [docQuery(w.guess.main, w.guess.stem)] : []),
    ])
    .join(' | ');
}

/** The newest ids searched first for the newest matches: ten times as many as are ranked. */
const FIRST_WINDOW = 10 * RANKED_CANDIDATES;

interface Row {
  id: number;
  total: number | string;
  relevance: number;
  published_at: string;
  title: string;
}

/**
 * Writing, removing and probing one table of weighted documents: the readers' index and the
 * newsroom's index of unpublished articles have the same shape.
 */
export function postgresDocTable(db: Kysely<Database>, table: 'search_docs' | 'staff_search_docs') {
  const t = sql.table(table);
  return {
    async write(id: number, c: IndexColumns): Promise<void> {
      await sql`INSERT INTO ${t} (article_id, doc, alt) VALUES (${id},
          setweight(to_tsvector('simple', ${c.title}), 'A') ||
          setweight(to_tsvector('simple', ${`${c.dek} ${c.names}`}), 'B') ||
          setweight(to_tsvector('simple', ${c.body}), 'C') ||
          setweight(to_tsvector('simple', ${c.stems}), 'D'),
          to_tsvector('simple', ${c.alt}))
        ON CONFLICT (article_id) DO UPDATE SET doc = excluded.doc, alt = excluded.alt`.execute(db);
    },
    async remove(id: number): Promise<void> {
      await sql`DELETE FROM ${t} WHERE article_id = ${id}`.execute(db);
    },
    async clear(): Promise<void> {
      await sql`DELETE FROM ${t}`.execute(db);
    },
    async exists(word: PlanWord): Promise<boolean> {
      const { rows } = await sql`SELECT 1 AS found FROM ${t} d
        WHERE ${formsCondition(word.main, word.stem)} LIMIT 1`.execute(db);
      return rows.length > 0;
    },
  };
}

export function postgresEngine(db: Kysely<Database>): SearchEngine {
  const select = (q: EngineQuery, order: 'relevance' | 'date', limit: number, offset: number) =>
    sql<Row>`SELECT a.id,
        ts_rank_cd(${WEIGHTS}, d.doc, to_tsquery('simple', ${rankQuery(q)}), ${NORMALIZATION}) AS relevance,
        a.published_at, a.title, count(*) OVER () AS total
      FROM search_docs d JOIN articles a ON a.id = d.article_id
      WHERE ${matchCondition(q)} AND ${articleConditions(q)}
      ORDER BY ${order === 'relevance' ? sql`relevance DESC, a.published_at DESC` : sql`a.published_at DESC, a.id DESC`}
      LIMIT ${limit} OFFSET ${offset}`.execute(db);
  const toCandidates = (rows: Row[]): Candidate[] =>
    rows.map((r) => ({
      id: r.id,
      relevance: Number(r.relevance),
      publishedAt: r.published_at,
      title: r.title,
    }));

  /**
   * One page of the newest RANKED_CANDIDATES matches with an id above `above` (all when null),
   * ranked after the reader's filters; only their documents are read and ranked (ts_rank_cd
   * reads the whole tsvector). `+ 0` keeps the planner from walking the primary key downwards
   * through the matches.
   */
  const newestPage = (
    run: Kysely<Database>,
    q: EngineQuery,
    above: number | null,
    limit: number,
    offset: number,
  ) =>
    sql<Row & { kept: string | number; scanned: string | number; oldest: number }>`
      WITH f AS MATERIALIZED (
        SELECT d.article_id AS id, d.doc FROM search_docs d
        WHERE ${matchCondition(q)} ${above === null ? sql`` : sql`AND d.article_id > ${above}`}
        ORDER BY d.article_id + 0 DESC LIMIT ${RANKED_CANDIDATES}
      ), m AS MATERIALIZED (
        SELECT f.id, a.published_at,
          ts_rank_cd(${WEIGHTS}, f.doc, to_tsquery('simple', ${rankQuery(q)}), ${NORMALIZATION}) AS relevance
        FROM f JOIN articles a ON a.id = f.id
        WHERE ${articleConditions(q)}
      ), top AS MATERIALIZED (
        SELECT m.id, m.published_at, m.relevance, count(*) OVER () AS kept,
          row_number() OVER (ORDER BY m.relevance DESC, m.published_at DESC) AS place FROM m
        ORDER BY m.relevance DESC, m.published_at DESC LIMIT ${limit} OFFSET ${offset}
      )
      SELECT top.id, top.relevance, top.published_at, top.kept,
        CASE WHEN top.place <= ${RERANK_WINDOW}
          THEN (SELECT t.title FROM articles t WHERE t.id = top.id) ELSE '' END AS title,
        (SELECT count(*) FROM f) AS scanned, (SELECT min(f.id) FROM f) AS oldest
      FROM top
      ORDER BY top.relevance DESC, top.published_at DESC`.execute(run);

  /**
   * Relevance over the newest RANKED_CANDIDATES matches only (see newest.ts). Finding the newest
   * matches reads each match's row, so a common word would read most of the table: the newest
   * ids are searched first (the GIN indexes' answer intersected with a range of the primary
   * key), in windows four times wider each time, until one holds enough matches. Null when
   * every match must be ranked instead.
   */
  const newestRanked = async (q: EngineQuery, limit: number, offset: number): Promise<Found | null> => {
    const span = await idSpan(db);
    // Every word required: the indexes intersect the words' matches, which are seldom many, and
    // a window would only add a pass (with an id range, the planner tests the second word on
    // each row of the first instead of intersecting).
    const opening = q.mode === 'all' && q.plan.words.length > 1 ? Number.POSITIVE_INFINITY : FIRST_WINDOW;
    const search = async (run: Kysely<Database>) => {
      for (let window = opening; ; window *= 4) {
        const above = span.highest - window < span.lowest ? null : span.highest - window;
        const { rows } = await newestPage(run, q, above, limit, offset);
        const scanned = Number(rows[0]?.scanned ?? 0);
        if (above === null || scanned >= RANKED_CANDIDATES) return rows;
      }
    };
    // The planner would rather walk a narrow id range in the primary key, or the whole table,
    // testing each row's document, which unpacks every document it passes; only bitmap scans
    // of the indexes read nothing but the matches. Inside a caller's transaction the settings
    // would outlive the search, so there the planner is left to choose.
    const rows = db.isTransaction
      ? await search(db)
      : await db.transaction().execute(async (trx) => {
          await sql`SET LOCAL enable_indexscan = off`.execute(trx);
          await sql`SET LOCAL enable_seqscan = off`.execute(trx);
          return search(trx);
        });
    return answerFromNewest(rankedFromRows(toCandidates(rows), rows[0]), limit, offset, async () => span);
  };

  return {
    ...postgresDocTable(db, 'search_docs'),
    // GIN indexes merge their pending entries themselves (and at VACUUM).
    async compact() {},
    async count(q) {
      const { rows } = await sql<{ n: string | number }>`SELECT count(*) AS n
        FROM search_docs d JOIN articles a ON a.id = d.article_id
        WHERE ${matchCondition(q)} AND ${articleConditions(q)}`.execute(db);
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
