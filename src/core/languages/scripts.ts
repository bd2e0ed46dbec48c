// Which script a text is written in, and, inside the Arabic script, which of Arabic, Persian
// and Urdu: their alphabets differ by a few letters (پ چ ژ گ for Persian and Urdu, ٹ ڈ ڑ ں ے
// for Urdu alone, ة and ي/ى for Arabic), which decides a short text better than n-grams.

export type Script = 'Arab' | 'Latn' | 'Jpan' | 'Hani' | 'Hang' | 'Hebr' | 'Cyrl' | 'Grek' | 'Other';

const SCRIPTS: [Script, RegExp][] = [
  ['Arab', /\p{Script=Arabic}/u],
  ['Latn', /\p{Script=Latin}/u],
  ['Jpan', /[\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Hani', /\p{Script=Han}/u],
  ['Hang', /\p{Script=Hangul}/u],
  ['Hebr', /\p{Script=Hebrew}/u],
  ['Cyrl', /\p{Script=Cyrillic}/u],
  ['Grek', /\p{Script=Greek}/u],
];

export interface ScriptCount {
  script: Script;
  /** Letters in that script. */
  letters: number;
  /** Letters of any script. */
  total: number;
}

/** The script most letters are in (Han with any kana counts as Japanese). */
export function dominantScript(text: string): ScriptCount {
  const counts = new Map<Script, number>();
  let total = 0;
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    total++;
    const script = SCRIPTS.find(([, re]) => re.test(ch))?.[0] ?? 'Other';
    counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  const kana = counts.get('Jpan') ?? 0;
  if (kana > 0) {
    counts.set('Jpan', kana + (counts.get('Hani') ?? 0));
    counts.delete('Hani');
  }
  let best: Script = 'Other';
  let letters = 0;
  for (const [script, n] of counts) {
    if (n > letters) {
      best = script;
      letters = n;
    }
  }
  return { script: best, letters, total };
}

const URDU_ONLY = /[ٹڈڑںےۓ]/gu;
const PERSIAN_URDU = /[پچژگکی]/gu;
const ARABIC_ONLY = /[ةيىكأإؤ]/gu;

/**
 * Arabic, Persian or Urdu by their letters; null when the text holds too few telling letters
 * (another language in the Arabic script, or too short to say).
 */
export function arabicScriptLanguage(text: string): 'ar' | 'fa' | 'ur' | null {
  const urdu = text.match(URDU_ONLY)?.length ?? 0;
  const shared = text.match(PERSIAN_URDU)?.length ?? 0;
  const arabic = text.match(ARABIC_ONLY)?.length ?? 0;
  if (urdu >= 2 && urdu * 4 >= arabic) return 'ur';
  if (shared >= 2 && shared > arabic) return 'fa';
  if (arabic >= 2 && arabic > shared * 2) return 'ar';
  return null;
}

/** The script a language is written in, from CLDR's likely subtags ("fa" → Arab, "ja" → Jpan). */
export function scriptOf(tag: string): Script {
  try {
    const script = new Intl.Locale(tag).maximize().script ?? '';
    if (script === 'Hans' || script === 'Hant') return 'Hani';
    if (script === 'Kore') return 'Hang';
    return (SCRIPTS.some(([s]) => s === script) ? script : 'Other') as Script;
  } catch {
    return 'Other';
  }
}
