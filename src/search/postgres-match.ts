// PostgreSQL: which readers' documents match a query, as one condition on one GIN index
// (migration 027). The index is over search_match(id, doc, alt): the document's lexemes, its
// stems again with a `~` before each, the alt guesses with a `^`, and `#` with the block of
// 4,096 ids the article is in, so every part of a word's match (typed forms anywhere, the stem
// among the stems only, the guesses) is a lexeme of one tsvector, and the whole query one
// tsquery. Over separate indexes, the planner would answer part of the query from an index and
// test the rest on each row it found, unpacking every one of those documents: a common word
// then cost hundreds of milliseconds. The analyzer's words are letters, digits and marks, so
// the marks never meet a real word.
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { EngineQuery, PlanWord } from './contract.ts';

export function quoteLexeme(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** The words parsed as the documents were (to_tsquery), each lexeme then marked. */
function parsed(words: string[], mark: '' | '~' | '^'): RawBuilder<unknown> {
  const query = sql`to_tsquery('simple', ${words.map(quoteLexeme).join(' | ')})`;
  if (mark === '') return query;
  // Lexemes are quoted in a tsquery's text; the analyzer's words hold no quote.
  return sql`regexp_replace(${query}::text, '''([^'']*)''', ${`'${mark}\\1'`}, 'g')::tsquery`;
}

/** One word's forms: typed anywhere, the stem among the stems (see docQuery in postgres.ts). */
function forms(main: string[], stem: string): RawBuilder<unknown>[] {
  return main.includes(stem) ? [parsed(main, '')] : [parsed(main, ''), parsed([stem], '~')];
}

function wordQuery(word: PlanWord): RawBuilder<unknown> {
  const parts = forms(word.main, word.stem);
  if (word.widen) {
    parts.push(parsed(word.main, '^'));
    if (word.guess) parts.push(...forms(word.guess.main, word.guess.stem));
  }
  return sql`(${sql.join(parts, sql` || `)})`;
}

const MATCH_VECTOR = sql`search_match(d.article_id, d.doc, d.alt)`;

/** The readers' documents (aliased `d`) that hold the word. */
export function readerWordMatch(word: PlanWord): RawBuilder<unknown> {
  return sql`${MATCH_VECTOR} @@ ${wordQuery({ ...word, widen: false })}`;
}

function queryOf(q: Pick<EngineQuery, 'plan' | 'mode'>): RawBuilder<unknown> {
  return sql`(${sql.join(q.plan.words.map(wordQuery), sql.raw(q.mode === 'all' ? ' && ' : ' || '))})`;
}

/** The readers' documents (aliased `d`) that hold every word of the query, or any of them. */
export function readerMatch(q: Pick<EngineQuery, 'plan' | 'mode'>): RawBuilder<unknown> {
  return sql`${MATCH_VECTOR} @@ ${queryOf(q)}`;
}

/** Ids per block in the index (see search_match in migration 027). */
const BLOCK_BITS = 12;

function blocks(from: number, to: number): string {
  const out: string[] = [];
  for (let b = from; b <= to; b++) out.push(`'#${b}'`);
  return out.join(' | ');
}

/**
 * Where the steps of newestMatches begin: `recent`, the first id of the newest three to four
 * blocks (12,000 to 16,000 articles, the one still filling counted); `earlier`, that of the four
 * blocks before them (the same id when there are none).
 */
export function newestSteps(highestId: number): { recent: number; earlier: number } {
  const recent = Math.max(0, (highestId >> BLOCK_BITS) - 3);
  return { recent: recent << BLOCK_BITS, earlier: Math.max(0, recent - 4) << BLOCK_BITS };
}

/**
 * The ids of the newest `limit` matches, newest first, found by the index alone: first among
 * the newest blocks of ids, then the four blocks before them, then all the older matches. A
 * Limit stops pulling rows from the Append of the steps, which runs them in turn, so a word
 * common enough to fill the first never runs the others: without the blocks, such a word (a
 * third of 100,000 articles) read every match's row, 20 ms; the first step alone reads its
 * newest few thousand, 3 ms. Nor does a step run once `enough` of the matches found so far pass
 * `kept` (conditions on the articles, aliased `a`): those months of stories fill every page
 * asked for. Two or three words together, in a thousand or two of 100,000 articles, made the
 * slowest searches: all their older matches were walked (the words' whole posting lists and a
 * row each) and a thousand documents ranked, where the newest eight blocks already held the
 * few hundred a page needs. The second step runs only when the first found at least half of
 * `enough` (so that as many again would do): each step reads the words' posting lists anew,
 * which for sparser matches would only add to the walk of the older ones.
 */
export function newestMatches(
  q: Pick<EngineQuery, 'plan' | 'mode'>,
  highestId: number,
  limit: number,
  kept: RawBuilder<unknown>,
  enough: number,
): RawBuilder<unknown> {
  const query = queryOf(q);
  const { recent, earlier } = newestSteps(highestId);
  const step = (from: number, to: number) => sql`SELECT d.article_id AS id FROM search_docs d
      WHERE ${MATCH_VECTOR} @@ (${query} && ${blocks(from >> BLOCK_BITS, to)}::tsquery)
      ORDER BY d.article_id + 0 DESC LIMIT ${limit}`;
  const first = sql`recent AS MATERIALIZED (${step(recent, (highestId >> BLOCK_BITS) + 1)})`;
  if (recent === 0) return sql`WITH ${first} SELECT id FROM recent`;
  const count = (steps: RawBuilder<unknown>) =>
    sql`(SELECT count(*) FROM (${steps}) AS s JOIN articles a ON a.id = s.id WHERE ${kept})`;
  // Each count is made once (a CTE is read where it is first needed) and only if asked for.
  const k0 = sql`(SELECT n FROM k0)`;
  const k1 = sql`(SELECT n FROM k1)`;
  const half = Math.ceil(enough / 2);
  return sql`WITH ${first},
      earlier AS MATERIALIZED (${step(earlier, (recent >> BLOCK_BITS) - 1)}),
      k0 AS MATERIALIZED (SELECT ${count(sql`SELECT id FROM recent`)} AS n),
      k1 AS MATERIALIZED (SELECT ${count(sql`SELECT id FROM recent UNION ALL SELECT id FROM earlier`)} AS n)
    SELECT * FROM (
      (SELECT id FROM recent)
      UNION ALL
      (SELECT id FROM earlier WHERE ${k0} < ${enough} AND ${k0} >= ${half})
      UNION ALL
      (SELECT d.article_id AS id FROM search_docs d
        WHERE ${MATCH_VECTOR} @@ ${query} AND ${k0} < ${enough} AND (${k0} < ${half} OR ${k1} < ${enough})
          AND d.article_id + 0 < CASE WHEN ${k0} >= ${half} THEN ${earlier}::integer ELSE ${recent}::integer END
        ORDER BY d.article_id + 0 DESC LIMIT ${limit})
    ) AS w LIMIT ${limit}`;
}

/** Whether newestMatches stopped short of the older matches (see there): from which id, or null. */
export function newestWindow(
  steps: { recent: number; earlier: number },
  enough: number,
  keptSinceRecent: RawBuilder<unknown>,
  keptSinceEarlier: RawBuilder<unknown>,
): RawBuilder<unknown> {
  if (steps.recent === 0) return sql`NULL::integer`;
  return sql`CASE WHEN ${keptSinceRecent} >= ${enough} THEN ${steps.recent}::integer
    WHEN ${keptSinceRecent} >= ${Math.ceil(enough / 2)} AND ${keptSinceEarlier} >= ${enough}
      THEN ${steps.earlier}::integer END`;
}

/**
 * Runs `query` where the planner may not scan search_docs whole. It would otherwise, for a word
 * it guesses common, walk the table testing each row's document, which unpacks every document
 * it passes (it does not count that as costly): a rare or absent word then read them all. JIT
 * is off too: compiling costs more than any of these queries; and parallel plans, which could
 * run newestMatches' steps at once. Inside a caller's transaction the settings would outlive
 * the search, so there the planner chooses.
 */
export async function withIndexesOnly<T>(
  db: Kysely<Database>,
  query: (run: Kysely<Database>) => Promise<T>,
): Promise<T> {
  if (db.isTransaction) return query(db);
  return db.transaction().execute(async (trx) => {
    await sql`SELECT set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true),
      set_config('max_parallel_workers_per_gather', '0', true)`.execute(trx);
    return query(trx);
  });
}
