// Facebook posts and videos (pages' posts and videos, watch, reels, permalinks, fb.watch); shown
// by Facebook's own post and video plugins, which take the original address.
import type { EmbedProvider, ProviderMatch } from '../types.ts';
import { hostIn, PLAYER_SANDBOX, segments, VIDEO_ALLOW } from './shared.ts';

const HOSTS = ['facebook.com', 'www.facebook.com', 'm.facebook.com', 'web.facebook.com'];
const NAME = /^[A-Za-z0-9.\-_]{1,80}$/;
const NUMBER = /^\d{1,25}$/;
const TOKEN = /^[A-Za-z0-9_-]{1,40}$/;

function page(path: string): ProviderMatch {
  return { id: path, url: `https://www.facebook.com/${path}` };
}

function recognise(url: URL): ProviderMatch | null {
  const parts = segments(url);
  if (hostIn(url, ['fb.watch'])) {
    const [code] = parts;
    return parts.length === 1 && code && TOKEN.test(code)
      ? { id: `v:${code}`, url: `https://fb.watch/${code}/` }
      : null;
  }
  if (!hostIn(url, HOSTS)) return null;
  const [a = '', b = '', c = '', d = ''] = parts;
  const query = (key: string) => url.searchParams.get(key) ?? '';
  if (parts.length === 1 && a === 'watch' && NUMBER.test(query('v'))) {
    return { id: `v:${query('v')}`, url: `https://www.facebook.com/watch/?v=${query('v')}` };
  }
  if (parts.length === 2 && a === 'reel' && NUMBER.test(b)) return { ...page(`reel/${b}`), id: `v:${b}` };
  if (parts.length === 3 && a === 'share' && ['p', 'v', 'r'].includes(b) && TOKEN.test(c)) {
    return {
      id: b === 'p' ? `share/p/${c}` : `v:share/${b}/${c}`,
      url: `https://www.facebook.com/share/${b}/${c}/`,
    };
  }
  if (
    parts.length === 1 &&
    a === 'permalink.php' &&
    NUMBER.test(query('story_fbid')) &&
    NUMBER.test(query('id'))
  ) {
    const path = `permalink.php?story_fbid=${query('story_fbid')}&id=${query('id')}`;
    return page(path);
  }
  if (!NAME.test(a) || a.endsWith('.php')) return null;
  if (parts.length === 3 && b === 'posts' && TOKEN.test(c)) return page(`${a}/posts/${c}`);
  if (parts.length === 3 && b === 'videos' && NUMBER.test(c))
    return { ...page(`${a}/videos/${c}`), id: `v:${c}` };
  // /page/videos/a-title/123
  if (parts.length === 4 && b === 'videos' && NUMBER.test(d))
    return { ...page(`${a}/videos/${d}`), id: `v:${d}` };
  return null;
}

export const facebook: EmbedProvider = {
  name: 'facebook',
  label: 'Facebook',
  kind: 'post',
  playerOrigins: ['https://www.facebook.com'],
  match: recognise,
  player(m) {
    const plugin = m.id.startsWith('v:') ? 'video' : 'post';
    return `https://www.facebook.com/plugins/${plugin}.php?href=${encodeURIComponent(m.url)}&show_text=true`;
  },
  allow: VIDEO_ALLOW,
  sandbox: `${PLAYER_SANDBOX} allow-presentation`,
};
