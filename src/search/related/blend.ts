// How related two articles are, and which of them make an article's list. Pure functions.
//
// The score blends five signals, each in [0, 1], so the weights read as shares:
//   text     0.65  cosine of the tf-idf vectors. The only signal every article has, and the
//                  one that says what the article is actually about, so it leads.
//   tags     0.15  overlap of the editors' tags, each weighted by its idf: sharing a tag
//                  found on a handful of articles says more than sharing a country tag found
//                  on half the site. Precise when present, but sparse (many articles have
//                  none) and sometimes broad, so it refines the text rather than replacing it.
//   section  0.08  same section 1, parent/child or sibling sections 0.5. A whole desk is a
//                  coarse topic: enough to break ties, not to make a sport story related to
//                  a security one that happens to share a town.
//   recency  0.08  closeness in time, halving every 14 days. Follow-ups of a story come
//                  within days; among equally similar articles the one from the same week is
//                  the better next read. Measured between the two articles, not from "now",
//                  so a stored score does not go stale and the score is symmetric.
//   authors  0.04  a shared byline: reporters keep to a beat, loosely.
// Together the other four can lift a candidate by at most 0.35, about what 0.55 of cosine is
// worth: a strongly similar text from another desk and month still beats a same-desk,
// same-tag story of the same day that merely shares a few words.
// Every part is symmetric, so score(a, b) = score(b, a): a newly published article can be
// merged into the stored lists of its neighbours with the score it computed for them.
//
// A candidate needs some text in common (MIN_TEXT: tags, section, date and byline never make
// an article related alone) and enough evidence overall (MIN_SCORE): a page shows three good
// related articles rather than three and a stranger that merely shares a country tag and a
// week. The thresholds were set on the test collections (test/fixtures/related and the search
// quality collection), whose figures test/search-quality/related.test.ts prints.

export const WEIGHTS = { text: 0.65, tags: 0.15, section: 0.08, recency: 0.08, authors: 0.04 } as const;

/** Below this cosine two articles have too little text in common to be offered together. */
export const MIN_TEXT = 0.02;

/** Below this blended score an article is not offered, however many slots are free. */
export const MIN_SCORE = 0.2;

export const RECENCY_HALF_LIFE_DAYS = 14;

const DAY_MS = 86_400_000;

export interface RelatedFeatures {
  id: number;
  sectionId: number | null;
  /** Publication time in milliseconds since the epoch. */
  published: number | null;
  tagIds: readonly number[];
  authorIds: readonly number[];
}

/** Parent of each section (null at the top). */
export type SectionParents = ReadonlyMap<number, number | null>;

/** What the blend knows of the site: the section tree and how specific each tag is. */
export interface BlendContext {
  parents: SectionParents;
  /** The tag's idf over the published articles (1 when unknown). */
  tagWeight(tagId: number): number;
}

/**
 * The cosine of two weighted sets, Σ shared w² / √(Σ_A w² · Σ_B w²): 1 for equal sets, 0 when
 * either is empty or nothing is shared. With unit weights, |A ∩ B| / √(|A|·|B|).
 */
export function overlap(
  a: readonly number[],
  b: readonly number[],
  weight: (id: number) => number = () => 1,
): number {
  const sa = new Set(a);
  const sb = new Set(b);
  if (sa.size === 0 || sb.size === 0) return 0;
  const sum = (ids: Iterable<number>) => {
    let total = 0;
    for (const id of ids) total += weight(id) ** 2;
    return total;
  };
  const shared = sum([...sa].filter((x) => sb.has(x)));
  const norm = Math.sqrt(sum(sa) * sum(sb));
  return norm > 0 ? shared / norm : 0;
}

export function sectionAffinity(a: number | null, b: number | null, parents: SectionParents): number {
  if (a === null || b === null) return 0;
  if (a === b) return 1;
  const pa = parents.get(a) ?? null;
  const pb = parents.get(b) ?? null;
  if (pa === b || pb === a || (pa !== null && pa === pb)) return 0.5;
  return 0;
}

export function recencyAffinity(a: number | null, b: number | null): number {
  if (a === null || b === null) return 0;
  const days = Math.abs(a - b) / DAY_MS;
  if (!Number.isFinite(days)) return 0;
  return 0.5 ** (days / RECENCY_HALF_LIFE_DAYS);
}

export function blendScore(
  a: RelatedFeatures,
  b: RelatedFeatures,
  text: number,
  context: BlendContext,
): number {
  return (
    WEIGHTS.text * text +
    WEIGHTS.tags * overlap(a.tagIds, b.tagIds, context.tagWeight) +
    WEIGHTS.section * sectionAffinity(a.sectionId, b.sectionId, context.parents) +
    WEIGHTS.recency * recencyAffinity(a.published, b.published) +
    WEIGHTS.authors * overlap(a.authorIds, b.authorIds)
  );
}

export interface Scored {
  id: number;
  score: number;
}

/** Best first; equal scores by id, newest id first, so every run orders them alike. */
export function byScore(a: Scored, b: Scored): number {
  return b.score - a.score || b.id - a.id;
}

/**
 * The list itself: best first, at most `limit`, leaving out the article's own near-duplicates
 * and any candidate that is a near-duplicate of one already chosen (the better-scored version
 * of a story stands for all of them).
 */
export function chooseRelated(
  candidates: readonly Scored[],
  excluded: ReadonlySet<number>,
  isDuplicate: (a: number, b: number) => boolean,
  limit: number,
): Scored[] {
  const chosen: Scored[] = [];
  for (const c of [...candidates].sort(byScore)) {
    if (chosen.length >= limit) break;
    if (excluded.has(c.id) || chosen.some((x) => x.id === c.id)) continue;
    if (chosen.some((x) => isDuplicate(x.id, c.id))) continue;
    chosen.push(c);
  }
  return chosen;
}

/**
 * A stored list after `entry.id` changed: its old place is dropped, and it comes back with its
 * new score when it is given, unless a better-scored near-duplicate is already listed; worse
 * near-duplicates of it leave the list. Returns the list, best first, at most `limit` long.
 */
export function mergeInto(
  list: readonly Scored[],
  changedId: number,
  entry: Scored | null,
  isDuplicate: (a: number, b: number) => boolean,
  limit: number,
): Scored[] {
  const rest = list.filter((x) => x.id !== changedId);
  if (entry === null) return rest.sort(byScore).slice(0, limit);
  const rivals = rest.filter((x) => isDuplicate(x.id, entry.id));
  if (rivals.some((x) => byScore(x, entry) < 0)) return rest.sort(byScore).slice(0, limit);
  return [...rest.filter((x) => !rivals.includes(x)), entry].sort(byScore).slice(0, limit);
}

export function sameList(a: readonly Scored[], b: readonly Scored[]): boolean {
  return (
    a.length === b.length && a.every((x, i) => x.id === b[i]?.id && Math.abs(x.score - b[i]!.score) < 1e-9)
  );
}
