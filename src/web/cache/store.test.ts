// The page store on its own: the byte budget, tags, staleness, lifetimes, and renders that
// raced an invalidation.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type CachedPage, PageStore } from './store.ts';

function page(key: string, tags: string[], bytes = 1000, now = 0, ttl = 60_000): CachedPage {
  return {
    key,
    headers: { 'content-type': 'text/html' },
    identity: Buffer.alloc(bytes, 'a'),
    gzip: null,
    br: null,
    hash: key,
    tags,
    storedAt: now,
    freshUntil: now + ttl,
    staleSince: null,
  };
}

describe('page store', () => {
  it('keeps within its byte budget, dropping the least recently used page first', () => {
    const store = new PageStore(10_000);
    assert.ok(store.set(page('a', []), 0));
    assert.ok(store.set(page('b', []), 0));
    assert.ok(store.set(page('c', []), 0));
    assert.ok(store.get('a', 0)?.fresh, 'reading a makes it recent');
    for (const key of ['d', 'e', 'f']) assert.ok(store.set(page(key, [], 1500), 0));
    assert.ok(store.usedBytes <= 10_000);
    assert.equal(store.get('b', 0), undefined, 'b was the least recently used');
    assert.ok(store.get('a', 0), 'a was used recently');
    assert.ok(store.get('f', 0));
  });

  it('refuses a page bigger than a quarter of the budget', () => {
    const store = new PageStore(8000);
    assert.equal(store.set(page('big', [], 3000), 0), false);
    assert.equal(store.size, 0);
  });

  it('marks the pages of an invalidated tag stale and leaves the others fresh', () => {
    const store = new PageStore(1_000_000);
    store.set(page('home', ['home:ar', 'article:1', 'article:2']), 0);
    store.set(page('one', ['article:1']), 0);
    store.set(page('two', ['article:2']), 0);
    assert.equal(store.invalidate({ tags: ['article:1'] }, 5), 2);
    assert.deepEqual(
      ['home', 'one', 'two'].map((k) => store.get(k, 10)?.fresh),
      [false, false, true],
    );
    assert.equal(store.get('one', 10)?.page.staleSince, 5);
    assert.equal(store.invalidate({ tags: ['article:1'] }, 6), 0, 'already stale');
  });

  it('drops the old copies outright when asked to', () => {
    const store = new PageStore(1_000_000);
    store.set(page('one', ['article:1']), 0);
    store.invalidate({ tags: ['article:1'] }, 1);
    assert.equal(store.invalidate({ tags: ['article:1'], drop: true }, 2), 1, 'reaches stale copies too');
    assert.equal(store.get('one', 3), undefined);
    assert.equal(store.usedBytes, 0);
  });

  it('invalidates everything at once', () => {
    const store = new PageStore(1_000_000);
    store.set(page('a', ['x']), 0);
    store.set(page('b', []), 0);
    assert.equal(store.invalidate({ all: true }, 1), 2);
    assert.equal(store.get('a', 1)?.fresh, false);
    assert.equal(store.get('b', 1)?.fresh, false);
  });

  it('turns a page stale when its lifetime ends', () => {
    const store = new PageStore(1_000_000);
    store.set(page('a', [], 100, 0, 1000), 0);
    assert.equal(store.get('a', 999)?.fresh, true);
    const late = store.get('a', 1000);
    assert.equal(late?.fresh, false);
    assert.equal(late?.page.staleSince, 1000);
  });

  it('does not store a render that an invalidation of one of its tags overtook', () => {
    const store = new PageStore(1_000_000);
    const started = store.generation;
    store.invalidate({ tags: ['other'] });
    assert.ok(store.set(page('a', ['mine']), started), 'an unrelated tag does not matter');
    const again = store.generation;
    store.invalidate({ tags: ['mine'] });
    assert.equal(store.set(page('b', ['mine']), again), false);
    const before = store.generation;
    store.invalidate({ all: true });
    assert.equal(store.set(page('c', []), before), false);
  });

  it('assumes the worst when too many invalidations happened during one render', () => {
    const store = new PageStore(1_000_000);
    const started = store.generation;
    for (let i = 0; i < 1000; i++) store.invalidate({ tags: [`t${i}`] });
    assert.equal(store.set(page('a', ['mine']), started), false);
    assert.ok(store.set(page('a', ['mine']), store.generation));
  });
});
