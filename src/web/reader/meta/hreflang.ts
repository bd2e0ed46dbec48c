// The language versions of a page as hreflang links (HTML heads, sitemaps, feeds): every
// version names all versions including itself, plus x-default for readers of any other
// language, which is the version in the site's default language when there is one.
import { LANGUAGES, type Lang } from '../../../core/types.ts';

export interface LangVersion {
  lang: Lang;
  /** Absolute URL. */
  href: string;
}

export interface HreflangLink {
  hreflang: Lang | 'x-default';
  href: string;
}

export function hreflangLinks(versions: readonly LangVersion[], defaultLang: Lang): HreflangLink[] {
  const byLang = new Map<Lang, string>();
  for (const v of versions) if (!byLang.has(v.lang)) byLang.set(v.lang, v.href);
  // A page alone in its language has no alternates worth announcing.
  if (byLang.size < 2) return [];
  const ordered = LANGUAGES.filter((l) => byLang.has(l));
  const fallback = byLang.get(defaultLang) ?? byLang.get(ordered[0]!)!;
  return [
    ...ordered.map((lang) => ({ hreflang: lang, href: byLang.get(lang)! })),
    { hreflang: 'x-default', href: fallback },
  ];
}
