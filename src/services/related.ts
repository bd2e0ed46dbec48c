// Keeps the stored related-articles lists current as articles are published, changed and
// unpublished, from the committed change events. The work is bounded (see
// search/related/related-index.ts) and done before the save's response returns, so the next
// page view already shows it; one change at a time per process, so two saves never adjust the
// same document frequencies at once. Its own change is announced as a `related` event, for
// the pages that show the lists.
import type { Article } from '../core/types.ts';
import type { Services } from './context.ts';

/** Whether an edit of a published article can change what it is related to. */
function touchesRelated(before: Article, after: Article): boolean {
  return (
    before.title !== after.title ||
    before.dek !== after.dek ||
    before.bodyHtml !== after.bodyHtml ||
    before.lang !== after.lang ||
    before.sectionId !== after.sectionId ||
    before.publishedAt !== after.publishedAt ||
    before.tagIds.join() !== after.tagIds.join() ||
    before.authorIds.join() !== after.authorIds.join()
  );
}

/** Registers the listener; returns the function that removes it. */
export function watchRelated(services: Pick<Services, 'events' | 'transaction'>): () => void {
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => {});
    return next;
  };
  return services.events.on((event) => {
    if (event.type !== 'article' || event.change === 'hidden') return;
    const { change, before, after } = event;
    if (change === 'updated' && before && !touchesRelated(before, after)) return;
    return serially(async () => {
      const changed = await services.transaction((_repos, search) =>
        change === 'unpublished' ? search.related.remove(after.id) : search.related.refresh(after.id),
      );
      if (changed.length > 0) await services.events.emit({ type: 'related', articleIds: changed });
    });
  });
}
