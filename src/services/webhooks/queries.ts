// What the newsroom's webhook pages read: the list with each webhook's latest delivery, one
// webhook, its delivery log, and the delivery a ping or a retry made.
import { NotFound } from '../../core/errors.ts';
import type { Webhook, WebhookDelivery } from '../../core/webhooks.ts';
import type { Services } from '../context.ts';

export interface WebhookSummary {
  webhook: Webhook;
  /** The most recent delivery, if any was ever made. */
  last: WebhookDelivery | undefined;
}

export async function listWebhooks(services: Pick<Services, 'repos'>): Promise<WebhookSummary[]> {
  const webhooks = await services.repos.webhooks.list();
  const latest = await services.repos.webhookDeliveries.latestFor(webhooks.map((w) => w.id));
  return webhooks.map((webhook) => ({ webhook, last: latest.get(webhook.id) }));
}

export async function webhookById(services: Pick<Services, 'repos'>, id: number): Promise<Webhook> {
  const webhook = await services.repos.webhooks.byId(id);
  if (!webhook) throw new NotFound('No such webhook.');
  return webhook;
}

/** The newest deliveries of one webhook, newest first. */
export function deliveryLog(
  services: Pick<Services, 'repos'>,
  webhookId: number,
  limit: number,
): Promise<WebhookDelivery[]> {
  return services.repos.webhookDeliveries.listForWebhook(webhookId, limit);
}

/** One delivery of a webhook; null if there is none by that id for this webhook. */
export async function deliveryOf(
  services: Pick<Services, 'repos'>,
  webhookId: number,
  deliveryId: number,
): Promise<WebhookDelivery | null> {
  const delivery = await services.repos.webhookDeliveries.byId(deliveryId);
  return delivery?.webhookId === webhookId ? delivery : null;
}
