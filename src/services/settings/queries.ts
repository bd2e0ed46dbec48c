// What the newsroom's settings page shows: the stored settings and the logo's media item.
import type { Media } from '../../core/types.ts';
import type { Services } from '../context.ts';
import { loadSiteSettings, type SiteSettings } from '../settings.ts';

export interface SettingsPageData {
  settings: SiteSettings;
  logo: Media | null;
}

export async function settingsPageData(services: Pick<Services, 'repos'>): Promise<SettingsPageData> {
  const settings = await loadSiteSettings(services.repos);
  const logo = settings.logoMediaId === null ? null : await services.repos.media.byId(settings.logoMediaId);
  return { settings, logo };
}
