// Recent /api/v1/search answers, kept in this process for a few seconds. An app polling the same
// query (a "latest on X" widget) then costs a map lookup instead of a full-text search. The page
// cache cannot hold them (search text is unbounded, see cache/key.ts): this store is small,
// bounded in size, and emptied whenever something a result shows may have changed. Other
// processes empty their own copy on their own changes; what they miss lasts at most TTL_MS.
import type { ContentEvent, EventBus } from '../../services/events.ts';

export interface CachedSearch {
  body: string;
  storedAt: number;
}

export interface SearchAnswerCache {
  get(key: string): string | undefined;
  set(key: string, body: string): void;
  /** Stops listening to changes. */
  close(): void;
}

const TTL_MS = 30_000;
const MAX_CHARS = 4 * 1024 * 1024;

/** Comments, related lists and images change nothing a search result shows. */
function touchesResults(event: ContentEvent): boolean {
  if (event.type === 'article') return event.change !== 'hidden';
  return (
    event.type === 'section' || event.type === 'person' || event.type === 'tag' || event.type === 'settings'
  );
}

export function createSearchAnswerCache(
  events: EventBus,
  options: { ttlMs?: number; maxChars?: number; now?: () => number } = {},
): SearchAnswerCache {
  const ttl = options.ttlMs ?? TTL_MS;
  const maxChars = options.maxChars ?? MAX_CHARS;
  const now = options.now ?? Date.now;
  // A Map keeps insertion order: the first key is the least recently used one.
  const entries = new Map<string, CachedSearch>();
  let chars = 0;

  const drop = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    chars -= entry.body.length;
  };
  const off = events.on((event) => {
    if (!touchesResults(event)) return;
    entries.clear();
    chars = 0;
  });

  return {
    get(key) {
      const entry = entries.get(key);
      if (!entry) return undefined;
      drop(key);
      if (now() - entry.storedAt >= ttl) return undefined;
      entries.set(key, entry);
      chars += entry.body.length;
      return entry.body;
    },
    set(key, body) {
      if (body.length > maxChars / 8) return;
      drop(key);
      entries.set(key, { body, storedAt: now() });
      chars += body.length;
      for (const oldest of entries.keys()) {
        if (chars <= maxChars) break;
        drop(oldest);
      }
    },
    close: off,
  };
}
