// Storage for webhooks: the registered addresses, and the deliveries queued for them with the
// outcome of every attempt.
import type { IsoDate } from '../../core/types.ts';
import type { DeliveryEvent, Webhook, WebhookDelivery, WebhookEvent } from '../../core/webhooks.ts';

export interface NewWebhook {
  url: string;
  secret: string;
  events: WebhookEvent[];
  active?: boolean;
  description?: string;
}

export interface WebhooksRepository {
  create(input: NewWebhook): Promise<Webhook>;
  byId(id: number): Promise<Webhook | null>;
  /** Oldest first. */
  list(): Promise<Webhook[]>;
  /** The active webhooks subscribed to an event. */
  subscribedTo(event: WebhookEvent): Promise<Webhook[]>;
  update(id: number, patch: Partial<NewWebhook>): Promise<Webhook>;
  /** Removes the webhook and its delivery log. */
  delete(id: number): Promise<void>;
}

export interface NewDelivery {
  webhookId: number;
  event: DeliveryEvent;
  payload: Record<string, unknown>;
  /** What it is about, e.g. "article:12"; empty for none. */
  subject?: string;
  /** When it is first due; now when absent. */
  dueAt?: IsoDate;
}

/** The result of one attempt, written only if no one claimed the delivery again meanwhile. */
export interface AttemptOutcome {
  status: 'pending' | 'succeeded' | 'failed';
  /** When to try again (status pending); null otherwise. */
  nextAttemptAt: IsoDate | null;
  responseStatus: number | null;
  error: string;
  durationMs: number;
}

export interface WebhookDeliveriesRepository {
  /** Queues deliveries, due at once unless they say otherwise. */
  enqueue(deliveries: readonly NewDelivery[], now?: IsoDate): Promise<WebhookDelivery[]>;
  /**
   * Puts a newer payload into the delivery of the same webhook, event and subject that is
   * queued and not yet attempted, keeping its due time; null when there is none.
   */
  replaceQueued(delivery: NewDelivery & { subject: string }, now?: IsoDate): Promise<WebhookDelivery | null>;
  byId(id: number): Promise<WebhookDelivery | null>;
  /** A webhook's latest deliveries, newest first. */
  listForWebhook(webhookId: number, limit: number): Promise<WebhookDelivery[]>;
  /** The latest delivery of each webhook that has one. */
  latestFor(webhookIds: readonly number[]): Promise<Map<number, WebhookDelivery>>;
  /** Pending deliveries whose attempt is due, longest waiting first. */
  due(now: IsoDate, limit: number): Promise<WebhookDelivery[]>;
  /**
   * Takes a pending delivery for one attempt, if it is still as `seen` (pending, same due time):
   * counts the attempt and pushes its due time to `leaseUntil`, so no other process sends it
   * meanwhile, and a process that dies mid-attempt leaves it to be tried again. Exactly one of
   * several processes claiming the same delivery gets it; the others get null.
   */
  claim(seen: WebhookDelivery, leaseUntil: IsoDate, now?: IsoDate): Promise<WebhookDelivery | null>;
  /** Records an attempt's outcome; false if the delivery was claimed again since (the lease ran out). */
  record(claimed: WebhookDelivery, outcome: AttemptOutcome, now?: IsoDate): Promise<boolean>;
  /** Makes a failed delivery pending and due now, for one more attempt; false if it had not failed. */
  retryNow(id: number, now?: IsoDate): Promise<boolean>;
  /** Deletes finished deliveries last changed before the given times; returns how many. */
  prune(before: { succeeded: IsoDate; failed: IsoDate }): Promise<number>;
}
