// Storage for the outbox: messages queued in the transaction of the change that causes them,
// claimed by one dispatcher at a time, and their outcome.
import type { OutboxChannel, OutboxMessage, OutboxStatus } from '../../core/outbox.ts';
import type { IsoDate } from '../../core/types.ts';

export interface NewOutboxMessage {
  channel: OutboxChannel;
  dedupKey: string;
  summary: string;
  payload: Record<string, unknown>;
  /** When it is first due; now when absent. */
  dueAt?: IsoDate;
}

/** The result of one attempt, written only if no one claimed the message again meanwhile. */
export interface OutboxOutcome {
  status: 'sent' | 'queued' | 'failed';
  /** When to try again (status queued). */
  nextAttemptAt: IsoDate | null;
  error: string;
  /** Replaces the stored payload (a sent mail keeps no copy of a one-time link). */
  payload?: Record<string, unknown>;
}

export interface OutboxRepository {
  /** Queues a message; null (and nothing written) when one with the same key exists. */
  enqueue(message: NewOutboxMessage, now?: IsoDate): Promise<OutboxMessage | null>;
  /**
   * Queues many messages in one statement (a newsletter's batch); those whose key exists are
   * dropped. Returns how many were queued.
   */
  enqueueMany(messages: NewOutboxMessage[], now?: IsoDate): Promise<number>;
  byId(id: number): Promise<OutboxMessage | null>;
  byDedupKey(key: string): Promise<OutboxMessage | null>;
  /** Newest first, optionally of one status. */
  list(options: { status?: OutboxStatus; limit: number; offset?: number }): Promise<OutboxMessage[]>;
  /** How many messages there are in each status. */
  counts(): Promise<Record<OutboxStatus, number>>;
  /**
   * Messages whose attempt is due: queued ones whose time came, and sending ones whose sender's
   * lease ran out (it died mid-attempt). Longest waiting first.
   */
  due(now: IsoDate, limit: number): Promise<OutboxMessage[]>;
  /**
   * Takes a message for one attempt if it is still as `seen` (same status, attempts and due
   * time): marks it sending, counts the attempt and sets the lease. One conditional write, so of
   * several processes claiming the same message exactly one gets it; the others get null.
   */
  claim(seen: OutboxMessage, leaseUntil: IsoDate, now?: IsoDate): Promise<OutboxMessage | null>;
  /** Records an attempt's outcome; false if the message was claimed again since (lease ran out). */
  record(claimed: OutboxMessage, outcome: OutboxOutcome, now?: IsoDate): Promise<boolean>;
  /**
   * Makes a failed or waiting message due now; false if it is being sent or was sent (moving a
   * sending message's lease would let a second process send it too).
   */
  retryNow(id: number, now?: IsoDate): Promise<boolean>;
}
