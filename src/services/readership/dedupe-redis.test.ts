// The reload window shared by several processes through a real Redis: one day's salt for all,
// a reader seen by one process is a repeat for the other, and nothing but expiring keys is left.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testRedis } from '../../../test/support/redis.ts';
import type { RedisClient } from '../redis/client.ts';
import { redisSeenWindow } from './dedupe.ts';

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

describe('reload window through Redis', { skip }, () => {
  it('is shared by processes, and its keys expire with the window and the salt with two days', async () => {
    const failures: unknown[] = [];
    const one = redisSeenWindow(a, 60_000, (err) => failures.push(err));
    const two = redisSeenWindow(b, 60_000, (err) => failures.push(err));
    const now = Date.now();
    const address = `192.0.2.${Math.floor(Math.random() * 250)}`;
    const page = `a${now}`;
    assert.equal(await one.firstSight(address, 'UA', page, now), true);
    assert.equal(await two.firstSight(address, 'UA', page, now + 1000), false);
    assert.equal(await two.firstSight(address, 'other UA', page, now + 1000), true);
    assert.deepEqual(failures, []);
    const day = new Date(now).toISOString().slice(0, 10);
    const saltTtl = await a.ttl(`midad:readership:salt:${day}`);
    assert.ok(saltTtl > 0 && saltTtl <= 2 * 86_400, `salt ttl ${saltTtl}`);
    const keys = await a.keys('midad:readership:seen:*');
    assert.ok(keys.length >= 2);
    for (const key of keys.slice(0, 5)) {
      const ttl = await a.pttl(key);
      assert.ok(ttl > 0 && ttl <= 60_000, `${key} ttl ${ttl}`);
    }
  });
});
