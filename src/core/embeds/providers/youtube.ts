// YouTube: watch pages, youtu.be, shorts, live and embed addresses; played from youtube-nocookie.com.
import type { EmbedProvider } from '../types.ts';
import { hostIn, PLAYER_SANDBOX, seconds, segments, VIDEO_ALLOW } from './shared.ts';

const HOSTS = ['youtube.com', 'www.youtube.com', 'm.youtube.com', 'music.youtube.com'];
const NOCOOKIE = ['youtube-nocookie.com', 'www.youtube-nocookie.com'];
const ID = /^[\w-]{11}$/;

function videoId(url: URL): string | null {
  const parts = segments(url);
  if (hostIn(url, ['youtu.be'])) return parts.length === 1 ? (parts[0] ?? null) : null;
  if (hostIn(url, NOCOOKIE)) return parts.length === 2 && parts[0] === 'embed' ? (parts[1] ?? null) : null;
  if (!hostIn(url, HOSTS)) return null;
  if (parts.length === 1 && parts[0] === 'watch') return url.searchParams.get('v');
  if (parts.length === 2 && ['shorts', 'embed', 'live', 'v'].includes(parts[0] ?? ''))
    return parts[1] ?? null;
  return null;
}

export const youtube: EmbedProvider = {
  name: 'youtube',
  label: 'YouTube',
  kind: 'video',
  playerOrigins: ['https://www.youtube-nocookie.com'],
  match(url) {
    const id = videoId(url);
    if (!id || !ID.test(id)) return null;
    const start = seconds(url.searchParams.get('t') ?? url.searchParams.get('start'));
    return {
      id,
      url: `https://www.youtube.com/watch?v=${id}${start ? `&t=${start}s` : ''}`,
      ...(start ? { start } : {}),
    };
  },
  player: (m) =>
    `https://www.youtube-nocookie.com/embed/${m.id}?autoplay=1${m.start ? `&start=${m.start}` : ''}`,
  allow: VIDEO_ALLOW,
  sandbox: `${PLAYER_SANDBOX} allow-presentation`,
};
