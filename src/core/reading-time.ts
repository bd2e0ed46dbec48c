// Reading time from the words of the text. Arabic is read more slowly than English or French
// per word (words carry attached particles and readers meet unvocalised text), so each
// language has its own rate.
import type { Lang } from './types.ts';

const WORDS_PER_MINUTE: Record<Lang, number> = { ar: 160, fr: 220, en: 230 };

export function countWords(text: string): number {
  const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*/gu);
  return words ? words.length : 0;
}

export function readingMinutes(text: string, lang: Lang): number {
  return Math.max(1, Math.round(countWords(text) / WORDS_PER_MINUTE[lang]));
}
