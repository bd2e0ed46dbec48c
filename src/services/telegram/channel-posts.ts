// An article published in a language with a Telegram channel becomes one post on that channel,
// queued in the publishing transaction. The de-duplication key names the channel and the
// article, so publishing again (after an unpublish, or by the scheduler and a person at once)
// never posts twice.
import type { Article } from '../../core/types.ts';
import { articlePath } from '../../core/urls.ts';
import type { Repositories } from '../../db/repositories/contract.ts';
import { absoluteImage } from '../../media/absolute-image.ts';
import { telegramChannels } from './channels.ts';

export interface ChannelPostPayload {
  lang: Article['lang'];
  chatId: string;
  articleId: number;
  title: string;
  dek: string;
  /** The article's path; the site's public URL is put in front when it is sent. */
  path: string;
  /** The featured image's path, or null. */
  imagePath: string | null;
}

export async function queueChannelPosts(
  trx: Pick<Repositories, 'settings' | 'outbox' | 'media'>,
  article: Article,
): Promise<number> {
  const channel = (await telegramChannels(trx))[article.lang];
  if (!channel) return 0;
  const media = article.featuredMediaId ? await trx.media.byId(article.featuredMediaId) : null;
  const payload: ChannelPostPayload = {
    lang: article.lang,
    chatId: channel.chatId,
    articleId: article.id,
    title: article.title,
    dek: article.dek,
    path: articlePath(article),
    imagePath: media ? (absoluteImage(media, '')?.url ?? null) : null,
  };
  const queued = await trx.outbox.enqueue({
    channel: 'telegram',
    dedupKey: `telegram:${channel.chatId}:article:${article.id}:published`,
    summary: `${channel.chatId} — ${article.title}`,
    payload: { ...payload },
  });
  return queued ? 1 : 0;
}
