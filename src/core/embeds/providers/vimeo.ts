// Vimeo: video pages (with an unlisted video's hash) and player addresses; played with dnt=1.
import type { EmbedProvider } from '../types.ts';
import { hostIn, PLAYER_SANDBOX, seconds, segments, VIDEO_ALLOW } from './shared.ts';

const NUMBER = /^\d{1,12}$/;
const HASH = /^[0-9a-f]{6,20}$/i;

export const vimeo: EmbedProvider = {
  name: 'vimeo',
  label: 'Vimeo',
  kind: 'video',
  playerOrigins: ['https://player.vimeo.com'],
  match(url) {
    const parts = segments(url);
    let id: string | undefined;
    let hash: string | null = null;
    if (hostIn(url, ['player.vimeo.com'])) {
      if (parts.length !== 2 || parts[0] !== 'video') return null;
      id = parts[1];
      hash = url.searchParams.get('h');
    } else if (hostIn(url, ['vimeo.com', 'www.vimeo.com'])) {
      // /123, /123/abcdef (unlisted), /channels/name/123, /groups/name/videos/123
      const at = parts.findIndex((p) => NUMBER.test(p));
      if (at < 0) return null;
      const before = parts.slice(0, at);
      const known =
        before.length === 0 ||
        (before.length === 2 && before[0] === 'channels') ||
        (before.length === 3 && before[0] === 'groups' && before[2] === 'videos');
      if (!known || parts.length > at + 2) return null;
      id = parts[at];
      hash = parts[at + 1] ?? null;
    }
    if (!id || !NUMBER.test(id)) return null;
    if (hash !== null && !HASH.test(hash)) return null;
    const start = seconds((url.hash.match(/^#t=(.+)$/) ?? [])[1] ?? null);
    return {
      id: hash ? `${id}/${hash}` : id,
      url: `https://vimeo.com/${id}${hash ? `/${hash}` : ''}${start ? `#t=${start}s` : ''}`,
      ...(start ? { start } : {}),
    };
  },
  player(m) {
    const [id, hash] = m.id.split('/');
    const t = m.start ? `#t=${m.start}s` : '';
    return `https://player.vimeo.com/video/${id}?dnt=1&autoplay=1${hash ? `&h=${hash}` : ''}${t}`;
  },
  allow: VIDEO_ALLOW,
  sandbox: `${PLAYER_SANDBOX} allow-presentation`,
};
