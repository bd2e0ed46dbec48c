// The kept search answers on their own: lifetime, size bound with the least recently used
// answer going first, and which changes empty them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Article } from '../../core/types.ts';
import { createEventBus } from '../../services/events.ts';
import { createSearchAnswerCache } from './search-cache.ts';

describe('search answer cache', () => {
  it('keeps an answer for its lifetime only', () => {
    let now = 1_000;
    const cache = createSearchAnswerCache(createEventBus(), { ttlMs: 100, now: () => now });
    cache.set('a', '{"data":[]}');
    now += 99;
    assert.equal(cache.get('a'), '{"data":[]}');
    now += 1;
    assert.equal(cache.get('a'), undefined);
    cache.close();
  });

  it('stays within its size, dropping the least recently used answer first', () => {
    const cache = createSearchAnswerCache(createEventBus(), { maxChars: 80 });
    cache.set('a', 'a'.repeat(10));
    cache.set('b', 'b'.repeat(10));
    assert.ok(cache.get('a'));
    for (const key of ['c', 'd', 'e', 'f', 'g', 'h', 'i']) cache.set(key, key.repeat(10));
    assert.ok(cache.get('a'), 'used recently, kept');
    assert.equal(cache.get('b'), undefined, 'the oldest unused answer went first');
    cache.set('big', 'x'.repeat(11));
    assert.equal(cache.get('big'), undefined, 'an answer over an eighth of the room is not kept');
    cache.close();
  });

  it('is emptied by what results show, not by comments or drafts', async () => {
    const events = createEventBus();
    const cache = createSearchAnswerCache(events);
    const article = { id: 1 } as Article;
    cache.set('a', '1');
    await events.emit({ type: 'comment', change: 'shown', articleId: 1, commentId: 2 });
    await events.emit({ type: 'article', change: 'hidden', before: null, after: article });
    await events.emit({ type: 'media', id: 3 });
    assert.equal(cache.get('a'), '1');
    for (const event of [
      { type: 'article', change: 'published', before: null, after: article },
      { type: 'article', change: 'unpublished', before: article, after: article },
      { type: 'section', id: 1 },
      { type: 'person', id: 1 },
    ] as const) {
      cache.set('a', '1');
      await events.emit(event);
      assert.equal(cache.get('a'), undefined, `${event.type} ${'change' in event ? event.change : ''}`);
    }
    cache.close();
    cache.set('a', '1');
    await events.emit({ type: 'section', id: 1 });
    assert.equal(cache.get('a'), '1', 'closed: no longer listening');
  });
});
