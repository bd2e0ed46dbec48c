// Ranking among the newest matches, shared by both engines. A word found in tens of thousands of
// articles makes scoring (and counting) every match too slow for a reader waiting on a phone, so
// past RANKED_CANDIDATES matches relevance is ranked among the newest that many (ids follow
// creation, so these are the latest articles: what a news reader is after) and the total is
// estimated from them. The engines run the full-text queries; this decides what their rows mean.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Candidate, Found } from './contract.ts';

/**
 * A thousand is a few months of a busy newsroom's stories on any common word, ten times the
 * deepest page offered (MAX_RANKED is 300), and keeps the heaviest three-word queries at 100,000
 * articles well inside 30 ms on either engine (bench/search.ts, bench/search-api.ts).
 */
export const RANKED_CANDIDATES = 1000;

export interface NewestRanked {
  /** One page of the newest matches that pass the filters, best first. */
  rows: Candidate[];
  /** Full-text matches looked at: RANKED_CANDIDATES at most. */
  scanned: number;
  /** Of those, the ones that pass the reader's filters. */
  kept: number;
  /** The smallest id among the matches looked at. */
  oldest: number;
  /**
   * The matches were looked for among the newest ids only (from `oldest` up), which alone held
   * enough for the page (PostgreSQL): fewer than RANKED_CANDIDATES, yet not every match.
   */
  windowed?: boolean;
}

/**
 * The answer from the newest matches, or null when they cannot answer alone and every match must
 * be ranked: no row (no match, or a page past the last: the exact path counts), or filters that
 * keep too few of them (a small section, an old date range). `span` gives the lowest and highest
 * article ids, asked only when the total must be estimated.
 */
export async function answerFromNewest(
  found: NewestRanked,
  limit: number,
  offset: number,
  span: () => Promise<{ lowest: number; highest: number }>,
): Promise<Found | null> {
  if (found.rows.length === 0) return null;
  // Fewer matches than the cap: every match was ranked, the count is exact.
  if (found.scanned < RANKED_CANDIDATES && found.windowed !== true)
    return { total: found.kept, rows: found.rows };
  if (found.kept < Math.min(offset + limit, RANKED_CANDIDATES)) return null;
  // Counting every match would walk the whole posting lists again, for a figure shown as
  // "about": the newest matches' share of the id range stands for the rest of the archive.
  const { lowest, highest } = await span();
  const share = (highest - found.oldest + 1) / Math.max(1, highest - lowest + 1);
  return {
    total: Math.round(found.kept / Math.min(1, Math.max(share, 1e-6))),
    rows: found.rows,
    estimated: true,
  };
}

/** The counts the engines' newest-matches query puts on each row (numbers or numeric strings). */
export interface NewestCounts {
  scanned?: number | string | null;
  kept?: number | string | null;
  oldest?: number | string | null;
  windowed?: boolean | null;
}

/** NewestRanked from the engine's rows: the counts are read from its first row. */
export function rankedFromRows(rows: Candidate[], first: NewestCounts | undefined): NewestRanked {
  return {
    rows,
    scanned: Number(first?.scanned ?? 0),
    kept: Number(first?.kept ?? 0),
    oldest: Number(first?.oldest ?? 0),
    windowed: first?.windowed === true,
  };
}

/** The lowest and highest article ids: two index lookups, on either engine. */
export async function idSpan(db: Kysely<Database>): Promise<{ lowest: number; highest: number }> {
  const { rows } = await sql<{ lowest: number | string | null; highest: number | string | null }>`SELECT
      (SELECT min(id) FROM articles) AS lowest, (SELECT max(id) FROM articles) AS highest`.execute(db);
  return { lowest: Number(rows[0]?.lowest ?? 0), highest: Number(rows[0]?.highest ?? 0) };
}
