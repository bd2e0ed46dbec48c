// How the page cache keys live updates: the JSON is kept per `after` (many readers ask for the
// same), anything else on its query is not stored, and an event stream never is.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cacheKey } from '../../cache/key.ts';
import { maxStreamsFrom } from './routes.ts';

describe('page cache keys of live updates', () => {
  it('keeps the JSON per `after` and never the stream', () => {
    assert.equal(
      cacheKey('GET', 'news.example', '/live/12/updates.json?after=40'),
      'GET news.example/live/12/updates.json?after=40',
    );
    assert.notEqual(
      cacheKey('GET', 'news.example', '/live/12/updates.json?after=40'),
      cacheKey('GET', 'news.example', '/live/12/updates.json?after=41'),
    );
    assert.equal(cacheKey('GET', 'news.example', '/live/12/updates.json?after=1&utm_source=x'), null);
    assert.equal(cacheKey('GET', 'news.example', '/live/12/stream?after=40'), null);
    assert.equal(cacheKey('GET', 'news.example', '/live/12/stream'), null);
    // `after` means nothing to other pages: it does not make variants of them.
    assert.equal(cacheKey('GET', 'news.example', '/article/12/slug?after=40'), null);
  });
});

describe('the stream cap setting', () => {
  it('takes a positive whole number and leaves the default for anything else', () => {
    assert.equal(maxStreamsFrom('1200'), 1200);
    for (const bad of [undefined, '', 'abc', '0', '-5', '1e3', '12.5'])
      assert.equal(maxStreamsFrom(bad), 5000, String(bad));
  });
});
