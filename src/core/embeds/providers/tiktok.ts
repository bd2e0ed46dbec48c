// TikTok videos by their numeric id (short vm.tiktok.com links need a request to resolve, so
// they stay links); played by TikTok's iframe player.
import type { EmbedProvider } from '../types.ts';
import { hostIn, PLAYER_SANDBOX, segments, VIDEO_ALLOW } from './shared.ts';

const HOSTS = ['tiktok.com', 'www.tiktok.com', 'm.tiktok.com'];
const ID = /^\d{8,25}$/;
const USER = /^@[A-Za-z0-9._]{1,40}$/;

export const tiktok: EmbedProvider = {
  name: 'tiktok',
  label: 'TikTok',
  kind: 'video',
  playerOrigins: ['https://www.tiktok.com'],
  match(url) {
    if (!hostIn(url, HOSTS)) return null;
    const parts = segments(url);
    let user = '@';
    let id: string | undefined;
    if (parts.length === 3 && USER.test(parts[0] ?? '') && parts[1] === 'video') [user = '@', , id] = parts;
    else if (parts.length === 2 && parts[0] === 'v') id = parts[1]?.replace(/\.html$/, '');
    else if (parts.length === 3 && parts[0] === 'embed' && parts[1] === 'v2') id = parts[2];
    else if (parts.length === 3 && parts[0] === 'player' && parts[1] === 'v1') id = parts[2];
    if (!id || !ID.test(id)) return null;
    return { id, url: `https://www.tiktok.com/${user}/video/${id}` };
  },
  player: (m) => `https://www.tiktok.com/player/v1/${m.id}?autoplay=1&rel=0`,
  allow: VIDEO_ALLOW,
  sandbox: `${PLAYER_SANDBOX} allow-presentation`,
};
