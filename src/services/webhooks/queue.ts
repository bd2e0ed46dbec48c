// The save path's side of webhooks: a change listener that turns a committed article change into
// one queued delivery per active webhook subscribed to it. Only database rows are written here,
// never an HTTP call, so a slow or dead receiver cannot slow down or break a save; the
// dispatcher sends them.
import type { Repositories } from '../../db/repositories/contract.ts';
import type { ContentEvent } from '../events.ts';
import { articlePayload, EVENT_OF_CHANGE } from './payload.ts';

export interface WebhookQueue {
  /** Queues the deliveries a change calls for; resolves with their ids (none for most changes). */
  enqueue(event: ContentEvent, now?: Date): Promise<number[]>;
  /** Calls `fn` whenever this process queued deliveries, so a dispatcher here sends them at once. */
  onQueued(fn: () => void): () => void;
  /** Tells the `onQueued` subscribers that deliveries are waiting. */
  notify(): void;
}

export function createWebhookQueue(repos: Repositories, baseUrl: string): WebhookQueue {
  const subscribers = new Set<() => void>();
  const queue: WebhookQueue = {
    async enqueue(event, now = new Date()) {
      if (event.type !== 'article') return [];
      const name = EVENT_OF_CHANGE[event.change];
      if (!name) return [];
      const webhooks = await repos.webhooks.subscribedTo(name);
      if (webhooks.length === 0) return [];
      // An unpublished article is described as readers last saw it.
      const article = event.change === 'unpublished' && event.before ? event.before : event.after;
      const payload = await articlePayload(repos, baseUrl, article, now);
      const queued = await repos.webhookDeliveries.enqueue(
        webhooks.map((w) => ({ webhookId: w.id, event: name, payload })),
        now.toISOString(),
      );
      queue.notify();
      return queued.map((d) => d.id);
    },
    onQueued(fn) {
      subscribers.add(fn);
      return () => subscribers.delete(fn);
    },
    notify() {
      for (const fn of subscribers) fn();
    },
  };
  return queue;
}
