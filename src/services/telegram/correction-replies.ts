// A correction of an article that was posted to a Telegram channel is told to that channel as a
// reply to the post ("تصحيح: …"), so readers who saw the post see the correction under it. The
// reply is queued in the correction's transaction; when it is sent, it looks up the id Telegram
// gave the original post (kept on the post's outbox row once sent). A post still waiting makes
// the reply wait too; a post that was never sent leaves nothing to reply to.
import { z } from 'zod';
import { CORRECTION_TEXT, type Correction } from '../../core/corrections.ts';
import { type Article, LANGUAGES, type Lang } from '../../core/types.ts';
import type { Repositories } from '../../db/repositories/contract.ts';
import { escapeHtml } from '../mail/compose.ts';
import { type BotApiAnswer, callBotApi } from './bot-api.ts';
import { channelPostKey } from './channel-posts.ts';
import { telegramChannels } from './channels.ts';
import type { PostResult } from './send-post.ts';

export const CorrectionReplyPayload = z.object({
  kind: z.literal('correction-reply'),
  lang: z.enum(LANGUAGES),
  chatId: z.string(),
  articleId: z.number(),
  correctionId: z.number(),
  /** The outbox key of the post this answers. */
  replyTo: z.string(),
  text: z.string(),
});
export type CorrectionReplyPayload = z.infer<typeof CorrectionReplyPayload>;

/** Queues the reply if the article's post to its language's channel was queued or sent. */
export async function queueCorrectionReply(
  trx: Pick<Repositories, 'settings' | 'outbox'>,
  article: Article,
  correction: Correction,
): Promise<boolean> {
  if (correction.kind !== 'correction') return false;
  // Channels are set per ar/fr/en edition; a further edition's articles have none.
  const channel = (await telegramChannels(trx))[article.lang as Lang];
  if (!channel) return false;
  const replyTo = channelPostKey(channel.chatId, article.id);
  const post = await trx.outbox.byDedupKey(replyTo);
  if (!post || post.status === 'failed') return false;
  const payload: CorrectionReplyPayload = {
    kind: 'correction-reply',
    lang: article.lang as Lang,
    chatId: channel.chatId,
    articleId: article.id,
    correctionId: correction.id,
    replyTo,
    text: `${CORRECTION_TEXT[article.lang as Lang].correction}: ${correction.body}`,
  };
  const queued = await trx.outbox.enqueue({
    channel: 'telegram',
    dedupKey: `telegram:${channel.chatId}:correction:${correction.id}`,
    summary: `${channel.chatId} — ${payload.text.slice(0, 80)}`,
    payload: { ...payload },
  });
  return queued !== null;
}

export async function sendCorrectionReply(
  repos: Pick<Repositories, 'settings' | 'outbox'>,
  config: { telegramApiUrl: string },
  payload: CorrectionReplyPayload,
): Promise<PostResult> {
  const channel = (await telegramChannels(repos))[payload.lang];
  if (!channel) {
    return {
      ok: false,
      error: 'The Telegram channel of this language was removed in the settings.',
      permanent: true,
    };
  }
  const post = await repos.outbox.byDedupKey(payload.replyTo);
  const messageId = post?.payload.messageId;
  if (!post || post.status === 'failed') {
    return { ok: false, error: 'The post this correction answers was never sent.', permanent: true };
  }
  if (post.status !== 'sent')
    return { ok: false, error: 'Waiting for the post it answers.', permanent: false };
  if (typeof messageId !== 'number') {
    return {
      ok: false,
      error: 'The post this correction answers was sent without keeping its id.',
      permanent: true,
    };
  }
  const answer: BotApiAnswer = await callBotApi(config.telegramApiUrl, channel.token, 'sendMessage', {
    chat_id: payload.chatId,
    // Telegram's limit for a message is 4,096 characters; a correction is at most 1,000.
    text: escapeHtml(payload.text),
    parse_mode: 'HTML',
    reply_parameters: { message_id: messageId, allow_sending_without_reply: true },
  });
  if (answer.ok) return { ok: true, error: '', permanent: false };
  const status = answer.status;
  const error = status === null ? answer.description : `${status}: ${answer.description}`;
  return { ok: false, error, permanent: status !== null && status >= 400 && status < 500 && status !== 429 };
}
