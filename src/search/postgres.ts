// PostgreSQL engine: tsvectors of the `simple` configuration (lowercase only, no stemming)
// over the analyzer's output. Weights: A title, B dek and names, C body, D stems; the alt
// guesses have their own tsvector. Every lexeme is quoted in the tsquery text, so reader
// input never reaches tsquery syntax (& | ! <-> :*). The readers' documents are matched
// through one index (postgres-match.ts); the newsroom's through one per part, below.
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Candidate, EngineQuery, Found, IndexColumns, PlanWord, SearchEngine } from './contract.ts';
import { articleConditions } from './filters.ts';
import { answerFromNewest, idSpan, RANKED_CANDIDATES, rankedFromRows } from './newest.ts';
import {
  newestMatches,
  newestSteps,
  newestWindow,
  quoteLexeme,
  readerMatch,
  readerWordMatch,
  withIndexesOnly,
} from './postgres-match.ts';
import { RERANK_WINDOW } from './rank.ts';

/** ts_rank_cd weights, in the order {D, C, B, A}. */
const WEIGHTS = sql.raw(`'{0.06, 0.2, 0.5, 1.0}'`);
/** ts_rank_cd normalization: divide by 1 + log(document length), as bm25 does in spirit. */
const NORMALIZATION = sql.raw('1');

/**
 * The word's forms in the main tsvector: the typed forms anywhere (in the stems weight too:
 * فيضان finds فيضانات, whose stem it is), the stem only among the stems.
 */
export function docQuery(main: string[], stem: string): string {
  const typed = main.map(quoteLexeme);
  return (main.includes(stem) ? typed : [...typed, `${quoteLexeme(stem)}:D`]).join(' | ');
}

