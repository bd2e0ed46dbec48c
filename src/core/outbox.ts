// The outbox: messages Midad sends to the outside world (mail, Telegram posts), kept as rows
// until they are sent. Here is the vocabulary and the rules that need no I/O: the statuses and
// when to try again.
import type { IsoDate } from './types.ts';

export const OUTBOX_CHANNELS = ['mail', 'telegram'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];

/** queued: waiting for its turn; sending: held by one dispatcher; sent; failed: given up. */
export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface OutboxMessage {
  id: number;
  channel: OutboxChannel;
  /** Unique: the same message is never queued twice. */
  dedupKey: string;
  /** One line for the newsroom: recipient and subject, or channel and title. */
  summary: string;
  payload: Record<string, unknown>;
  status: OutboxStatus;
  attempts: number;
  /** Queued: when it is due. Sending: when the sender's lease runs out. Null once sent or failed. */
  nextAttemptAt: IsoDate | null;
  /** Why the last attempt failed; empty when it did not. */
  lastError: string;
  createdAt: IsoDate;
  updatedAt: IsoDate;
  sentAt: IsoDate | null;
}

/**
 * Waits before each retry after a failed attempt: 1, 5 and 15 minutes, 1, 3, 6 and 12 hours,
 * then a day three times. A mail server or Telegram down for a weekend still gets its messages
 * when it returns; after about four days the message is given up (and an admin may retry it).
 */
export const OUTBOX_RETRY_DELAYS_MS = [
  60_000, 300_000, 900_000, 3_600_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000, 86_400_000, 86_400_000,
] as const;

/**
 * When to try again after `attempts` attempts, the last of which failed; null to give up. The
 * delay is spread by ±20% so messages that failed together are not all retried in the same second.
 */
export function outboxRetryAt(attempts: number, now: Date, random: () => number = Math.random): Date | null {
  const base = OUTBOX_RETRY_DELAYS_MS[attempts - 1];
  if (base === undefined) return null;
  const spread = 0.8 + 0.4 * Math.min(1, Math.max(0, random()));
  return new Date(now.getTime() + Math.round(base * spread));
}
