// The cache settings an operator sets through the environment: defaults, an off switch, and a
// clear refusal of values that are not whole numbers.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from './config.ts';
import { SetupError } from './core/errors.ts';

describe('cache settings', () => {
  it('defaults to 64 MB of pages and short shared-cache lifetimes', () => {
    const { cache } = loadConfig({});
    assert.equal(cache.pageCacheBytes, 64 * 1024 * 1024);
    assert.deepEqual(
      [cache.pageTtl, cache.maxAge, cache.sMaxAge, cache.staleWhileRevalidate, cache.staleIfError],
      [600, 0, 60, 30, 86_400],
    );
  });

  it('reads every value from the environment; 0 MB turns the page cache off', () => {
    const { cache } = loadConfig({
      MIDAD_PAGE_CACHE_MB: '0',
      MIDAD_PAGE_CACHE_TTL: '120',
      MIDAD_CACHE_MAX_AGE: '30',
      MIDAD_CACHE_S_MAXAGE: '600',
      MIDAD_CACHE_STALE_WHILE_REVALIDATE: '60',
      MIDAD_CACHE_STALE_IF_ERROR: '3600',
      MIDAD_CDN_PURGE_URL: 'https://purge.example/hook',
      MIDAD_CDN_PURGE_TOKEN: 'secret-token',
    });
    assert.deepEqual(cache, {
      pageCacheBytes: 0,
      pageTtl: 120,
      maxAge: 30,
      sMaxAge: 600,
      staleWhileRevalidate: 60,
      staleIfError: 3600,
      purge: { url: 'https://purge.example/hook', token: 'secret-token' },
    });
    assert.equal(loadConfig({}).cache.purge, null);
  });

  it('refuses what is not a whole number, naming the variable', () => {
    for (const [name, value] of [
      ['MIDAD_PAGE_CACHE_MB', '64MB'],
      ['MIDAD_CACHE_S_MAXAGE', '-1'],
      ['MIDAD_PAGE_CACHE_TTL', '100000'],
    ] as const) {
      assert.throws(
        () => loadConfig({ [name]: value }),
        (err: unknown) =>
          err instanceof SetupError && err.message.includes(name) && err.message.includes(value),
      );
    }
  });
});

describe('Redis settings', () => {
  it('are off without REDIS_URL, and read REDIS_URL and MIDAD_REDIS_OPTIONAL', () => {
    assert.deepEqual([loadConfig({}).redisUrl, loadConfig({}).redisOptional], [null, false]);
    const config = loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379', MIDAD_REDIS_OPTIONAL: '1' });
    assert.deepEqual([config.redisUrl, config.redisOptional], ['redis://127.0.0.1:6379', true]);
  });
});

describe('client timeouts', () => {
  it('default to 10 s for headers and 120 s for a whole request, and are read from the environment', () => {
    assert.deepEqual(loadConfig({}).timeouts, { headers: 10, request: 120 });
    const config = loadConfig({ MIDAD_HEADERS_TIMEOUT: '5', MIDAD_REQUEST_TIMEOUT: '600' });
    assert.deepEqual(config.timeouts, { headers: 5, request: 600 });
  });

  it('refuse zero, and a headers limit longer than the request limit', () => {
    for (const env of [
      { MIDAD_HEADERS_TIMEOUT: '0' },
      { MIDAD_REQUEST_TIMEOUT: '0' },
      { MIDAD_HEADERS_TIMEOUT: '60', MIDAD_REQUEST_TIMEOUT: '30' },
      { MIDAD_REQUEST_TIMEOUT: 'soon' },
    ]) {
      assert.throws(() => loadConfig(env), SetupError, JSON.stringify(env));
    }
  });
});
