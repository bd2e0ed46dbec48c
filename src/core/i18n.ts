// Interface text of the reader pages. The words live in one catalogue file per language, in ICU
// MessageFormat (src/locales/reader/*.json; docs/languages.md, "Interface text"), so that a
// translator adds a language without touching code. Arabic is the reference: it has every key,
// and every other file takes the same placeholders. Files are checked and compiled once, when
// this module loads or when a further language is installed; rendering reads ready strings.
import ar from '../locales/reader/ar.json' with { type: 'json' };
import en from '../locales/reader/en.json' with { type: 'json' };
import fr from '../locales/reader/fr.json' with { type: 'json' };
import {
  CatalogueError,
  type CompiledMessage,
  compileCatalogue,
  type Reference,
  referenceOf,
} from './i18n/catalogue.ts';
import { textOf } from './i18n/fill.ts';
import { directionOf as scriptDirection } from './languages/direction.ts';
import { baseLanguage, canonicalLanguage } from './languages/tags.ts';
import { LANGUAGES, type Lang } from './types.ts';

export { CatalogueError };
export { format } from './i18n/fill.ts';

export type MessageKey = keyof typeof ar;
export type Messages = Record<MessageKey, string>;

export const READER_CATALOGUE_DIR = 'src/locales/reader';

const arCompiled = compileCatalogue(ar, 'ar', `${READER_CATALOGUE_DIR}/ar.json`, null);
/** Each key and the placeholders its message takes, as the Arabic catalogue has them. */
export const REFERENCE: Reference = referenceOf(arCompiled);
const KEYS = [...REFERENCE.keys()] as MessageKey[];

const BUILT_IN: Record<Lang, Messages> = {
  ar: assemble(arCompiled),
  fr: assemble(compileCatalogue(fr, 'fr', `${READER_CATALOGUE_DIR}/fr.json`, REFERENCE, true)),
  en: assemble(compileCatalogue(en, 'en', `${READER_CATALOGUE_DIR}/en.json`, REFERENCE, true)),
};

/** Every key, in the reference's order (one object shape for all catalogues), each from `fallback` when missing. */
function assemble(compiled: ReadonlyMap<string, CompiledMessage>, fallback?: Messages): Messages {
  const out: Partial<Messages> = {};
  for (const key of KEYS) {
    const message = compiled.get(key);
    out[key] = message ? textOf(message) : fallback![key];
  }
  return out as Messages;
}

export function messages(lang: Lang): Messages {
  return BUILT_IN[lang];
}

/** An edition's direction, from its script (ar → rtl, fa → rtl, ha → ltr). */
export function directionOf(lang: string): 'rtl' | 'ltr' {
  return scriptDirection(lang);
}

/** A catalogue for a language beyond ar/fr/en: checked, compiled, possibly partial. */
export interface FurtherCatalogue {
  tag: string;
  file: string;
  messages: ReadonlyMap<string, CompiledMessage>;
}

/** Checks a further language's catalogue (the parsed JSON of `file`); throws CatalogueError. */
export function readCatalogue(tag: string, data: unknown, file: string): FurtherCatalogue {
  const canonical = canonicalLanguage(tag);
  if (!canonical)
    throw new CatalogueError(`${file}: "${tag}" (the file's name) is not a known BCP 47 language tag`);
  if (isBuiltIn(canonical)) {
    throw new CatalogueError(
      `${file}: ${canonical} is built in (${READER_CATALOGUE_DIR}/${canonical}.json); name the file after another language`,
    );
  }
  return { tag: canonical, file, messages: compileCatalogue(data, canonical, file, REFERENCE) };
}

/** The keys a catalogue translates and those that fall back, in the reference's order. */
export function coverageOf(catalogue: FurtherCatalogue): { translated: MessageKey[]; missing: MessageKey[] } {
  return {
    translated: KEYS.filter((key) => catalogue.messages.has(key)),
    missing: KEYS.filter((key) => !catalogue.messages.has(key)),
  };
}

const further = new Map<string, FurtherCatalogue>();
const assembled = new Map<string, Messages>();

/** Makes these catalogues the further languages (read once at startup), replacing any before. */
export function installCatalogues(catalogues: readonly FurtherCatalogue[]): void {
  further.clear();
  assembled.clear();
  for (const catalogue of catalogues) further.set(catalogue.tag, catalogue);
}

/**
 * The full interface text for `tag`: its own catalogue (the exact tag, else its language, so
 * fa-AF finds fa.json) where it has a key, `fallback` string by string where it has not.
 * Built-in languages are whole; a language without a catalogue is the fallback's text.
 */
export function messagesFor(tag: string, fallback: Lang): Messages {
  const canonical = canonicalLanguage(tag) ?? tag;
  if (isBuiltIn(canonical)) return BUILT_IN[canonical];
  const catalogue = further.get(canonical) ?? further.get(baseLanguage(canonical));
  if (!catalogue) return BUILT_IN[fallback];
  const id = `${catalogue.tag} ${fallback}`;
  let text = assembled.get(id);
  if (!text) {
    text = assemble(catalogue.messages, BUILT_IN[fallback]);
    assembled.set(id, text);
  }
  return text;
}

function isBuiltIn(tag: string): tag is Lang {
  return (LANGUAGES as readonly string[]).includes(tag);
}
