// Posts of public Telegram channels (t.me/channel/123); private chats (t.me/c/…) stay links.
import type { EmbedProvider } from '../types.ts';
import { hostIn, PLAYER_SANDBOX, segments } from './shared.ts';

const HOSTS = ['t.me', 'telegram.me', 'www.telegram.me'];
// Public usernames: 5–32 characters, a letter first.
const CHANNEL = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;
const POST = /^\d{1,10}$/;

export const telegram: EmbedProvider = {
  name: 'telegram',
  label: 'Telegram',
  kind: 'post',
  playerOrigins: ['https://t.me'],
  match(url) {
    if (!hostIn(url, HOSTS)) return null;
    let parts = segments(url);
    if (parts[0] === 's') parts = parts.slice(1);
    const [channel = '', post = ''] = parts;
    if (parts.length !== 2 || !CHANNEL.test(channel) || !POST.test(post)) return null;
    return { id: `${channel}/${post}`, url: `https://t.me/${channel}/${post}` };
  },
  player: (m) => `${m.url}?embed=1`,
  allow: '',
  sandbox: PLAYER_SANDBOX,
};
