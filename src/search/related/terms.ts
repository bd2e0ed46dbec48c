// What an article is about, as a weighted list of stems: counted over the title, dek and body
// (a word in the title says more about the subject than one in the eleventh paragraph), without
// function words and numbers, weighted by tf-idf against the published articles of the same
// language, cut to the strongest stems and scaled to unit length so a dot product is a cosine.
// Pure functions; the analyzer is the one search uses.
import type { Analyzer } from '../../core/text/analyze.ts';
import { isDigits } from '../../core/text/normalize.ts';
import { isStopWord, STOP_WORDS } from '../../core/text/stopwords.ts';

export interface ArticleText {
  title: string;
  dek: string;
  body: string;
}

/**
 * How much one occurrence counts in each field. A title is a dozen words chosen to name the
 * subject, a dek says it again; weighting them at 3 and 2 lets a short title hold its own
 * against a long body without drowning it.
 */
export const FIELD_WEIGHTS: Readonly<Record<keyof ArticleText, number>> = { title: 3, dek: 2, body: 1 };

/** Stems kept per article: enough to describe a long read, few enough to stay cheap to compare. */
export const VECTOR_SIZE = 64;

/** A unit-length vector of stems, strongest first. */
export type TermVector = ReadonlyMap<string, number>;

/**
 * Weighted counts of the article's stems. A word with a one-letter prefix the stemmer leaves
 * alone (وهجوم) is counted under its unprefixed stem (هجوم) when the article also uses that
 * stem at least as often on its own: the same article is the evidence that the prefix is و,
 * not the first letter of another word (وزير stays وزير in an article that says زير once).
 */
export function termCounts(analyzer: Analyzer, text: ArticleText): Map<string, number> {
  const found: { stem: string; alt: string | null; weight: number }[] = [];
  const plain = new Map<string, number>();
  for (const field of ['title', 'dek', 'body'] as const) {
    const weight = FIELD_WEIGHTS[field];
    for (const t of analyzer.analyze(text[field])) {
      if (isStopWord(t) || isDigits(t.exact) || t.stem.length < 2) continue;
      if (t.alt !== null && STOP_WORDS.has(t.alt)) continue;
      found.push({ stem: t.stem, alt: t.altStem, weight });
      plain.set(t.stem, (plain.get(t.stem) ?? 0) + weight);
    }
  }
  const counts = new Map<string, number>();
  for (const { stem, alt, weight } of found) {
    const key = alt !== null && (plain.get(alt) ?? 0) >= (plain.get(stem) ?? 0) ? alt : stem;
    counts.set(key, (counts.get(key) ?? 0) + weight);
  }
  return counts;
}

/**
 * Inverse document frequency, as BM25 has it: close to 0 for a stem in nearly every article,
 * about ln(N) for one found in a single article. Never negative.
 */
export function idf(df: number, docs: number): number {
  const d = Math.min(Math.max(df, 1), Math.max(docs, 1));
  return Math.log(1 + (Math.max(docs, 1) - d + 0.5) / (d + 0.5));
}

/**
 * The article's vector: (1 + ln tf) · idf for each stem, the `size` strongest kept (ties in
 * stem order, so the result does not depend on the order words were met), scaled to length 1.
 */
export function weighTerms(
  counts: ReadonlyMap<string, number>,
  dfOf: (stem: string) => number,
  docs: number,
  size = VECTOR_SIZE,
): TermVector {
  const weighted: [string, number][] = [];
  for (const [stem, tf] of counts) {
    const w = (1 + Math.log(tf)) * idf(dfOf(stem), docs);
    if (w > 0) weighted.push([stem, w]);
  }
  weighted.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const kept = weighted.slice(0, size);
  const norm = Math.sqrt(kept.reduce((sum, [, w]) => sum + w * w, 0));
  return new Map(norm > 0 ? kept.map(([stem, w]) => [stem, w / norm]) : []);
}

/** The cosine of two unit vectors: the sum of products over the stems they share. */
export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [stem, w] of small) {
    const other = large.get(stem);
    if (other !== undefined) sum += w * other;
  }
  return Math.min(1, sum);
}
