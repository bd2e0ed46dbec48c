// The final ordering by relevance, the same on both engines: the engine's text score, raised
// when the title holds the query as typed and for recent articles.
import type { Analyzer } from '../core/text/analyze.ts';
import type { Candidate, QueryPlan } from './contract.ts';

/** The title contains the query's words in order, as typed (after normalization). */
const TITLE_PHRASE_BOOST = 0.6;
/** The title contains every query word, in any form. */
const TITLE_ALL_WORDS_BOOST = 0.3;
/** A story of today counts up to this much more than an old one; halved after HALF_LIFE_DAYS. */
const RECENCY_BOOST = 0.4;
const HALF_LIFE_DAYS = 30;
const DAY_MS = 86_400_000;

interface TitleWords {
  exact: string[];
  forms: Set<string>;
}

/**
 * Titles already analyzed, per analyzer (a new one, with new protected names, starts afresh).
 * The candidates of most searches are the newest matches, so the same recent titles come back
 * query after query; analyzing a hundred titles was a fifth of a search's own work.
 */
const analyzedTitles = new WeakMap<Analyzer, Map<string, TitleWords>>();
const TITLES_KEPT = 5_000;

function titleWords(analyzer: Analyzer, title: string): TitleWords {
  let kept = analyzedTitles.get(analyzer);
  if (!kept) {
    kept = new Map();
    analyzedTitles.set(analyzer, kept);
  }
  const found = kept.get(title);
  if (found) return found;
  const terms = analyzer.analyze(title);
  const words = {
    exact: terms.map((t) => t.exact),
    forms: new Set(terms.flatMap((t) => [t.exact, t.base, t.stem])),
  };
  kept.set(title, words);
  if (kept.size > TITLES_KEPT) {
    const oldest = kept.keys().next().value;
    if (oldest !== undefined) kept.delete(oldest);
  }
  return words;
}

export function titleBoost(analyzer: Analyzer, plan: QueryPlan, title: string): number {
  const { exact, forms } = titleWords(analyzer, title);
  const typed = plan.words.map((w) => w.exact);
  let boost = 0;
  if (typed.length > 0 && containsSequence(exact, typed)) boost += TITLE_PHRASE_BOOST;
  if (plan.words.every((w) => w.main.some((m) => forms.has(m)) || forms.has(w.stem))) {
    boost += TITLE_ALL_WORDS_BOOST;
  }
  return boost;
}

export function recencyFactor(publishedAt: string, now: Date): number {
  const ageDays = Math.max(0, (now.getTime() - Date.parse(publishedAt)) / DAY_MS);
  return 1 + RECENCY_BOOST / (1 + ageDays / HALF_LIFE_DAYS);
}

/**
 * Only the engine's best few are re-ranked: analyzing every candidate's title costs more than
 * it can change, as the boosts are bounded and the engine's order is already close.
 */
export const RERANK_WINDOW = 100;

export function rerank(
  analyzer: Analyzer,
  plan: QueryPlan,
  candidates: Candidate[],
  now: Date,
): { id: number; score: number }[] {
  const rest = candidates.slice(RERANK_WINDOW).map((c) => ({ id: c.id, score: c.relevance }));
  const reranked = candidates
    .slice(0, RERANK_WINDOW)
    .map((c) => ({
      id: c.id,
      score: c.relevance * (1 + titleBoost(analyzer, plan, c.title)) * recencyFactor(c.publishedAt, now),
      publishedAt: c.publishedAt,
    }))
    .sort((a, b) => b.score - a.score || b.publishedAt.localeCompare(a.publishedAt) || b.id - a.id)
    .map(({ id, score }) => ({ id, score }));
  return [...reranked, ...rest];
}

function containsSequence(haystack: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
