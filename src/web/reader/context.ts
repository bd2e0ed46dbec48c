// Per-request reader context: settings, sections and the shared page frame for one language.
import { messages } from '../../core/i18n.ts';
import type { Lang, Section } from '../../core/types.ts';
import type { Services } from '../../services/context.ts';
import { loadSiteSettings, type SiteSettings } from '../../services/settings.ts';
import type { AssetUrls } from '../assets.ts';
import type { PresentContext } from './presenters.ts';
import { buildSiteView } from './site.ts';
import type { SiteView } from './view-models.ts';

export interface ReaderDeps {
  services: Services;
  assets: AssetUrls;
}

export interface ReaderContext {
  settings: SiteSettings;
  sections: Section[];
  present: PresentContext;
  site(alternates?: Partial<Record<Lang, string>>): SiteView;
}

export async function readerContext(deps: ReaderDeps, lang: Lang): Promise<ReaderContext> {
  const { repos, config } = deps.services;
  const [settings, sections] = await Promise.all([loadSiteSettings(repos), repos.sections.list()]);
  const baseUrl = config.publicUrl;
  return {
    settings,
    sections,
    present: { lang, t: messages(lang), baseUrl, timezone: settings.timezone },
    site: (alternates) =>
      buildSiteView({ lang, settings, sections, assets: deps.assets, baseUrl, alternates }),
  };
}
