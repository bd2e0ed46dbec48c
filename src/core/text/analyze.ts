// The one text analyzer: the index and the query both go through it, on both engines.
// Each word of the original text comes out with its offsets and its levels (exact, base,
// stem, alt), computed with the same protected names on both sides.
import { PLACE_NAMES, protectedWords } from './names.ts';
import { type Levels, levelsOf, type Protected } from './stem.ts';
import { tokenize } from './tokenize.ts';

export interface Term extends Levels {
  /** UTF-16 offsets in the original text. */
  start: number;
  end: number;
}

export interface Analyzer {
  analyze(text: string): Term[];
  /** The protected words, normalized (exact and base forms). */
  readonly names: Protected;
}

/** An analyzer that protects the given names (tags, people) and the built-in place names. */
export function createAnalyzer(names: Iterable<string> = []): Analyzer {
  const protectedSet = protectedWords([...PLACE_NAMES, ...names]);
  // Levels depend only on the word; a news corpus repeats words a lot, so they are cached.
  const cache = new Map<string, Levels>();
  const levels = (word: string): Levels => {
    let found = cache.get(word);
    if (!found) {
      found = levelsOf(word, protectedSet);
      if (cache.size > 200_000) cache.clear();
      cache.set(word, found);
    }
    return found;
  };
  return {
    names: protectedSet,
    analyze(text) {
      return tokenize(text).map((t) => ({ start: t.start, end: t.end, ...levels(t.norm) }));
    },
  };
}
