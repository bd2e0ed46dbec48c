// Small helpers shared by the reader views. Pure functions, no I/O.
import type { Lang } from '../../../core/types.ts';
import { format, type Messages } from '../../../core/i18n.ts';

export function dirOf(lang: Lang): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/** lang/dir attributes for content whose language differs from the page's, nothing otherwise. */
export function langAttrs(lang: Lang, pageLang: Lang): { lang?: Lang; dir?: 'rtl' | 'ltr' } {
  return lang === pageLang ? {} : { lang, dir: dirOf(lang) };
}

export function commentCountLabel(t: Messages, n: number): string {
  if (n === 0) return t.comments;
  return n === 1 ? t.commentCountOne : format(t.commentCount, { n });
}

/** Makes a root-relative URL absolute against the site base (for Open Graph). */
export function absoluteUrl(baseUrl: string, href: string): string {
  return href.startsWith('/') && !href.startsWith('//') ? `${baseUrl}${href}` : href;
}
