// The languages a story can be translated into: every language the site writes in (its
// editions, and the content languages switched on in the language settings, such as Persian
// published in the French edition). A translation goes to its language's edition; its text
// language is stored only when it is not the edition's own (null = the edition's language).
import { Invalid } from '../../core/errors.ts';
import { editionOfLanguage, type SiteLanguage } from '../../core/languages/choices.ts';
import { baseLanguage } from '../../core/languages/tags.ts';
import type { Edition } from '../../core/types.ts';
import { checkTextLanguage } from '../articles/text-language.ts';
import {
  furtherEditions,
  interfaceOf,
  type SiteSettings,
  servedLanguages,
  siteLanguages,
} from '../settings.ts';

export interface TranslationTarget {
  /** The canonical language tag of the translation's text ("fr", "fa"). */
  tag: string;
  /** The edition it is published in. */
  edition: Edition;
  /** What the draft stores as its text language: null when the tag is the edition's own. */
  textLang: string | null;
}

type LanguageSettings = Pick<SiteSettings, 'contentLanguages' | 'languages' | 'defaultLang'>;

/** The site's languages with the served editions, which are always languages of their own. */
function writable(settings: LanguageSettings): SiteLanguage[] {
  const enabled = siteLanguages(settings);
  const editions = servedLanguages(settings)
    .filter((l) => !enabled.some((e) => e.tag === l))
    .map((l) => ({ tag: l, fallback: interfaceOf(settings, l), edition: true }));
  return [...enabled, ...editions];
}

/** A language with an edition of its own goes there (fa-AF to the "fa" edition); others to their fallback's. */
function targetOf(
  tag: string,
  languages: readonly SiteLanguage[],
  settings: LanguageSettings,
): TranslationTarget {
  const own = furtherEditions(settings).find((e) => e === tag || e === baseLanguage(tag));
  const edition = own ?? editionOfLanguage(tag, languages);
  return { tag, edition, textLang: tag === edition ? null : tag };
}

/** Every language offered by "translate into …", in the order of the language settings. */
export function translationTargets(settings: LanguageSettings): TranslationTarget[] {
  const served = servedLanguages(settings);
  const languages = writable(settings);
  // A language whose edition is switched off has nowhere to be published.
  return languages.map((l) => targetOf(l.tag, languages, settings)).filter((t) => served.includes(t.edition));
}

/**
 * The target a person asked for, as typed: a well-formed tag the site has switched on (itself
 * or its base language) whose edition it publishes. Refusals name the reason in their field:
 * "invalid" (no language tag) or "not enabled".
 */
export function translationTarget(input: string, settings: LanguageSettings): TranslationTarget {
  const languages = writable(settings);
  const check = checkTextLanguage(input, languages);
  if (!check.ok)
    throw new Invalid(check.reason, { lang: check.code === 'invalid_language' ? 'invalid' : 'not enabled' });
  const target = targetOf(check.tag, languages, settings);
  if (!servedLanguages(settings).includes(target.edition))
    throw new Invalid(`The site does not publish the "${target.edition}" edition of ${check.tag}.`, {
      lang: 'not enabled',
    });
  return target;
}