/**
 * The word's forms in a newsroom document, as docQuery asks for them but answerable from the
 * indexes alone: `'stem':D` on the whole tsvector would make PostgreSQL unpack every
 * candidate's document to check the weight (its GIN index stores none), so the stem is looked
 * for in the stems part, which has its own index (migration 026).
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

/** The newsroom's documents (aliased `d`) that match the query. */
export function staffMatch(q: Pick<EngineQuery, 'plan' | 'mode'>): RawBuilder<unknown> {
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

interface Row {
  id: number;
  total: number | string;
  relevance: number;
  published_at: string;
  title: string;
}

/**
 * Writing, removing and probing one table of weighted documents: the readers' index and the
 * newsroom's index of unpublished articles have the same shape. The readers' documents are
 * also kept in search_rank, where ranking reads them (migration 030), in the same statement.
 */
export function postgresDocTable(db: Kysely<Database>, table: 'search_docs' | 'staff_search_docs') {
  const t = sql.table(table);
  const ranked = table === 'search_docs';
  return {
    async write(id: number, c: IndexColumns): Promise<void> {
      const upsert = sql`INSERT INTO ${t} (article_id, doc, alt) VALUES (${id},
          setweight(to_tsvector('simple', ${c.title}), 'A') ||
          setweight(to_tsvector('simple', ${`${c.dek} ${c.names}`}), 'B') ||
          setweight(to_tsvector('simple', ${c.body}), 'C') ||
          setweight(to_tsvector('simple', ${c.stems}), 'D'),
          to_tsvector('simple', ${c.alt}))
        ON CONFLICT (article_id) DO UPDATE SET doc = excluded.doc, alt = excluded.alt`;
      await (ranked
        ? sql`WITH d AS (${upsert} RETURNING article_id, doc)
            INSERT INTO search_rank (article_id, doc) SELECT article_id, doc FROM d
            ON CONFLICT (article_id) DO UPDATE SET doc = excluded.doc`
        : upsert
      ).execute(db);
    },
    async remove(id: number): Promise<void> {
      await (ranked
        ? sql`WITH r AS (DELETE FROM search_rank WHERE article_id = ${id})
            DELETE FROM ${t} WHERE article_id = ${id}`
        : sql`DELETE FROM ${t} WHERE article_id = ${id}`
      ).execute(db);
    },
    async clear(): Promise<void> {
      await (ranked
        ? sql`WITH r AS (DELETE FROM search_rank) DELETE FROM ${t}`
        : sql`DELETE FROM ${t}`
      ).execute(db);
    },
    async exists(word: PlanWord): Promise<boolean> {
      const holds = table === 'search_docs' ? readerWordMatch(word) : formsCondition(word.main, word.stem);
      const { rows } = await withIndexesOnly(db, (run) =>
        sql`SELECT 1 AS found FROM ${t} d WHERE ${holds} LIMIT 1`.execute(run),
      );
      return rows.length > 0;
    },
  };
}

export function postgresEngine(db: Kysely<Database>): SearchEngine {
  /**
   * Every match, ranked or by date. The matches are taken from the index first (MATERIALIZED):
   * joined to the articles, the planner could start from a filter's articles and test each
   * one's document instead. By date, only the page's documents are ranked (for their scores)
   * and its titles read: the filters and dates come from an index (migration 028).
   */
  const select = (q: EngineQuery, order: 'relevance' | 'date', limit: number, offset: number) => {
    const rank = (doc: RawBuilder<unknown>) =>
      sql`ts_rank_cd(${WEIGHTS}, ${doc}, to_tsquery('simple', ${rankQuery(q)}), ${NORMALIZATION})`;
    const matches = sql`f AS MATERIALIZED (
        SELECT d.article_id AS id, d.doc FROM search_docs d WHERE ${readerMatch(q)}
      )`;
    return withIndexesOnly(db, (run) =>
      order === 'relevance'
        ? sql<Row>`WITH ${matches}
            SELECT a.id, ${rank(sql`f.doc`)} AS relevance, a.published_at, a.title, count(*) OVER () AS total
            FROM f JOIN articles a ON a.id = f.id
            WHERE ${articleConditions(q)}
            ORDER BY relevance DESC, a.published_at DESC
            LIMIT ${limit} OFFSET ${offset}`.execute(run)
        : sql<Row>`WITH ${matches}, page AS MATERIALIZED (
              SELECT a.id, a.published_at, f.doc, count(*) OVER () AS total
              FROM f JOIN articles a ON a.id = f.id
              WHERE ${articleConditions(q)}
              ORDER BY a.published_at DESC, a.id DESC
              LIMIT ${limit} OFFSET ${offset}
            )
            SELECT page.id, ${rank(sql`page.doc`)} AS relevance, page.published_at, page.total,
              (SELECT t.title FROM articles t WHERE t.id = page.id) AS title
            FROM page ORDER BY page.published_at DESC, page.id DESC`.execute(run),
    );
  };
  const toCandidates = (rows: Row[]): Candidate[] =>
    rows.map((r) => ({
      id: r.id,
      relevance: Number(r.relevance),
      publishedAt: r.published_at,
      title: r.title,
    }));

  /**
   * One page of the newest RANKED_CANDIDATES matches, ranked after the reader's filters; only
   * their documents are read (from search_rank, in their rows) and ranked. The matches
   * come from one GIN index, newest blocks of ids first (newestMatches), and only from those
   * blocks when their matches that pass the filters fill the page (`windowed`: the total is
   * then estimated from the blocks' share of the ids).
   */
  const newestPage = (
    run: Kysely<Database>,
    q: EngineQuery,
    highestId: number,
    limit: number,
    offset: number,
  ) => {
    const steps = newestSteps(highestId);
    const filters = articleConditions(q);
    const enough = offset + limit;
    return sql<Row & { kept: string | number; scanned: string | number; oldest: number; windowed: boolean }>`
      WITH f AS MATERIALIZED (${newestMatches(q, highestId, RANKED_CANDIDATES, filters, enough)}),
      m AS MATERIALIZED (
        SELECT f.id, a.published_at,
          ts_rank_cd(${WEIGHTS}, r.doc, to_tsquery('simple', ${rankQuery(q)}), ${NORMALIZATION}) AS relevance
        FROM f JOIN articles a ON a.id = f.id JOIN search_rank r ON r.article_id = f.id
        WHERE ${filters}
      ), top AS MATERIALIZED (
        SELECT m.id, m.published_at, m.relevance, count(*) OVER () AS kept,
          count(*) FILTER (WHERE m.id >= ${steps.recent}) OVER () AS since_recent,
          count(*) FILTER (WHERE m.id >= ${steps.earlier}) OVER () AS since_earlier,
          row_number() OVER (ORDER BY m.relevance DESC, m.published_at DESC) AS place FROM m
        ORDER BY m.relevance DESC, m.published_at DESC LIMIT ${limit} OFFSET ${offset}
      ), seen AS MATERIALIZED (SELECT count(*) AS scanned, min(f.id) AS oldest FROM f)
      SELECT top.id, top.relevance, top.published_at, top.kept,
        CASE WHEN top.place <= ${RERANK_WINDOW}
          THEN (SELECT t.title FROM articles t WHERE t.id = top.id) ELSE '' END AS title,
        seen.scanned, w.since IS NOT NULL AS windowed, coalesce(w.since, seen.oldest) AS oldest
      FROM top, seen, LATERAL (SELECT CASE WHEN seen.scanned < ${RANKED_CANDIDATES}
          THEN ${newestWindow(steps, enough, sql`top.since_recent`, sql`top.since_earlier`)} END AS since) w
      ORDER BY top.relevance DESC, top.published_at DESC`.execute(run);
  };

  /**
   * Relevance over the newest RANKED_CANDIDATES matches only (see newest.ts), in one pass. Null
   * when every match must be ranked instead.
   */
  const newestRanked = async (q: EngineQuery, limit: number, offset: number): Promise<Found | null> => {
    const span = await idSpan(db);
    const { rows } = await withIndexesOnly(db, (run) => newestPage(run, q, span.highest, limit, offset));
    return answerFromNewest(rankedFromRows(toCandidates(rows), rows[0]), limit, offset, async () => span);
  };

  return {
    ...postgresDocTable(db, 'search_docs'),
    // GIN indexes merge their pending entries themselves (and at VACUUM).
    async compact() {},
    async count(q) {
      const { rows } = await withIndexesOnly(db, (run) =>
        sql<{ n: string | number }>`WITH f AS MATERIALIZED (
            SELECT d.article_id AS id FROM search_docs d WHERE ${readerMatch(q)}
          )
          SELECT count(*) AS n FROM f JOIN articles a ON a.id = f.id
          WHERE ${articleConditions(q)}`.execute(run),
      );
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
