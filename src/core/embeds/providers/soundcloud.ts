// SoundCloud tracks and sets (soundcloud.com/artist/track); the widget takes the address.
import type { EmbedProvider } from '../types.ts';
import { hostIn, PLAYER_SANDBOX, segments } from './shared.ts';

const HOSTS = ['soundcloud.com', 'www.soundcloud.com', 'm.soundcloud.com'];
const NAME = /^[A-Za-z0-9_-]{1,100}$/;
// First path segments that are SoundCloud's own pages, not an artist.
const RESERVED = new Set([
  'discover',
  'search',
  'you',
  'stream',
  'upload',
  'charts',
  'pages',
  'settings',
  'messages',
  'notifications',
  'people',
  'tags',
  'popular',
  'terms-of-use',
  'pro',
  'mobile',
  'imprint',
]);

export const soundcloud: EmbedProvider = {
  name: 'soundcloud',
  label: 'SoundCloud',
  kind: 'audio',
  playerOrigins: ['https://w.soundcloud.com'],
  match(url) {
    if (!hostIn(url, HOSTS)) return null;
    const parts = segments(url);
    const [artist = ''] = parts;
    if (!NAME.test(artist) || RESERVED.has(artist.toLowerCase())) return null;
    const track =
      parts.length === 2 &&
      NAME.test(parts[1] ?? '') &&
      !['sets', 'tracks', 'albums', 'likes', 'reposts', 'followers', 'following', 'popular-tracks'].includes(
        parts[1] ?? '',
      );
    const set = parts.length === 3 && parts[1] === 'sets' && NAME.test(parts[2] ?? '');
    if (!track && !set) return null;
    const id = parts.join('/');
    return { id, url: `https://soundcloud.com/${id}` };
  },
  player: (m) =>
    `https://w.soundcloud.com/player/?url=${encodeURIComponent(m.url)}&auto_play=true&visual=false`,
  allow: 'autoplay',
  sandbox: PLAYER_SANDBOX,
};
