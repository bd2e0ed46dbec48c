// The language versions of a page as hreflang links (HTML heads, sitemaps, feeds): every
// version names all versions including itself, plus x-default for readers of any other
// language, which is the version in the site's default language when there is one.
import { LANGUAGES, type Edition } from '../../../core/types.ts';

export interface LangVersion {
  lang: Edition;
  /** The language the version's text is written in, when more precise than its edition ("fa"). */
  tag?: string;
  /** Absolute URL. */
  href: string;
}

export interface HreflangLink {
  hreflang: string;
  href: string;
}

export function hreflangLinks(versions: readonly LangVersion[], defaultLang: Edition): HreflangLink[] {
  const byLang = new Map<Edition, string>();
  const tags = new Map<Edition, string>();
  for (const v of versions) {
    if (byLang.has(v.lang)) continue;
    byLang.set(v.lang, v.href);
    tags.set(v.lang, v.tag ?? v.lang);
  }
  // A page alone in its language has no alternates worth announcing.
  if (byLang.size < 2) return [];
  const ordered = LANGUAGES.filter((l) => byLang.has(l));
  const fallback = byLang.get(defaultLang) ?? byLang.get(ordered[0]!)!;
  return [
    ...ordered.map((lang) => ({ hreflang: tags.get(lang) ?? lang, href: byLang.get(lang)! })),
    { hreflang: 'x-default', href: fallback },
  ];
}
