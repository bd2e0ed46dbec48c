// The languages a site may write in, as settings keep them: a tag and the interface language
// (one of the catalogues ar/fr/en) its pages fall back to. Arabic comes first by default.
import { LANGUAGES, type Lang } from '../types.ts';
import { type ContentLanguage, baseLanguage } from './tags.ts';

export interface SiteLanguage {
  tag: ContentLanguage;
  /** The interface language of pages showing text in this language. */
  fallback: Lang;
  /**
   * Whether the language has an edition of its own (URL prefix, dates, direction; interface
   * text from its catalogue, `fallback` for what it lacks). Without, its articles go to the
   * `fallback` edition. ar/fr/en are editions by the site's `languages` setting instead.
   */
  edition?: boolean;
}

/**
 * Offered in the settings with one click; any other valid tag can be typed. The interface
 * fallback is the one most readers of that language also read (French across the Sahel).
 */
export const READY_LANGUAGES: readonly SiteLanguage[] = [
  { tag: 'ar', fallback: 'ar' },
  { tag: 'fa', fallback: 'en' },
  { tag: 'ur', fallback: 'en' },
  { tag: 'ha', fallback: 'fr' },
  { tag: 'bm', fallback: 'fr' },
  { tag: 'tmh', fallback: 'fr' },
  { tag: 'ff', fallback: 'fr' },
  // Koyraboro Senni, the Songhay of Gao and Timbuktu ("son" names the family and has no script in CLDR).
  { tag: 'ses', fallback: 'fr' },
  { tag: 'fr', fallback: 'fr' },
  { tag: 'en', fallback: 'en' },
];

export function isInterfaceLang(value: string): value is Lang {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** The interface fallback a new language gets unless the admin picks one. */
export function suggestedFallback(tag: ContentLanguage): Lang {
  const base = baseLanguage(tag);
  if (isInterfaceLang(base)) return base;
  return READY_LANGUAGES.find((l) => l.tag === base)?.fallback ?? 'en';
}

/** The interface language for text in `tag` on this site. */
export function interfaceLangOf(tag: ContentLanguage, enabled: readonly SiteLanguage[]): Lang {
  const exact = enabled.find((l) => l.tag === tag) ?? enabled.find((l) => l.tag === baseLanguage(tag));
  return exact?.fallback ?? suggestedFallback(tag);
}

/**
 * The edition text in `tag` is published in on this site: the language's own edition when it has
 * one (Persian at /fa), else its interface fallback's.
 */
export function editionOfLanguage(tag: ContentLanguage, enabled: readonly SiteLanguage[]): string {
  const exact = enabled.find((l) => l.tag === tag) ?? enabled.find((l) => l.tag === baseLanguage(tag));
  if (exact?.edition && !isInterfaceLang(exact.tag)) return exact.tag;
  return interfaceLangOf(tag, enabled);
}
