// X (Twitter) posts on x.com or twitter.com; shown by the platform's post frame with dnt=true.
import type { EmbedProvider } from '../types.ts';
import { hostIn, PLAYER_SANDBOX, segments } from './shared.ts';

const HOSTS = ['x.com', 'www.x.com', 'mobile.x.com', 'twitter.com', 'www.twitter.com', 'mobile.twitter.com'];
const USER = /^[A-Za-z0-9_]{1,15}$/;
const POST = /^\d{1,25}$/;

export const x: EmbedProvider = {
  name: 'x',
  label: 'X',
  kind: 'post',
  playerOrigins: ['https://platform.twitter.com'],
  match(url) {
    if (!hostIn(url, HOSTS)) return null;
    const parts = segments(url);
    let user: string | undefined;
    let id: string | undefined;
    if (parts.length >= 3 && (parts[1] === 'status' || parts[1] === 'statuses')) {
      [user, , id] = parts;
      // /user/status/1/photo/1 and /user/status/1/video/1 are the same post.
      if (parts.length > 3 && !(parts.length === 5 && ['photo', 'video'].includes(parts[3] ?? '')))
        return null;
    } else if (parts.length === 4 && parts[0] === 'i' && parts[1] === 'web' && parts[2] === 'status') {
      user = 'i/web';
      id = parts[3];
    } else return null;
    if (!user || !id || !POST.test(id) || (user !== 'i/web' && !USER.test(user))) return null;
    return { id, url: `https://x.com/${user}/status/${id}` };
  },
  player: (m) => `https://platform.twitter.com/embed/Tweet.html?id=${m.id}&dnt=true`,
  allow: '',
  sandbox: PLAYER_SANDBOX,
};
