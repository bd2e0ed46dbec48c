// The web app manifest of one reader language: the site's name, its home page as start and
// scope, the language and direction, colours from the stylesheet, and the icons.
import { directionOf } from '../../../core/i18n.ts';
import type { Edition } from '../../../core/types.ts';
import type { SiteSettings } from '../../../services/settings.ts';
import { homePath } from '../urls.ts';
import { iconPath } from './icons.ts';

/** site.css: --ink (the header's top rule) and the light page background. */
export const THEME_COLOR = '#13294b';
export const BACKGROUND_COLOR = '#ffffff';

export function manifestPath(lang: Edition): string {
  return `${homePath(lang)}manifest.webmanifest`;
}

/** A home-screen label has room for about 12 characters: the name, or its first word if it fits. */
export function shortName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 12) return name.trim();
  const first = name.trim().split(/\s+/)[0] ?? '';
  return [...first].length <= 12 ? first : chars.slice(0, 12).join('');
}

export function buildManifest(
  settings: Pick<SiteSettings, 'name' | 'description' | 'tagline'>,
  lang: Edition,
  iconKey: string,
  svgIcon: string,
): Record<string, unknown> {
  const home = homePath(lang);
  return {
    id: home,
    name: settings.name,
    short_name: shortName(settings.name),
    description: settings.description || settings.tagline || undefined,
    lang,
    dir: directionOf(lang),
    start_url: home,
    scope: home,
    display: 'standalone',
    theme_color: THEME_COLOR,
    background_color: BACKGROUND_COLOR,
    icons: [
      { src: iconPath(iconKey, '192'), sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: iconPath(iconKey, '512'), sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: iconPath(iconKey, 'maskable'), sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ...(iconKey === 'mark' ? [{ src: svgIcon, sizes: 'any', type: 'image/svg+xml' }] : []),
    ],
  };
}
