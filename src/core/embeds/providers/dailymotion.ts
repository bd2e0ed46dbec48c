// Dailymotion videos (dailymotion.com/video/x…, dai.ly/x…); played by the geo.dailymotion.com player.
import type { EmbedProvider } from '../types.ts';
import { hostIn, PLAYER_SANDBOX, seconds, segments, VIDEO_ALLOW } from './shared.ts';

const HOSTS = ['dailymotion.com', 'www.dailymotion.com'];
const ID = /^x[0-9a-z]{4,12}$/i;

export const dailymotion: EmbedProvider = {
  name: 'dailymotion',
  label: 'Dailymotion',
  kind: 'video',
  playerOrigins: ['https://geo.dailymotion.com'],
  match(url) {
    const parts = segments(url);
    let id: string | undefined;
    if (hostIn(url, ['dai.ly']) && parts.length === 1) id = parts[0];
    else if (hostIn(url, HOSTS) && parts.length === 2 && parts[0] === 'video') id = parts[1]?.split('_')[0];
    else if (hostIn(url, HOSTS) && parts.length === 3 && parts[0] === 'embed' && parts[1] === 'video')
      id = parts[2];
    else if (hostIn(url, ['geo.dailymotion.com']) && parts[0] === 'player.html')
      id = url.searchParams.get('video') ?? '';
    if (!id || !ID.test(id)) return null;
    const start = seconds(url.searchParams.get('start'));
    return {
      id,
      url: `https://www.dailymotion.com/video/${id}${start ? `?start=${start}` : ''}`,
      ...(start ? { start } : {}),
    };
  },
  player: (m) =>
    `https://geo.dailymotion.com/player.html?video=${m.id}&autoplay=1${m.start ? `&startTime=${m.start}` : ''}`,
  allow: VIDEO_ALLOW,
  sandbox: `${PLAYER_SANDBOX} allow-presentation`,
};
