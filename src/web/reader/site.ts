// The parts of every reader page that do not depend on the page: the site's name, its
// sections menu, the language links and the interface text.
import { sectionName } from '../../core/article-text.ts';
import { directionOf, type Messages } from '../../core/i18n.ts';
import { editionName } from '../../core/languages/tags.ts';
import { type Edition, LANGUAGES, type Lang, type Section } from '../../core/types.ts';
import { type SiteSettings, servedLanguages } from '../../services/settings.ts';
import type { AssetUrls } from '../assets.ts';
import { searchPath } from './search-urls.ts';
import { editionPrefix, homePath, sectionPath } from './urls.ts';
import type { ImageView, SiteView } from './view-models.ts';

export { editionName };

export function buildSiteView(input: {
  lang: Edition;
  /** The interface language the edition's words fall back to (itself for ar/fr/en). */
  ui: Lang;
  t: Messages;
  settings: SiteSettings;
  sections: Section[];
  assets: AssetUrls;
  baseUrl: string;
  /** Per-edition targets for the switcher, e.g. an article's translations; home pages otherwise. */
  alternates?: Partial<Record<Edition, string>>;
  logo?: ImageView | null;
}): SiteView {
  const { lang, ui, settings } = input;
  const editions = servedLanguages(settings);
  // Newsletters are written in ar/fr/en: a further edition's form signs up to its interface
  // language's, or to another published one's; a site publishing none of them has no form.
  const newsletterLanguages = editions.filter((l): l is Lang => (LANGUAGES as readonly string[]).includes(l));
  const newsletterHome = [lang, ui, ...newsletterLanguages].find((l) =>
    newsletterLanguages.includes(l as Lang),
  );
  return {
    name: settings.name,
    tagline: settings.tagline,
    lang,
    ui,
    dir: directionOf(lang),
    baseUrl: input.baseUrl,
    homeHref: homePath(lang),
    nav: input.sections
      .filter((s) => s.parentId === null)
      .map((s) => ({ href: sectionPath(lang, s.slug), label: sectionName(s, lang, ui) })),
    logo: input.logo ?? null,
    languages: editions.map((l) => ({
      lang: l,
      href: input.alternates?.[l] ?? homePath(l),
      label: editionName(l),
      current: l === lang,
    })),
    searchAction: searchPath(lang),
    t: input.t,
    assets: input.assets,
    copyProtection: settings.copyProtection,
    readership: settings.readership,
    year: new Date().getFullYear(),
    ...(newsletterHome === undefined
      ? {}
      : {
          newsletter: {
            action: `${editionPrefix(newsletterHome)}/newsletter/subscribe`,
            languages: newsletterLanguages.map((l) => ({ lang: l, label: editionName(l) })),
            sections: input.sections
              .filter((s) => s.parentId === null)
              .map((s) => ({ id: s.id, label: sectionName(s, lang, ui) })),
          },
        }),
  };
}
