// Sends one queued channel post: with the featured image (sendPhoto) when the site's public
// address is one Telegram's servers can fetch the image from, otherwise as a message whose
// link shows its preview. A refused photo falls back to the message, so a post never waits on
// an image.
import { isIP } from 'node:net';
import type { Repositories } from '../../db/repositories/contract.ts';
import { escapeHtml } from '../mail/compose.ts';
import { type BotApiAnswer, callBotApi } from './bot-api.ts';
import type { ChannelPostPayload } from './channel-posts.ts';
import { telegramChannels } from './channels.ts';

export interface PostResult {
  ok: boolean;
  error: string;
  /** Retrying cannot help until someone changes something (token, channel, rights). */
  permanent: boolean;
  /** The id Telegram gave the sent message. */
  messageId?: number;
}

/** Telegram fetches a photo by URL from the internet: a local or private address cannot work. */
export function publiclyReachable(publicUrl: string): boolean {
  let host: string;
  try {
    host = new URL(publicUrl).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  if (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.endsWith('.local') ||
    host.endsWith('.internal')
  ) {
    return false;
  }
  if (isIP(host) === 4) {
    const [a = 0, b = 0] = host.split('.').map(Number);
    return !(
      a === 10 ||
      a === 127 ||
      a === 0 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (isIP(host) === 6) return !(host === '::1' || /^f[cd]/i.test(host) || /^fe80/i.test(host));
  return host.includes('.');
}

export function postText(p: Pick<ChannelPostPayload, 'title' | 'dek'>, link: string): string {
  const parts = [`<b>${escapeHtml(p.title)}</b>`];
  if (p.dek.trim() !== '') parts.push(escapeHtml(p.dek.trim()));
  parts.push(escapeHtml(link));
  return parts.join('\n\n');
}

/** A caption is limited to 1024 characters: the dek is shortened first, the link never. */
function caption(p: ChannelPostPayload, link: string): string {
  let text = postText(p, link);
  let dek = p.dek.trim();
  // Escaping can lengthen the dek, so shorten until it fits rather than compute it once.
  while (text.length > 1024 && dek.length > 0) {
    dek = dek.slice(0, Math.max(0, dek.length - (text.length - 1024) - 1)).trimEnd();
    text = postText({ title: p.title, dek: dek ? `${dek}…` : '' }, link);
  }
  return text.length > 1024 ? postText({ title: `${p.title.slice(0, 300)}…`, dek: '' }, link) : text;
}

export async function sendChannelPost(
  repos: Pick<Repositories, 'settings'>,
  config: { publicUrl: string; telegramApiUrl: string },
  payload: ChannelPostPayload,
): Promise<PostResult> {
  const channel = (await telegramChannels(repos))[payload.lang];
  if (!channel) {
    return {
      ok: false,
      error: 'The Telegram channel of this language was removed in the settings.',
      permanent: true,
    };
  }
  const link = config.publicUrl + payload.path;
  let answer: BotApiAnswer | null = null;
  if (payload.imagePath && publiclyReachable(config.publicUrl)) {
    answer = await callBotApi(config.telegramApiUrl, channel.token, 'sendPhoto', {
      chat_id: payload.chatId,
      photo: config.publicUrl + payload.imagePath,
      caption: caption(payload, link),
      parse_mode: 'HTML',
    });
    // Telegram could not fetch or take the image: the words and the link still go out.
    if (!answer.ok && answer.status === 400) answer = null;
  }
  answer ??= await callBotApi(config.telegramApiUrl, channel.token, 'sendMessage', {
    chat_id: payload.chatId,
    text: postText(payload, link),
    parse_mode: 'HTML',
  });
  if (answer.ok) {
    const id = (answer.result as { message_id?: unknown } | undefined)?.message_id;
    return { ok: true, error: '', permanent: false, ...(typeof id === 'number' ? { messageId: id } : {}) };
  }
  const status = answer.status;
  const error = status === null ? answer.description : `${status}: ${answer.description}`;
  // 429 (too many requests) and 5xx pass; a refused token, chat or message does not.
  const permanent = status !== null && status >= 400 && status < 500 && status !== 429;
  return { ok: false, error, permanent };
}
