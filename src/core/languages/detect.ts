// Which language a text is written in, checked against the language it is declared in (a
// WordPress site setting, often left at en-US). The script decides first; inside the Arabic
// script the letters tell Arabic, Persian and Urdu apart; inside one script a statistical
// identifier (eld, chosen over franc, franc-min and cld3-asm by measured accuracy on short
// news texts) decides, and only when it is sure. Too little text keeps the declared language.
import { arabicScriptLanguage, dominantScript, type Script, scriptOf } from './scripts.ts';
import { type ContentLanguage, baseLanguage } from './tags.ts';

/** Fewer letters than this: the declared language is kept without a word. */
export const MIN_LETTERS = 20;
/** Inside the declared script, the identifier overrides the declaration only on this much text. */
const MIN_LETTERS_SAME_SCRIPT = 60;
/** Enough to identify a language; more only costs time. */
const SAMPLE_CHARS = 2000;

export type DetectionOutcome = 'kept' | 'too_short' | 'changed';

export interface Detection {
  lang: ContentLanguage;
  outcome: DetectionOutcome;
  /** Why the language changed, for the import report ("Arabic-script text with Persian letters"). */
  why?: string;
}

interface Eld {
  detect(text: string): { language: string; isReliable(): boolean };
  info(): { Languages: Record<number, string> };
}

let eldLoading: Promise<{ eld: Eld; known: Set<string> }> | null = null;

/** The identifier and its 1.6 MB of n-grams are loaded on the first detection only. */
function identifier() {
  eldLoading ??= import('eld/small').then(({ eld }) => {
    const e = eld as unknown as Eld;
    return { eld: e, known: new Set(Object.values(e.info().Languages)) };
  });
  return eldLoading;
}

const ARABIC_SCRIPT_LETTER_TEST = new Set(['ar', 'fa', 'ur']);
const SCRIPT_DEFAULTS: Partial<Record<Script, string>> = { Jpan: 'ja', Hang: 'ko', Hani: 'zh', Hebr: 'he' };

async function identify(text: string, accept: (lang: string) => boolean): Promise<string | null> {
  const { eld } = await identifier();
  const result = eld.detect(text);
  return result.language && result.isReliable() && accept(result.language) ? result.language : null;
}

async function bestGuess(
  text: string,
  script: Script,
  declared: string,
): Promise<{ lang: string; why: string } | null> {
  const declaredBase = baseLanguage(declared);
  if (script === 'Arab') {
    const byLetters = arabicScriptLanguage(text);
    if (byLetters) return { lang: byLetters, why: 'Arabic-script letters' };
    const byModel = await identify(text, (l) => scriptOf(l) === 'Arab');
    return byModel ? { lang: byModel, why: 'Arabic script' } : { lang: 'ar', why: 'Arabic script' };
  }
  if (script === 'Jpan') return { lang: 'ja', why: 'kana' };
  const byModel = await identify(text, (l) => scriptOf(l) === script);
  if (byModel) return { lang: byModel, why: `${script} script` };
  const fallback = SCRIPT_DEFAULTS[script];
  return fallback && fallback !== declaredBase ? { lang: fallback, why: `${script} script` } : null;
}

/** The language `text` is written in, given that it is declared to be `declared`. */
export async function detectLanguage(text: string, declared: ContentLanguage): Promise<Detection> {
  const sample = text.replace(/https?:\/\/\S+/g, ' ').slice(0, SAMPLE_CHARS);
  const { script, total } = dominantScript(sample);
  if (total < MIN_LETTERS || script === 'Other') return { lang: declared, outcome: 'too_short' };
  const declaredBase = baseLanguage(declared);
  const declaredScript = scriptOf(declared);
  const changed = (lang: string, why: string): Detection =>
    lang === declaredBase ? { lang: declared, outcome: 'kept' } : { lang, outcome: 'changed', why };

  if (script !== declaredScript) {
    const guess = await bestGuess(sample, script, declared);
    return guess ? changed(guess.lang, guess.why) : { lang: declared, outcome: 'kept' };
  }
  if (script === 'Arab') {
    // Pashto, Sorani, Sindhi… share letters with Persian: a declared one of them is trusted.
    if (!ARABIC_SCRIPT_LETTER_TEST.has(declaredBase)) return { lang: declared, outcome: 'kept' };
    const byLetters = arabicScriptLanguage(sample);
    return byLetters ? changed(byLetters, 'Arabic-script letters') : { lang: declared, outcome: 'kept' };
  }
  // Same script: only a confident identifier, on enough text, overrides a language it knows.
  const { known } = await identifier();
  if (total < MIN_LETTERS_SAME_SCRIPT || !known.has(declaredBase)) return { lang: declared, outcome: 'kept' };
  const byModel = await identify(sample, (l) => scriptOf(l) === script);
  return byModel ? changed(byModel, 'language identifier') : { lang: declared, outcome: 'kept' };
}
