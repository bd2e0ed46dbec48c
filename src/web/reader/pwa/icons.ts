// The web app's home-screen icons: PNGs made with sharp from the site's logo, or from the
// default mark when the site has none. Each is made once per process and kept; the logo's media
// id is part of the name, so a new logo gets new addresses.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Media } from '../../../core/types.ts';
import { SOURCE_DIR } from '../../../paths.ts';

export const ICON_VARIANTS = ['192', '512', 'maskable'] as const;
export type IconVariant = (typeof ICON_VARIANTS)[number];

/** The background of the maskable icon: the mark's own navy, or white behind a logo. */
const MARK_BACKGROUND = '#14213d';
const LOGO_BACKGROUND = '#ffffff';
const MARK_FILE = path.join(SOURCE_DIR, 'web', 'assets', 'icon.svg');

/** "mark" or "logo-<media id>": the name under which the icons of the current picture are served. */
export function iconKey(logo: Pick<Media, 'id'> | null): string {
  return logo ? `logo-${logo.id}` : 'mark';
}

export function iconPath(key: string, variant: IconVariant): string {
  return `/icons/${key}-${variant}.png`;
}

const made = new Map<string, Promise<Buffer>>();

/**
 * The PNG of one icon. A maskable icon keeps its picture inside the middle 56%, the largest
 * square within the circle every launcher leaves uncut.
 */
export function iconPng(
  key: string,
  variant: IconVariant,
  source: { logo: Media | null; mediaRoot: string },
): Promise<Buffer> {
  const cacheKey = `${key}:${variant}`;
  let png = made.get(cacheKey);
  if (!png) {
    png = render(variant, source).catch((err: unknown) => {
      made.delete(cacheKey);
      throw err;
    });
    made.set(cacheKey, png);
  }
  return png;
}

async function render(
  variant: IconVariant,
  source: { logo: Media | null; mediaRoot: string },
): Promise<Buffer> {
  const input = source.logo
    ? await fs.readFile(path.join(source.mediaRoot, source.logo.path))
    : await fs.readFile(MARK_FILE);
  const background = source.logo ? LOGO_BACKGROUND : MARK_BACKGROUND;
  const size = variant === '192' ? 192 : 512;
  const inner = variant === 'maskable' ? Math.round(size * 0.56) : size;
  // SVG is drawn at the icon's size rather than scaled up from its 64 px viewBox.
  // Loaded when an icon is first drawn (then kept): serving pages does not need libvips.
  const { default: sharp } = await import('sharp');
  const picture = await sharp(input, { density: source.logo ? 72 : Math.ceil((72 * inner) / 64) })
    .resize(inner, inner, { fit: 'contain', background: source.logo ? LOGO_BACKGROUND : '#00000000' })
    .png()
    .toBuffer();
  if (variant !== 'maskable') return picture;
  return sharp({ create: { width: size, height: size, channels: 4, background } })
    .composite([{ input: picture, gravity: 'center' }])
    .png()
    .toBuffer();
}
