// Shapes webhooks and their deliveries for the newsroom pages: labels in the reader's language,
// times in the site's time zone, and the outcome of a ping or retry in words.
import { displayDate } from '../../../core/dates.ts';
import { format } from '../../../core/i18n.ts';
import type { Lang } from '../../../core/types.ts';
import type { DeliveryStatus, Webhook, WebhookDelivery } from '../../../core/webhooks.ts';
import { type WebhookMessages, webhookText } from './messages.ts';

export interface DeliveryRow {
  id: number;
  event: string;
  /** What the delivery was about: "#42 title", or empty for a ping. */
  subject: string;
  status: DeliveryStatus;
  statusLabel: string;
  attempts: number;
  response: string;
  error: string;
  when: string;
  next: string;
  canRetry: boolean;
}

export interface WebhookRow {
  id: number;
  url: string;
  description: string;
  /** The subscribed events in words, as one list. */
  events: string;
  active: boolean;
  last: string;
}

const STATUS_KEY: Record<DeliveryStatus, keyof WebhookMessages> = {
  pending: 'deliveryPending',
  succeeded: 'deliverySucceeded',
  failed: 'deliveryFailed',
};

export function presentWebhook(
  t: WebhookMessages,
  webhook: Webhook,
  last: WebhookDelivery | undefined,
  lang: Lang,
  timezone: string,
): WebhookRow {
  return {
    id: webhook.id,
    url: webhook.url,
    description: webhook.description,
    events: webhook.events.map((e) => webhookText(t, `event_${e}`)).join(lang === 'ar' ? '، ' : ', '),
    active: webhook.active,
    last: last
      ? `${t[STATUS_KEY[last.status]]} · ${displayDate(last.updatedAt, lang, timezone, true).gregorian}`
      : t.never,
  };
}

function subjectOf(delivery: WebhookDelivery): string {
  const article = delivery.payload.article;
  if (!article || typeof article !== 'object') return '';
  const { id, title } = article as { id?: unknown; title?: unknown };
  return typeof id === 'number' ? `#${id} ${typeof title === 'string' ? title : ''}`.trim() : '';
}

export function presentDelivery(
  t: WebhookMessages,
  d: WebhookDelivery,
  lang: Lang,
  timezone: string,
): DeliveryRow {
  const at = (iso: string) => displayDate(iso, lang, timezone, true).gregorian;
  return {
    id: d.id,
    event: webhookText(t, `event_${d.event}`),
    subject: subjectOf(d),
    status: d.status,
    statusLabel: t[STATUS_KEY[d.status]],
    attempts: d.attempts,
    response: d.responseStatus !== null ? `HTTP ${d.responseStatus}` : d.attempts > 0 ? t.noAnswer : '',
    error: d.error,
    when: at(d.createdAt),
    next:
      d.status === 'pending' && d.nextAttemptAt && d.attempts > 0
        ? format(t.nextAttempt, { when: at(d.nextAttemptAt) })
        : '',
    canRetry: d.status === 'failed',
  };
}

/** The notice after a ping or a retry: what the receiver answered. */
export function attemptNotice(
  t: WebhookMessages,
  d: WebhookDelivery,
): { kind: 'success' | 'error'; text: string } {
  if (d.status === 'succeeded') {
    return { kind: 'success', text: format(t.deliveredWith, { status: d.responseStatus ?? '' }) };
  }
  const reason = [d.responseStatus !== null ? `HTTP ${d.responseStatus}` : '', d.error]
    .filter((s) => s !== '')
    .join(' – ');
  return { kind: 'error', text: format(t.failedWith, { reason: reason || t.noAnswer }) };
}
