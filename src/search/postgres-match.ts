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

/** Blocks of ids newestMatches looks in at each step before the older matches, newest first. */
const STEP_BLOCKS = [4, 4];

/**
 * The first id of each step of newestMatches (newest first): the newest three to four blocks of
 * ids (12,000 to 16,000 articles, the one still filling counted), then the four before them.
 */
export function newestSteps(highestId: number): number[] {
  const starts: number[] = [];
  let block = (highestId >> BLOCK_BITS) + 1;
  for (const n of STEP_BLOCKS) {
    block = Math.max(0, block - n);
    if (starts.length > 0 && block << BLOCK_BITS === starts.at(-1)) break;
    starts.push(block << BLOCK_BITS);
  }
  return starts;
}

/**
 * The ids of the newest `limit` matches, newest first: looked for by the index alone
 * among the newest blocks of ids, a few at a time (newestSteps), then among all the older
 * matches. A Limit stops pulling rows from the Append of the steps, which runs them in turn, so
 * a word common enough to fill the first never runs the others: without the blocks, such a word
 * (a third of 100,000 articles) read every match's row, 20 ms; the first step alone reads its
 * newest few thousand, 3 ms. Nor does a step run once `enough` of the matches found so far pass
 * `kept` (conditions on the articles, aliased `a`): those months of stories fill every page
 * asked for. Two or three words together, in a thousand or two of 100,000 articles, made the
 * slowest searches: all their older matches were walked (the words' whole posting lists and a
 * row each) and a thousand documents ranked, where the newest eight blocks already held the
 * few hundred a page needs.
 */
export function newestMatches(
  q: Pick<EngineQuery, 'plan' | 'mode'>,
  highestId: number,
  limit: number,
  kept: RawBuilder<unknown>,
  enough: number,
): RawBuilder<unknown> {
  const query = queryOf(q);
  const starts = newestSteps(highestId);
  const ends = [(highestId >> BLOCK_BITS) + 1, ...starts.map((s) => (s >> BLOCK_BITS) - 1)];
  const steps = starts.map(
    (start, i) => sql`${sql.raw(`step${i}`)} AS MATERIALIZED (
      SELECT d.article_id AS id FROM search_docs d
        WHERE ${MATCH_VECTOR} @@ (${query} && ${blocks(start >> BLOCK_BITS, ends[i]!)}::tsquery)
        ORDER BY d.article_id + 0 DESC LIMIT ${limit})`,
  );
  // Whether the steps before step `i` found too few: each count runs only if the one before it
  // said so (AND stops at the first false), so a step is never searched only to be counted.
  const tooFew = (i: number) =>
    sql.join(
      Array.from(
        { length: i },
        (_, j) =>
          sql`(SELECT count(*) FROM (${sql.join(
            Array.from({ length: j + 1 }, (_, k) => sql`SELECT id FROM ${sql.raw(`step${k}`)}`),
            sql` UNION ALL `,
          )}) AS s JOIN articles a ON a.id = s.id WHERE ${kept}) < ${enough}`,
      ),
      sql` AND `,
    );
  const branches = starts.map((_, i) =>
    i === 0 ? sql`(SELECT id FROM step0)` : sql`(SELECT id FROM ${sql.raw(`step${i}`)} WHERE ${tooFew(i)})`,
  );
  branches.push(sql`(SELECT d.article_id AS id FROM search_docs d
        WHERE ${MATCH_VECTOR} @@ ${query} AND d.article_id + 0 < ${starts.at(-1)!} AND ${tooFew(starts.length)}
        ORDER BY d.article_id + 0 DESC LIMIT ${limit})`);
  return sql`WITH ${sql.join(steps, sql`, `)}
    SELECT * FROM (${sql.join(branches, sql` UNION ALL `)}) AS w LIMIT ${limit}`;
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
