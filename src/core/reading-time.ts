// Reading time from the words of the text. Arabic is read more slowly than English or French
// per word (words carry attached particles and readers meet unvocalised text), so each
// language has its own rate.
import { baseLanguage } from './languages/tags.ts';

// Arabic-script languages are read like Arabic; others at the Latin-script rate.
const WORDS_PER_MINUTE: Record<string, number> = { ar: 160, fa: 160, ur: 160, ps: 160, fr: 220, en: 230 };
const OTHER = 200;

export function countWords(text: string): number {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu);
  return words ? words.length : 0;
}

/** `lang`: any language tag (an edition or the text's language). */
export function readingMinutes(text: string, lang: string): number {
  return minutesForWords(countWords(text), lang);
}

export function minutesForWords(words: number, lang: string): number {
  return Math.max(1, Math.round(words / (WORDS_PER_MINUTE[baseLanguage(lang)] ?? OTHER)));
}
