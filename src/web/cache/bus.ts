// How invalidations reach every process that holds a page cache. In one process the local bus
// hands them straight to its subscribers; with several, redis-bus.ts applies them here and
// publishes them to the other processes over Redis pub/sub.
import type { Invalidation } from './store.ts';

export interface CacheBus {
  /** Resolves once the local subscribers have applied it (remote ones follow on their own). */
  publish(invalidation: Invalidation): Promise<void>;
  /** Returns a function that unsubscribes. */
  subscribe(handler: (invalidation: Invalidation) => void): () => void;
  close(): Promise<void>;
}

export function localCacheBus(): CacheBus {
  const handlers = new Set<(invalidation: Invalidation) => void>();
  return {
    async publish(invalidation) {
      for (const handler of handlers) handler(invalidation);
    },
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    async close() {
      handlers.clear();
    },
  };
}
