// Light stemming in levels. Heavy (root) stemmers put news words into wrong families
// (وزير→زير, فلسطين→لسط, لبنان→لبن), so Midad only peels what is surely a prefix or a
// suffix, and keeps each level separate so ranking can prefer the closer match:
//   base  one definite-article-type prefix removed  (والوزير → وزير)
//   stem  base plus one suffix removed               (الانتخابات → انتخاب)
//   alt   a single و ف ب ل ك removed                 (وبيروت → بيروت), a guess the query
//         only makes when the word as typed is not in the index, so وزير never meets زير.
// Protected words (names of tags, people and places) are never cut.
import { isArabicWord, isDigits } from './normalize.ts';

/** Words shorter than this after a cut are not words any more: the cut is not made. */
const MIN_LENGTH = 3;

/** Longest first, so وال is taken whole rather than as و + ال. */
const ARTICLE_PREFIXES = ['وال', 'بال', 'كال', 'فال', 'لل', 'ال'];

/** Longest first; ة and ى are already folded to ه and ي. */
const ARABIC_SUFFIXES = ['هما', 'كما', 'ات', 'ون', 'ين', 'ان', 'يه', 'ها', 'هم', 'هن', 'كم', 'نا', 'ه'];

const PROCLITICS = new Set(['و', 'ف', 'ب', 'ل', 'ك']);

export type Protected = ReadonlySet<string>;

export function stripArticle(word: string): string {
  for (const prefix of ARTICLE_PREFIXES) {
    if (word.startsWith(prefix) && word.length - prefix.length >= MIN_LENGTH) {
      return word.slice(prefix.length);
    }
  }
  return word;
}

function stripSuffix(word: string): string {
  for (const suffix of ARABIC_SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_LENGTH) {
      return word.slice(0, -suffix.length);
    }
  }
  return word;
}

/** The word without one leading و ف ب ل ك (and then its article), or null. */
function stripProclitic(word: string): string | null {
  if (!PROCLITICS.has(word[0] ?? '') || word.length - 1 < MIN_LENGTH) return null;
  return stripArticle(word.slice(1));
}

export interface Levels {
  exact: string;
  base: string;
  stem: string;
  /** Only for Arabic words that may carry a one-letter prefix; null otherwise. */
  alt: string | null;
  /** The stem of `alt`, searched in the stems column when alt is used. */
  altStem: string | null;
}

export function arabicLevels(exact: string, names: Protected): Levels {
  let base = stripArticle(exact);
  if (names.has(exact) || names.has(base)) return { exact, base, stem: base, alt: null, altStem: null };
  // A one-letter prefix before a known name is certain (ولبنان, لفلسطين): no guess needed.
  const unclitic = stripProclitic(exact);
  if (unclitic !== null && names.has(unclitic)) {
    base = unclitic;
    return { exact, base, stem: base, alt: null, altStem: null };
  }
  let stem = stripSuffix(base);
  // A nisba of a protected name (الفلسطينيين → فلسطيني, اللبنانية → لبناني) stems to the name.
  if (stem.endsWith('ي') && names.has(stem.slice(0, -1))) stem = stem.slice(0, -1);
  const alt = unclitic !== null && unclitic !== base ? unclitic : null;
  const altStem = alt === null ? null : names.has(alt) ? alt : stripSuffix(alt);
  return { exact, base, stem, alt, altStem };
}

/**
 * French and English plurals, lightly: journaux → journal, policies → policy,
 * élections → election. Words ending in -ss, -us, -is keep their s (press, virus, Paris).
 */
export function latinStem(word: string, names: Protected): string {
  if (names.has(word) || word.length <= MIN_LENGTH) return word;
  if (word.endsWith('aux') && word.length > 4) return `${word.slice(0, -3)}al`;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is)$/.test(word)) return word;
  if (/[sx]$/.test(word)) return word.slice(0, -1);
  return word;
}

export function levelsOf(word: string, names: Protected): Levels {
  if (isArabicWord(word)) return arabicLevels(word, names);
  if (isDigits(word)) return { exact: word, base: word, stem: word, alt: null, altStem: null };
  return { exact: word, base: word, stem: latinStem(word, names), alt: null, altStem: null };
}
