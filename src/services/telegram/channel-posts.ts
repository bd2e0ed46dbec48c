// An article published in a language with a Telegram channel becomes one post on that channel,
// queued in the publishing transaction. The de-duplication key names the channel and the
// article, so publishing again (after an unpublish, or by the scheduler and a person at once)
// never posts twice.
import { z } from 'zod';
import { type Article, LANGUAGES, type Lang } from '../../core/types.ts';
import { articlePath } from '../../core/urls.ts';
import type { Repositories } from '../../db/repositories/contract.ts';
import { absoluteImage } from '../../media/absolute-image.ts';
import { telegramChannels } from './channels.ts';

/** What a queued post keeps: enough to send it without reading the article again. */
export const ChannelPostPayload = z.object({
  lang: z.enum(LANGUAGES),
  chatId: z.string(),
  articleId: z.number(),
  title: z.string(),
  dek: z.string(),
  /** The article's path; the site's public URL is put in front when it is sent. */
  path: z.string(),
  /** The featured image's path, or null. */
  imagePath: z.string().nullable(),
  /** The id Telegram gave the post, kept once it is sent (a correction replies to it). */
  messageId: z.number().optional(),
});
export type ChannelPostPayload = z.infer<typeof ChannelPostPayload>;

/** The outbox key of an article's post to a channel. */
export function channelPostKey(chatId: string, articleId: number): string {
  return `telegram:${chatId}:article:${articleId}:published`;
}

export async function queueChannelPosts(
  trx: Pick<Repositories, 'settings' | 'outbox' | 'media'>,
  article: Article,
): Promise<number> {
  // Channels are set per ar/fr/en edition; a further edition's articles have none.
  const channel = (await telegramChannels(trx))[article.lang as Lang];
  if (!channel) return 0;
  const media = article.featuredMediaId ? await trx.media.byId(article.featuredMediaId) : null;
  const payload: ChannelPostPayload = {
    lang: article.lang as Lang,
    chatId: channel.chatId,
    articleId: article.id,
    title: article.title,
    dek: article.dek,
    path: articlePath(article),
    imagePath: media ? (absoluteImage(media, '')?.url ?? null) : null,
  };
  const queued = await trx.outbox.enqueue({
    channel: 'telegram',
    dedupKey: channelPostKey(channel.chatId, article.id),
    summary: `${channel.chatId} — ${article.title}`,
    payload: { ...payload },
  });
  return queued ? 1 : 0;
}
