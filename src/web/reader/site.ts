// The parts of every reader page that do not depend on the page: the site's name, its
// sections menu, the language links and the interface text.
import { directionOf, messages } from '../../core/i18n.ts';
import type { Lang, Section } from '../../core/types.ts';
import { type SiteSettings, servedLanguages } from '../../services/settings.ts';
import type { AssetUrls } from '../assets.ts';
import { sectionName } from './presenters.ts';
import { searchPath } from './search-urls.ts';
import { homePath, LANG_PREFIX, sectionPath } from './urls.ts';
import type { ImageView, SiteView } from './view-models.ts';

const LANGUAGE_NAMES: Record<Lang, string> = { ar: 'العربية', fr: 'Français', en: 'English' };

export function buildSiteView(input: {
  lang: Lang;
  settings: SiteSettings;
  sections: Section[];
  assets: AssetUrls;
  baseUrl: string;
  /** Per-language targets for the switcher, e.g. an article's translations; home pages otherwise. */
  alternates?: Partial<Record<Lang, string>>;
  logo?: ImageView | null;
}): SiteView {
  const { lang, settings } = input;
  return {
    name: settings.name,
    tagline: settings.tagline,
    lang,
    dir: directionOf(lang),
    baseUrl: input.baseUrl,
    homeHref: homePath(lang),
    nav: input.sections
      .filter((s) => s.parentId === null)
      .map((s) => ({ href: sectionPath(lang, s.slug), label: sectionName(s, lang) })),
    logo: input.logo ?? null,
    languages: servedLanguages(settings).map((l) => ({
      lang: l,
      href: input.alternates?.[l] ?? homePath(l),
      label: LANGUAGE_NAMES[l],
      current: l === lang,
    })),
    searchAction: searchPath(lang),
    t: messages(lang),
    assets: input.assets,
    copyProtection: settings.copyProtection,
    readership: settings.readership,
    year: new Date().getFullYear(),
    newsletter: {
      action: `${LANG_PREFIX[lang]}/newsletter/subscribe`,
      languages: servedLanguages(settings).map((l) => ({ lang: l, label: LANGUAGE_NAMES[l] })),
      sections: input.sections
        .filter((s) => s.parentId === null)
        .map((s) => ({ id: s.id, label: sectionName(s, lang) })),
    },
  };
}
