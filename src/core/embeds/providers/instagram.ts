// Instagram posts, reels and IGTV videos; shown by the post's own /embed/ page.
import type { EmbedProvider } from '../types.ts';
import { hostIn, PLAYER_SANDBOX, segments } from './shared.ts';

const HOSTS = ['instagram.com', 'www.instagram.com', 'instagr.am', 'www.instagr.am'];
const CODE = /^[A-Za-z0-9_-]{5,40}$/;
const USER = /^[A-Za-z0-9._]{1,30}$/;
const KINDS = ['p', 'reel', 'tv'];

export const instagram: EmbedProvider = {
  name: 'instagram',
  label: 'Instagram',
  kind: 'post',
  playerOrigins: ['https://www.instagram.com'],
  match(url) {
    if (!hostIn(url, HOSTS)) return null;
    let parts = segments(url);
    // /username/p/CODE is the same post as /p/CODE; a trailing /embed is the frame of it.
    if (parts.length >= 3 && USER.test(parts[0] ?? '') && KINDS.includes(parts[1] ?? ''))
      parts = parts.slice(1);
    if (parts.at(-1) === 'embed' || parts.at(-1) === 'captioned') parts = parts.slice(0, -1);
    if (parts.at(-1) === 'embed') parts = parts.slice(0, -1);
    const [kind = '', code = ''] = parts;
    if (parts.length !== 2 || !KINDS.includes(kind) || !CODE.test(code)) return null;
    return { id: code, url: `https://www.instagram.com/${kind}/${code}/` };
  },
  player: (m) => `${m.url}embed/`,
  allow: '',
  sandbox: PLAYER_SANDBOX,
};
