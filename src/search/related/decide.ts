// From an article's nearest texts to its stored list: near-duplicates set apart, the rest
// scored by the blend and chosen. Shared by the incremental path and the full rebuild, so
// both store the same lists. Pure.
import {
  type BlendContext,
  blendScore,
  chooseRelated,
  MIN_SCORE,
  MIN_TEXT,
  type RelatedFeatures,
  type Scored,
} from './blend.ts';
import { estimateJaccard, isNearDuplicate, DUPLICATE_JACCARD, type Signature } from './minhash.ts';

/** Related articles an article page shows. */
export const SHOWN = 4;

/** Articles stored per list: more than a page shows, so one leaving does not empty a slot. */
export const LIST_SIZE = 8;

/** Nearest texts looked at for each article: the pool its list is chosen from. */
export const CANDIDATES = 60;

export interface Candidate extends RelatedFeatures {
  signature: Signature | null;
}

export interface Decision {
  /** The stored list, best first. */
  list: Scored[];
  /** Every candidate that may be listed, with its blended score (symmetric: its score for this one too). */
  scored: Scored[];
  /** Near-duplicates of the article, with their estimated Jaccard similarity. */
  duplicates: Scored[];
}

export function duplicateCheck(features: ReadonlyMap<number, Candidate>): (a: number, b: number) => boolean {
  return (a, b) => {
    const x = features.get(a)?.signature;
    const y = features.get(b)?.signature;
    return x != null && y != null && isNearDuplicate(x, y);
  };
}

/** `nearest` holds text cosines; `features` the article itself and every candidate. */
export function decide(
  self: Candidate,
  nearest: readonly Scored[],
  features: ReadonlyMap<number, Candidate>,
  context: BlendContext,
): Decision {
  const scored: Scored[] = [];
  const duplicates: Scored[] = [];
  for (const { id, score: text } of nearest) {
    const other = features.get(id);
    if (!other || id === self.id) continue;
    if (self.signature && other.signature) {
      const jaccard = estimateJaccard(self.signature, other.signature);
      if (jaccard >= DUPLICATE_JACCARD) {
        duplicates.push({ id, score: jaccard });
        continue;
      }
    }
    if (text < MIN_TEXT) continue;
    const score = blendScore(self, other, text, context);
    if (score >= MIN_SCORE) scored.push({ id, score });
  }
  const list = chooseRelated(
    scored,
    new Set(duplicates.map((d) => d.id)),
    duplicateCheck(features),
    LIST_SIZE,
  );
  return { list, scored, duplicates };
}
