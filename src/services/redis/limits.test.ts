// Rate limits and sign-in throttles through a real Redis: counts shared by every process, and
// local counts when Redis is gone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testRedis, uniqueName } from '../../../test/support/redis.ts';
import { SetupError } from '../../core/errors.ts';
import { connectRedis, type RedisClient } from './client.ts';
import { redisFailureThrottle, redisRateLimiter } from './limits.ts';

const found = await testRedis();
const skip = 'skip' in found ? found.skip : false;
let a: RedisClient;
let b: RedisClient;

before(async () => {
  if ('client' in found) {
    a = found.client;
    b = a.duplicate();
    await b.connect();
  }
});
after(() => {
  a?.disconnect();
  b?.disconnect();
});

describe('Redis rate limits', { skip }, () => {
  it('share one budget between processes', async () => {
    const name = uniqueName('comments');
    const one = redisRateLimiter(a, name, 3, 60_000);
    const two = redisRateLimiter(b, name, 3, 60_000);
    const now = Date.now();
    const results = [
      await one.hit('ip-1', now),
      await two.hit('ip-1', now),
      await one.hit('ip-1', now),
      await two.hit('ip-1', now),
    ];
    assert.deepEqual(results, [true, true, true, false]);
    assert.equal(await one.hit('ip-2', now), true, 'another key has its own budget');
    assert.equal(await one.hit('ip-1', now + 60_000), true, 'a new window starts afresh');
  });

  it('throttle sign-in failures across processes, and forget them on success', async () => {
    const name = uniqueName('signin');
    const one = redisFailureThrottle(a, name, 2, 60_000);
    const two = redisFailureThrottle(b, name, 2, 60_000);
    const now = Date.now();
    await one.fail('awa@example.org', now);
    assert.equal(await two.isBlocked('awa@example.org', now), false);
    await two.fail('awa@example.org', now);
    assert.equal(await one.isBlocked('awa@example.org', now), true);
    assert.equal(await one.isBlocked('awa@example.org', now + 61_000), false, 'old failures age out');
    await one.reset('awa@example.org');
    assert.equal(await two.isBlocked('awa@example.org', now), false);
  });

  it('fall back to local counts while Redis does not answer', async () => {
    const gone = a.duplicate();
    gone.on('error', () => {});
    gone.disconnect();
    const fallbacks: unknown[] = [];
    const limiter = redisRateLimiter(gone, uniqueName('down'), 1, 60_000, (err) => fallbacks.push(err));
    assert.equal(await limiter.hit('ip', 1000), true);
    assert.equal(await limiter.hit('ip', 1000), false, 'still limited, by this process alone');
    assert.ok(fallbacks.length >= 2);
  });
});

describe('connecting', () => {
  it('names the address when Redis cannot be reached, and refuses a wrong URL', async () => {
    await assert.rejects(connectRedis('redis://127.0.0.1:1', { timeoutMs: 500 }), (err: Error) => {
      assert.ok(err instanceof SetupError);
      assert.match(err.message, /127\.0\.0\.1:1/);
      return true;
    });
    await assert.rejects(connectRedis('http://127.0.0.1:6379'), /must start with redis:\/\//);
  });
});
