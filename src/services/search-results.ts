// Recent search results, kept in this process for a few seconds and shared by the reader's
// search page and /api/v1/search: a busy search box asks the same few queries again and again,
// and each costs a full-text search plus loading the articles. Keyed by the normalised query and
// its filters; emptied whenever something a result shows may have changed (an article, section,
// tag, person or the settings); bounded in entries. Other processes empty their own copy on
// their own changes, through the same events; what one misses lasts at most TTL_MS.
import type { EventBus } from './events.ts';
import { type SearchData, type SearchInput, searchArticles } from './search.ts';
import type { Services } from './context.ts';

const TTL_MS = 10_000;
const MAX_ENTRIES = 500;

interface Entry {
  data: Promise<SearchData>;
  storedAt: number;
}

const caches = new WeakMap<EventBus, Map<string, Entry>>();

function cacheFor(events: EventBus): Map<string, Entry> {
  let entries = caches.get(events);
  if (!entries) {
    const created = new Map<string, Entry>();
    events.on((event) => {
      if (
        event.type === 'article' ||
        event.type === 'section' ||
        event.type === 'tag' ||
        event.type === 'person' ||
        event.type === 'settings'
      ) {
        created.clear();
      }
    });
    caches.set(events, created);
    entries = created;
  }
  return entries;
}

/** The query as typed, in one form: spaces collapsed and trimmed, Unicode composed. */
export function normalisedQuery(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function keyOf(input: SearchInput): string {
  return JSON.stringify([
    normalisedQuery(input.text),
    input.lang ?? null,
    input.sectionSlug ?? null,
    input.authorSlug ?? null,
    input.from ?? null,
    input.to ?? null,
    input.sort,
    input.page,
    input.perPage,
    input.offset ?? null,
    input.refuseUnknownFilters ?? false,
  ]);
}

/**
 * searchArticles, answered from the recent results when the same search ran in the last few
 * seconds. Concurrent identical searches share one run; a failed one is not kept.
 */
export function cachedSearchArticles(
  services: Pick<Services, 'repos' | 'search' | 'events'>,
  input: SearchInput,
  now: () => number = Date.now,
): Promise<SearchData> {
  const entries = cacheFor(services.events);
  const key = keyOf(input);
  const found = entries.get(key);
  if (found && now() - found.storedAt < TTL_MS) {
    // Most recently used last, so the first key is the one to drop.
    entries.delete(key);
    entries.set(key, found);
    return found.data;
  }
  const data = searchArticles(services, { ...input, text: normalisedQuery(input.text) });
  const entry = { data, storedAt: now() };
  entries.delete(key);
  entries.set(key, entry);
  if (entries.size > MAX_ENTRIES) {
    const oldest = entries.keys().next().value;
    if (oldest !== undefined) entries.delete(oldest);
  }
  data.catch(() => {
    if (entries.get(key) === entry) entries.delete(key);
  });
  return data;
}
