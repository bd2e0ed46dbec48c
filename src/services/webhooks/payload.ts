// What a delivery says. An article event carries the article as the content API presents it,
// taken when the change happened: a retry hours later still describes that change, and an
// unpublished article, which the API no longer shows, is described as readers last saw it.
import type { Article } from '../../core/types.ts';
import type { Webhook, WebhookEvent } from '../../core/webhooks.ts';
import type { Repositories } from '../../db/repositories/contract.ts';
import type { ArticleChange } from '../events.ts';
import { presentFull } from '../api-article.ts';
import { loadArticleBundle, publishedTranslations } from '../syndication-api.ts';

type Repos = Pick<
  Repositories,
  'articles' | 'sections' | 'media' | 'people' | 'comments' | 'tags' | 'corrections'
>;

export const EVENT_OF_CHANGE: Partial<Record<ArticleChange, WebhookEvent>> = {
  published: 'article.published',
  updated: 'article.updated',
  unpublished: 'article.unpublished',
};

/** The payload less `event` and `delivery_id`, which each delivery adds when it is sent. */
export async function articlePayload(
  repos: Repos,
  baseUrl: string,
  article: Article,
  occurredAt: Date,
): Promise<Record<string, unknown>> {
  const [bundle, translations, corrections] = await Promise.all([
    loadArticleBundle(repos, [article]),
    publishedTranslations(repos, article),
    repos.corrections.listForArticle(article.id),
  ]);
  return {
    occurred_at: occurredAt.toISOString(),
    article: presentFull(article, bundle, translations, baseUrl, corrections),
  };
}

export function pingPayload(webhook: Webhook, occurredAt: Date): Record<string, unknown> {
  return {
    occurred_at: occurredAt.toISOString(),
    webhook: { id: webhook.id, url: webhook.url, events: webhook.events },
  };
}

/** The exact bytes sent and signed. */
export function deliveryBody(delivery: {
  id: number;
  event: string;
  payload: Record<string, unknown>;
}): string {
  return JSON.stringify({ event: delivery.event, delivery_id: delivery.id, ...delivery.payload });
}
