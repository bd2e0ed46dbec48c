// Webhooks: addresses an admin registers to be told, by a signed POST, when readers can newly
// see an article, see it changed, or no longer see it. Here are the vocabulary and the rules
// that need no I/O: which events exist, which addresses are acceptable, when to try again.
import type { IsoDate } from './types.ts';

export const WEBHOOK_EVENTS = ['article.published', 'article.updated', 'article.unpublished'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** What a delivery may carry: a subscribed event, or the test ping an admin sends by hand. */
export type DeliveryEvent = WebhookEvent | 'ping';

export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface Webhook {
  id: number;
  url: string;
  /** Signs every delivery (HMAC-SHA256); the receiver holds the same value. */
  secret: string;
  events: WebhookEvent[];
  active: boolean;
  description: string;
  createdAt: IsoDate;
  updatedAt: IsoDate;
}

export interface WebhookDelivery {
  id: number;
  webhookId: number;
  event: DeliveryEvent;
  /** The JSON document sent, less `event` and `delivery_id`, which are added when it is sent. */
  payload: Record<string, unknown>;
  status: DeliveryStatus;
  attempts: number;
  /** When the next attempt is due; null once the delivery succeeded or failed for good. */
  nextAttemptAt: IsoDate | null;
  /** The HTTP status of the last answer; null when there was none (refused, timed out). */
  responseStatus: number | null;
  /** Why the last attempt failed, or the start of the answer's body; empty on success. */
  error: string;
  /** How long the last attempt took. */
  durationMs: number | null;
  createdAt: IsoDate;
  updatedAt: IsoDate;
}

/**
 * Waits before each retry, after the first attempt failed: about 1 minute, 5 minutes, 30
 * minutes, 2 hours and 12 hours. After the last one fails the delivery is given up.
 */
export const RETRY_DELAYS_MS = [60_000, 300_000, 1_800_000, 7_200_000, 43_200_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/**
 * When to try again after `attempts` failed attempts, or null to give up. The delay is spread
 * by ±20% so that receivers that were down together are not hit again all at the same second.
 */
export function nextAttemptAt(attempts: number, now: Date, random: () => number = Math.random): Date | null {
  const base = RETRY_DELAYS_MS[attempts - 1];
  if (base === undefined) return null;
  const jitter = 0.8 + 0.4 * random();
  return new Date(now.getTime() + Math.round(base * jitter));
}

export type WebhookUrlProblem = 'required' | 'invalid' | 'scheme' | 'credentials' | 'too-long';

/**
 * Checks an address an admin typed: an absolute http(s) URL without user name or password (a
 * secret in a URL ends up in logs; the signature is how a receiver knows us). Returns the
 * normalized URL, or the problem.
 */
export function checkWebhookUrl(input: string): { url: string } | { problem: WebhookUrlProblem } {
  const text = input.trim();
  if (text === '') return { problem: 'required' };
  if (text.length > 2000) return { problem: 'too-long' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: 'invalid' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: 'scheme' };
  if (url.username !== '' || url.password !== '') return { problem: 'credentials' };
  if (url.hostname === '') return { problem: 'invalid' };
  // The fragment never reaches the server; keeping it would only mislead.
  url.hash = '';
  return { url: url.href };
}

/** The events of a form or a stored list, in the canonical order, each once. */
export function webhookEvents(values: readonly string[]): WebhookEvent[] {
  return WEBHOOK_EVENTS.filter((e) => values.includes(e));
}
