// Tells a CDN which pages changed: on every change the page cache reacts to, a POST with the same
// tags the pages carried in their Surrogate-Key / Cache-Tag headers, to MIDAD_CDN_PURGE_URL (a
// small relay for the CDN's own purge API, or the API itself where it takes this shape). Fired
// after the change is committed and never awaited: a slow or failing CDN never slows a save.
import type { FastifyBaseLogger } from 'fastify';
import type { EventBus } from '../../services/events.ts';
import { invalidationFor } from './invalidation.ts';
import type { Invalidation } from './store.ts';

export interface PurgeHook {
  url: string;
  /** Sent as `Authorization: Bearer …` when set. */
  token: string | null;
}

export const PURGE_TIMEOUT_MS = 5000;

export function purgeBody(invalidation: Invalidation): { all: true } | { tags: string[] } {
  return 'all' in invalidation ? { all: true } : { tags: [...invalidation.tags] };
}

/** Starts purging on changes; returns the function that stops it. */
export function startCdnPurge(events: EventBus, hook: PurgeHook, log: () => FastifyBaseLogger): () => void {
  return events.on((event) => {
    const invalidation = invalidationFor(event);
    if (!invalidation) return;
    void fetch(hook.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Midad-Purge',
        ...(hook.token ? { authorization: `Bearer ${hook.token}` } : {}),
      },
      body: JSON.stringify(purgeBody(invalidation)),
      signal: AbortSignal.timeout(PURGE_TIMEOUT_MS),
      redirect: 'manual',
    })
      .then((res) => {
        if (!res.ok) log().warn({ status: res.status }, 'CDN purge refused');
      })
      .catch((err: unknown) => log().warn({ err }, 'CDN purge failed'));
  });
}
