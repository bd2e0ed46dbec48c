// The language a text is written in: any BCP 47 tag that Intl (CLDR) knows, canonicalised.
// This is not the interface language (core/types.ts `Lang`, the three catalogues the pages
// are written in): a Persian article has the content language "fa" and is shown inside pages
// whose interface falls back to one of ar/fr/en.

/** A canonical BCP 47 tag ("fa", "ff-Adlm", "en-US") of a language Intl knows. */
export type ContentLanguage = string;

export type TagCheck = { ok: true; tag: ContentLanguage } | { ok: false; reason: string };

const NAMES = new Intl.DisplayNames('en', { type: 'language', fallback: 'none' });
const SHAPE = /^[A-Za-z0-9-]{2,35}$/;

/**
 * Checks and canonicalises a language tag. Refused: a malformed tag, and one whose language
 * CLDR knows neither by name nor by its likely script (e.g. "zz", or the collective "son":
 * its direction could not be known).
 */
export function checkLanguageTag(input: string): TagCheck {
  return remembered(checks, input, checkUncached);
}

// Pages ask about the same few tags on every request (the edition, the text's language): each
// answer needs Intl.Locale and DisplayNames objects, so answers are kept, up to a bound.
const checks = new Map<string, TagCheck>();
const bases = new Map<string, string>();
const names = new Map<string, string>();
const editionNames = new Map<string, string>();
const REMEMBERED = 2000;

function remembered<T>(cache: Map<string, T>, key: string, compute: (key: string) => T): T {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = compute(key);
  if (cache.size < REMEMBERED) cache.set(key, value);
  return value;
}

function checkUncached(input: string): TagCheck {
  const raw = input.trim().replaceAll('_', '-');
  if (!SHAPE.test(raw))
    return { ok: false, reason: `"${input}" is not a BCP 47 language tag (e.g. fa, ur, ha-Latn).` };
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(raw);
  } catch {
    return { ok: false, reason: `"${input}" is not a well-formed BCP 47 language tag.` };
  }
  const tag = locale.toString();
  const known = NAMES.of(locale.language) !== undefined || locale.maximize().script !== undefined;
  if (!known)
    return {
      ok: false,
      reason: `"${input}": the language "${locale.language}" is unknown to CLDR, so its script and direction are unknown.`,
    };
  return { ok: true, tag };
}

/** The canonical tag, or null when `checkLanguageTag` refuses it. */
export function canonicalLanguage(input: string): ContentLanguage | null {
  const check = checkLanguageTag(input);
  return check.ok ? check.tag : null;
}

/** The primary language subtag ("fa" of "fa-AF"): what detection and analyzers work with. */
export function baseLanguage(tag: ContentLanguage): string {
  return remembered(bases, tag, baseUncached);
}

function baseUncached(tag: ContentLanguage): string {
  try {
    return new Intl.Locale(tag).language;
  } catch {
    return tag.split('-')[0]?.toLowerCase() ?? tag;
  }
}

/** The language's name written in itself ("فارسی", "Hausa"), or the tag when CLDR has none. */
export function nativeName(tag: ContentLanguage): string {
  return remembered(names, tag, nativeUncached);
}

function nativeUncached(tag: ContentLanguage): string {
  try {
    return new Intl.DisplayNames(tag, { type: 'language', fallback: 'code' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** An edition named in its own language ("العربية", "Français", "فارسی"), capitalised for a menu. */
export function editionName(tag: ContentLanguage): string {
  return remembered(editionNames, tag, editionNameUncached);
}

function editionNameUncached(tag: ContentLanguage): string {
  const name = nativeName(tag);
  // CLDR writes some names lower case ("français", "bamanakan"): a menu entry starts with a capital.
  try {
    return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
  } catch {
    return name;
  }
}
