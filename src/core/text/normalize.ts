// Folding of one word to the form the search index stores. Index time and query time use
// the same function, so a reader typing اسلام, مستشفي, جامعه or ٢٠٢٤ meets the article
// that printed الإسلام, مستشفى, جامعة or 2024. Pure string work, no I/O.

/** Harakat (U+064B–U+065F), superscript alef (U+0670) and the Quranic annotation marks. */
const ARABIC_MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED]/g;

/**
 * Invisible characters: zero-width space/joiners (ZWNJ included: it only shapes a Persian
 * word, the word stays one), direction marks and embeddings, word joiner, BOM, soft hyphen,
 * Arabic letter mark, combining grapheme joiner, and tatweel, which only stretches a word.
 */
const INVISIBLE = /\u034F|[\u00AD\u061C\u0640\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

const LETTER_FOLDS: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ة: 'ه',
  ؤ: 'ء',
  ئ: 'ء',
  ک: 'ك',
  ی: 'ي',
  ۀ: 'ه',
  ە: 'ه',
  // Urdu letters and Sindhi's swash kaf: the same words written by Arabic keyboards meet them.
  ہ: 'ه',
  ھ: 'ه',
  ۃ: 'ه',
  ے: 'ي',
  ۓ: 'ي',
  ڪ: 'ك',
};
const LETTER_FOLD_RE = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');

/** Latin letters that NFD does not split into a base letter and an accent. */
const LATIN_FOLDS: Record<string, string> = { œ: 'oe', æ: 'ae', ß: 'ss', ø: 'o', đ: 'd', ł: 'l' };
const LATIN_FOLD_RE = new RegExp(`[${Object.keys(LATIN_FOLDS).join('')}]`, 'g');

/** Latin combining accents, removed after NFD (é → e). Arabic marks are handled above. */
const LATIN_ACCENTS = /[\u0300-\u036F]/g;

/** Arabic-Indic (U+0660…) and Persian (U+06F0…) digits become 0–9. */
function foldDigit(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  return ch;
}

/**
 * The index form of a piece of text: NFKC, invisibles, tatweel and harakat removed, alef,
 * yeh, teh marbuta and hamza carriers folded, digits made Western, Latin lowercased without
 * accents. NFKC can turn one presentation form into several words (ﷺ), so the result may
 * contain spaces; callers split it.
 */
export function normalizeText(text: string): string {
  return (
    text
      .normalize('NFKC')
      .replace(INVISIBLE, '')
      // Letters are folded before NFD: NFD would turn ؤ into و + hamza mark, and the hamza
      // carriers must become ء. A hamza typed as a separate mark (ا + U+0654) just goes.
      .replace(LETTER_FOLD_RE, (ch) => LETTER_FOLDS[ch] ?? ch)
      .replace(/[\u0660-\u0669\u06F0-\u06F9]/g, foldDigit)
      .toLowerCase()
      .replace(LATIN_FOLD_RE, (ch) => LATIN_FOLDS[ch] ?? ch)
      .normalize('NFD')
      .replace(ARABIC_MARKS, '')
      .replace(LATIN_ACCENTS, '')
      .normalize('NFC')
  );
}

const ARABIC_LETTER = /[\u0621-\u064A\u066E-\u06D3\u06FA-\u06FF]/;

export function isArabicWord(word: string): boolean {
  return ARABIC_LETTER.test(word);
}

export function isDigits(word: string): boolean {
  return /^[0-9]+$/.test(word);
}
