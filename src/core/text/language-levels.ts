// Which analysis a text gets, by the language it is written in. Arabic-script words of an
// Arabic text are peeled of Arabic clitics and suffixes (stem.ts); the same letters in a
// Persian, Urdu, Pashto or Kurdish text are not Arabic words, and cutting ال or ان from them
// makes wrong families (ایران → اير), so they keep their form and lose only a plural suffix.
// Latin-script text of any language is lower-cased with accents folded (normalize.ts).
import { type Levels, type Protected, levelsOf } from './stem.ts';
import { isArabicWord } from './normalize.ts';

export type AnalysisFamily = 'default' | 'arabic-script-other';

const ARABIC_SCRIPT_OTHER = new Set([
  'fa',
  'ur',
  'ps',
  'ckb',
  'sd',
  'ug',
  'ks',
  'prs',
  'pes',
  'bal',
  'lrc',
  'mzn',
  'glk',
]);

/** The family of a language tag (BCP 47); unknown or absent tags get the default analysis. */
export function analysisFamily(lang: string | undefined): AnalysisFamily {
  if (!lang) return 'default';
  const base = lang.split('-')[0]?.toLowerCase() ?? '';
  return ARABIC_SCRIPT_OTHER.has(base) ? 'arabic-script-other' : 'default';
}

/** Persian and Urdu plural endings, as normalized (ی → ي; the joining ZWNJ is already gone). */
const PLURALS = ['هاي', 'ها'];
const MIN_LENGTH = 3;

function pluralStem(word: string, names: Protected): string {
  if (names.has(word)) return word;
  for (const suffix of PLURALS) {
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_LENGTH)
      return word.slice(0, -suffix.length);
  }
  return word;
}

export function levelsFor(word: string, names: Protected, family: AnalysisFamily): Levels {
  if (family === 'arabic-script-other' && isArabicWord(word)) {
    return { exact: word, base: word, stem: pluralStem(word, names), alt: null, altStem: null };
  }
  return levelsOf(word, names);
}
