// The embed providers Midad knows, and the one function that tells whether an address is one of
// theirs. Anything not recognised here is a plain link: never a frame.
import { dailymotion } from './providers/dailymotion.ts';
import { facebook } from './providers/facebook.ts';
import { googleMaps } from './providers/google-maps.ts';
import { instagram } from './providers/instagram.ts';
import { soundcloud } from './providers/soundcloud.ts';
import { telegram } from './providers/telegram.ts';
import { tiktok } from './providers/tiktok.ts';
import { vimeo } from './providers/vimeo.ts';
import { x } from './providers/x.ts';
import { youtube } from './providers/youtube.ts';
import type { EmbedMatch, EmbedProvider, ProviderName } from './types.ts';

export const PROVIDERS: readonly EmbedProvider[] = [
  youtube,
  vimeo,
  x,
  facebook,
  instagram,
  tiktok,
  telegram,
  soundcloud,
  dailymotion,
  googleMaps,
];

const BY_NAME = new Map<string, EmbedProvider>(PROVIDERS.map((p) => [p.name, p]));

export function embedProvider(name: string): EmbedProvider | null {
  return BY_NAME.get(name) ?? null;
}

/** The longest address considered: a pasted paragraph of text is not an embed. */
const MAX_LENGTH = 2048;

/**
 * The provider, id and canonical address of an embeddable address, or null. Accepts what people
 * paste: a bare "youtu.be/…" means https; http is read as https. Addresses with credentials or a
 * port are refused, and host names must match exactly (youtube.com.evil.example is not YouTube).
 */
export function recognizeEmbed(input: string): EmbedMatch | null {
  const text = input.trim();
  if (text === '' || text.length > MAX_LENGTH || /\s/.test(text)) return null;
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '' || url.port !== '') return null;
  for (const provider of PROVIDERS) {
    const match = provider.match(url);
    if (match) return { provider: provider.name, ...match };
  }
  return null;
}

/** The provider named by a match (always registered: matches only come from the registry). */
export function providerOf(match: Pick<EmbedMatch, 'provider'>): EmbedProvider {
  const provider = BY_NAME.get(match.provider);
  if (!provider) throw new Error(`unregistered embed provider ${match.provider}`);
  return provider;
}

/** Every origin a registered player is served from: the CSP's frame-src, exactly. */
export function playerOrigins(): string[] {
  return [...new Set(PROVIDERS.flatMap((p) => p.playerOrigins))];
}

export type { EmbedMatch, EmbedProvider, ProviderName };
