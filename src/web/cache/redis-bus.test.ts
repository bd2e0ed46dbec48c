// The Redis invalidation bus between two processes' worth of connections: what one publishes
// the other applies, nobody applies its own twice, and foreign or malformed messages are ignored.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testRedis, uniqueName } from '../../../test/support/redis.ts';
import type { RedisClient } from '../../services/redis/client.ts';
import type { CacheBus } from './bus.ts';
import { redisCacheBus } from './redis-bus.ts';
import type { Invalidation } from './store.ts';

let a: RedisClient | null = null;
let b: RedisClient | null = null;
let skip: string | undefined;

before(async () => {
  const first = await testRedis();
  if ('skip' in first) {
    skip = first.skip;
    return;
  }
  a = first.client;
  // A second connection, as a second process would have.
  b = a.duplicate();
  await b.connect();
});
after(() => {
  a?.disconnect();
  b?.disconnect();
});

/** Waits until `seen` has `n` entries (pub/sub delivery is asynchronous). */
async function until(seen: unknown[], n: number): Promise<void> {
  for (let i = 0; i < 100 && seen.length < n; i++) await new Promise((r) => setTimeout(r, 20));
}

describe('Redis cache bus', () => {
  it('carries invalidations to the other processes, once each', async (t) => {
    if (!a || !b) return t.skip(skip);
    const channel = uniqueName('cache');
    const one: CacheBus = await redisCacheBus(a, { channel });
    const two: CacheBus = await redisCacheBus(b, { channel });
    const other: CacheBus = await redisCacheBus(b, { channel: uniqueName('other-site') });
    const seenOne: Invalidation[] = [];
    const seenTwo: Invalidation[] = [];
    const seenOther: Invalidation[] = [];
    one.subscribe((i) => seenOne.push(i));
    two.subscribe((i) => seenTwo.push(i));
    other.subscribe((i) => seenOther.push(i));
    try {
      await one.publish({ tags: ['article:12', 'home:ar'], drop: true });
      assert.deepEqual(seenOne, [{ tags: ['article:12', 'home:ar'], drop: true }], 'applied here at once');
      await until(seenTwo, 1);
      assert.deepEqual(seenTwo, [{ tags: ['article:12', 'home:ar'], drop: true }]);
      await two.publish({ all: true });
      await until(seenOne, 2);
      assert.deepEqual(seenOne.at(-1), { all: true });
      await a.publish(`${channel}`, 'not json');
      await a.publish(`${channel}`, JSON.stringify({ origin: 'x', invalidation: { tags: [1, 2] } }));
      await new Promise((r) => setTimeout(r, 100));
      assert.equal(seenOne.length, 2, 'malformed messages are ignored');
      assert.equal(seenTwo.length, 2, 'its own message is not applied twice');
      assert.deepEqual(seenOther, [], 'another site on the same Redis hears nothing');
    } finally {
      await Promise.all([one.close(), two.close(), other.close()]);
    }
  });

  it('still applies locally, and says so, when Redis refuses the message', async (t) => {
    if (!a) return t.skip(skip);
    const gone = a.duplicate();
    gone.on('error', () => {});
    const errors: unknown[] = [];
    const bus = await redisCacheBus(gone, { channel: uniqueName('down'), onError: (e) => errors.push(e) });
    gone.disconnect();
    const seen: Invalidation[] = [];
    bus.subscribe((i) => seen.push(i));
    try {
      await bus.publish({ tags: ['feed'] });
      assert.deepEqual(seen, [{ tags: ['feed'] }]);
      assert.equal(errors.length, 1);
    } finally {
      await bus.close();
    }
  });
});
