// The Telegram channel of each language: a bot token and the channel it posts to, kept in the
// settings table. The token is a secret: it is read here for sending and for the test call,
// and everything shown in the newsroom says only whether one is set.
import { type Lang, LANGUAGES } from '../../core/types.ts';
import type { Repositories } from '../../db/repositories/contract.ts';

export interface TelegramChannel {
  token: string;
  chatId: string;
}

/** What the newsroom may see of a channel: never the token. */
export interface TelegramChannelView {
  lang: Lang;
  chatId: string;
  tokenSet: boolean;
}

export const tokenKey = (lang: Lang) => `telegram.${lang}.token`;
export const chatKey = (lang: Lang) => `telegram.${lang}.chat`;

/** The configured channels (token and channel both set), by language. */
export async function telegramChannels(
  repos: Pick<Repositories, 'settings'>,
): Promise<Partial<Record<Lang, TelegramChannel>>> {
  const all = await repos.settings.getAll();
  const out: Partial<Record<Lang, TelegramChannel>> = {};
  for (const lang of LANGUAGES) {
    const token = all[tokenKey(lang)];
    const chatId = all[chatKey(lang)];
    if (typeof token === 'string' && token !== '' && typeof chatId === 'string' && chatId !== '') {
      out[lang] = { token, chatId };
    }
  }
  return out;
}

export async function telegramChannelViews(
  repos: Pick<Repositories, 'settings'>,
): Promise<TelegramChannelView[]> {
  const all = await repos.settings.getAll();
  return LANGUAGES.map((lang) => {
    const token = all[tokenKey(lang)];
    const chatId = all[chatKey(lang)];
    return {
      lang,
      chatId: typeof chatId === 'string' ? chatId : '',
      tokenSet: typeof token === 'string' && token !== '',
    };
  });
}
