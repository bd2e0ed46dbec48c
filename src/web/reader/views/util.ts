// Small helpers shared by the reader views. Pure functions, no I/O.
import type { Lang } from '../../../core/types.ts';
import type { Messages } from '../../../core/i18n.ts';
import { counted } from '../../../core/plural.ts';

export function dirOf(lang: Lang): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/** lang/dir attributes for content whose language differs from the page's, nothing otherwise. */
export function langAttrs(lang: Lang, pageLang: Lang): { lang?: Lang; dir?: 'rtl' | 'ltr' } {
  return lang === pageLang ? {} : { lang, dir: dirOf(lang) };
}

/** "تعليقان", "11 تعليقًا"…: the counted noun follows the language's plural rules. */
export function commentCountLabel(t: Messages, n: number, lang: Lang): string {
  return n === 0 ? t.comments : counted('comments', n, lang);
}

/** Makes a root-relative URL absolute against the site base (for Open Graph). */
export function absoluteUrl(baseUrl: string, href: string): string {
  return href.startsWith('/') && !href.startsWith('//') ? `${baseUrl}${href}` : href;
}
