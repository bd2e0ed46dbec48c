// What an import changes in the site's settings: the name and tagline of a new site come from
// the export's channel (never over ones already chosen), and the languages its posts are
// written in join the site's languages, each served in its interface edition.
import { htmlToText } from '../../core/html-policy.ts';
import type { WxrChannel } from '../../importers/wordpress/types.ts';
import type { Repositories } from '../../db/repositories/contract.ts';
import { loadSiteSettings, type SiteSettings, updateSiteSettings } from '../settings.ts';
import type { ImportLanguages } from './languages.ts';
import type { ReportBuilder } from './report.ts';

type SettingsRepos = Pick<Repositories, 'settings'>;

/** Name and tagline from the channel, for a site whose owner has not set them. */
export async function adoptChannel(repos: SettingsRepos, channel: WxrChannel): Promise<void> {
  const stored = await repos.settings.getAll();
  const patch: Partial<SiteSettings> = {};
  const name = htmlToText(channel.title).slice(0, 120);
  const tagline = htmlToText(channel.description).slice(0, 200);
  if (stored['site.name'] === undefined && name !== '') patch.name = name;
  if (stored['site.tagline'] === undefined && tagline !== '') patch.tagline = tagline;
  if (stored['site.description'] === undefined && tagline !== '') patch.description = tagline;
  if (Object.keys(patch).length > 0) await updateSiteSettings(repos, patch);
}

/** Stores the languages the import added, and serves their interface editions. */
export async function saveLanguages(
  repos: SettingsRepos,
  languages: ImportLanguages,
  report: ReportBuilder,
): Promise<void> {
  if (languages.added.length === 0) return;
  const settings = await loadSiteSettings(repos);
  const editions = new Set(settings.languages);
  for (const l of languages.siteLanguages()) editions.add(l.fallback);
  await updateSiteSettings(repos, {
    contentLanguages: languages.siteLanguages(),
    languages: [...editions],
  });
  report.report.languagesAdded = languages.added.map((l) => ({ ...l }));
}
