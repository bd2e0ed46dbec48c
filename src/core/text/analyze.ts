// The one text analyzer: the index and the query both go through it, on both engines.
// Each word of the original text comes out with its offsets and its levels (exact, base,
// stem, alt), computed with the same protected names on both sides.
import { aliasesOf as builtInAliases } from './aliases.ts';
import { type AnalysisFamily, analysisFamily, levelsFor } from './language-levels.ts';
import { PLACE_NAMES, protectedWords } from './names.ts';
import type { Levels, Protected } from './stem.ts';
import { tokenize } from './tokenize.ts';

export interface Term extends Levels {
  /** UTF-16 offsets in the original text. */
  start: number;
  end: number;
}

export interface Analyzer {
  /** The words of `text`, analyzed as its language (BCP 47) wants; the default for ar/fr/en. */
  analyze(text: string, lang?: string): Term[];
  /** The protected words, normalized (exact and base forms). */
  readonly names: Protected;
  /** Other spellings of a normalized word: built-in place names and the site's linked tags. */
  aliasesOf(word: string): readonly string[];
}

/**
 * An analyzer that protects the given names (tags, people) and the built-in place names, and
 * knows `aliases` (normalized word → its other spellings, e.g. from tags linked across languages).
 */
export function createAnalyzer(
  names: Iterable<string> = [],
  aliases: ReadonlyMap<string, readonly string[]> = new Map(),
): Analyzer {
  const protectedSet = protectedWords([...PLACE_NAMES, ...names]);
  // Levels depend only on the word and the family; a news corpus repeats words a lot, so they are cached.
  const caches = new Map<AnalysisFamily, Map<string, Levels>>();
  const levels = (word: string, family: AnalysisFamily): Levels => {
    let cache = caches.get(family);
    if (!cache) {
      cache = new Map();
      caches.set(family, cache);
    }
    let found = cache.get(word);
    if (!found) {
      found = levelsFor(word, protectedSet, family);
      if (cache.size > 200_000) cache.clear();
      cache.set(word, found);
    }
    return found;
  };
  return {
    names: protectedSet,
    analyze(text, lang) {
      const family = analysisFamily(lang);
      return tokenize(text).map((t) => ({ start: t.start, end: t.end, ...levels(t.norm, family) }));
    },
    aliasesOf(word) {
      const own = aliases.get(word);
      return own ? [...builtInAliases(word), ...own] : builtInAliases(word);
    },
  };
}
