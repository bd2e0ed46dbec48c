// The save path's side of webhooks: a change listener that turns a committed article change into
// one queued delivery per active webhook subscribed to it. Only database rows are written here,
// never an HTTP call, so a slow or dead receiver cannot slow down or break a save; the
// dispatcher sends them.
import type { Repositories } from '../../db/repositories/contract.ts';
import type { ContentEvent } from '../events.ts';
import { articlePayload, EVENT_OF_CHANGE } from './payload.ts';

/** How long an update waits for more updates of the same article before it is sent. */
export const UPDATE_DELAY_MS = 60_000;

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
      const subject = `article:${article.id}`;
      const at = now.toISOString();
      if (name === 'article.updated') {
        // Autosave updates a published article every few seconds while someone types: the
        // receivers hear of it once per quiet minute, with the latest version.
        const ids: number[] = [];
        for (const w of webhooks) {
          const delivery = { webhookId: w.id, event: name, payload, subject };
          const merged = await repos.webhookDeliveries.replaceQueued(delivery, at);
          const queued =
            merged ??
            (
              await repos.webhookDeliveries.enqueue(
                [{ ...delivery, dueAt: new Date(now.getTime() + UPDATE_DELAY_MS).toISOString() }],
                at,
              )
            )[0];
          if (queued) ids.push(queued.id);
        }
        return ids;
      }
      const queued = await repos.webhookDeliveries.enqueue(
        webhooks.map((w) => ({ webhookId: w.id, event: name, payload, subject })),
        at,
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
