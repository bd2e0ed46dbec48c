// What changed, told after the change is committed: the page cache evicts what shows it, webhooks
// tell the outside world. Listeners never make a save fail or wait: a listener that throws is
// reported and the others still run; slow work (HTTP calls) is queued by the listener itself.
import type { Article, Lang } from '../core/types.ts';

/**
 * How an article change looks to readers: `published` (it became visible), `updated` (it was
 * visible and still is, possibly changed), `unpublished` (it was visible and is not any more),
 * `hidden` (invisible before and after: drafts, scheduling, trash of a draft).
 */
export type ArticleChange = 'published' | 'updated' | 'unpublished' | 'hidden';

export type ContentEvent =
  | { type: 'article'; change: ArticleChange; before: Article | null; after: Article }
  /** A comment became visible (`shown`) or stopped being visible (`removed`) on its article. */
  | { type: 'comment'; change: 'shown' | 'removed'; articleId: number; commentId: number }
  /**
   * The stored related-articles lists of these articles changed (an article was published,
   * changed or left nearby): their pages show other related articles now.
   */
  | { type: 'related'; articleIds: number[] }
  | { type: 'settings'; keys: string[] }
  | { type: 'section'; id: number }
  | { type: 'tag'; id: number }
  | { type: 'person'; id: number }
  | { type: 'media'; id: number }
  /** The most-read list of these languages changed order or members (counted views moved it). */
  | { type: 'most-read'; langs: Lang[] };

export type ContentListener = (event: ContentEvent) => void | Promise<void>;

export interface EventBus {
  /** Returns a function that removes the listener. */
  on(listener: ContentListener): () => void;
  /** Runs every listener; resolves once all have finished or failed, never rejects. */
  emit(event: ContentEvent): Promise<void>;
  /** Where listener failures go (the server points it at its log). */
  onError: (err: unknown, event: ContentEvent) => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<ContentListener>();
  const bus: EventBus = {
    on(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async emit(event) {
      await Promise.all(
        [...listeners].map(async (listener) => {
          try {
            await listener(event);
          } catch (err) {
            bus.onError(err, event);
          }
        }),
      );
    },
    onError: (err) => console.error('midad: a change listener failed:', err),
  };
  return bus;
}

const isVisible = (a: Article | null): boolean => a?.status === 'published';

/** Classifies an article change by what readers could see before and after it. */
export function articleChange(before: Article | null, after: Article): ArticleChange {
  const was = isVisible(before);
  const is = isVisible(after);
  if (!was && is) return 'published';
  if (was && is) return 'updated';
  if (was && !is) return 'unpublished';
  return 'hidden';
}

/** Emits the article event for a committed change. */
export function articleChanged(bus: EventBus, before: Article | null, after: Article): Promise<void> {
  return bus.emit({ type: 'article', change: articleChange(before, after), before, after });
}
