// Small helpers shared by the reader views. Pure functions, no I/O.
import type { Messages } from '../../../core/i18n.ts';
import { directionOf } from '../../../core/languages/direction.ts';
import { counted } from '../../../core/plural.ts';

/** The direction of a language (an interface Lang or any content language tag), from its script. */
export function dirOf(lang: string): 'rtl' | 'ltr' {
  return directionOf(lang);
}

/**
 * lang/dir attributes for content whose language differs from the page's, nothing otherwise.
 * Text in another language is written with its own direction, so a Persian title on a French
 * page is laid out right to left and isolated from the text around it.
 */
export function langAttrs<L extends string>(lang: L, pageLang: string): { lang?: L; dir?: 'rtl' | 'ltr' } {
  return lang === pageLang ? {} : { lang, dir: dirOf(lang) };
}

/** "تعليقان", "11 تعليقًا"…: the counted noun follows the language's plural rules. */
export function commentCountLabel(t: Messages, n: number): string {
  return n === 0 ? t.comments : counted('comments', n, t);
}

/** Makes a root-relative URL absolute against the site base (for Open Graph). */
export function absoluteUrl(baseUrl: string, href: string): string {
  return href.startsWith('/') && !href.startsWith('//') ? `${baseUrl}${href}` : href;
}

const separators = new Map<string, string>();

/**
 * The separator between two items of a meta line ("Author · date"). A middle dot beside Persian
 * or Urdu digits reads as their zero ("۱۴ ·" looks like ۱۴۰), so languages written with
 * Arabic-Indic digits take the Arabic comma instead.
 */
export function metaSeparator(lang: string): string {
  let sep = separators.get(lang);
  if (sep === undefined) {
    let system = 'latn';
    try {
      system = new Intl.NumberFormat(lang === 'ar' ? 'ar-u-nu-latn' : lang).resolvedOptions().numberingSystem;
    } catch {
      // A tag Intl cannot read keeps the dot.
    }
    sep = system === 'latn' ? ' · ' : '، ';
    if (separators.size < 200) separators.set(lang, sep);
  }
  return sep;
}
