// Two worker processes' worth of servers on one database and one Redis: a reader's event stream
// is held by worker A, the editor's entry is added through worker B. Nothing in A hears of the
// change but the page cache's eviction that B publishes on the Redis bus; A's broadcaster wakes
// on it and the reader gets the entry. The cached JSON on A is evicted the same way.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { openSseCrowd } from '../../bench/support/sse-clients.ts';
import { loadConfig } from '../../src/config.ts';
import type { Person } from '../../src/core/types.ts';
import type { Services } from '../../src/services/context.ts';
import { openServices } from '../../src/services/context.ts';
import { addLiveEntry, startLiveCoverage } from '../../src/services/live/commands.ts';
import type { RedisClient } from '../../src/services/redis/client.ts';
import { initializeSite } from '../../src/services/setup.ts';
import { addStaff } from '../../src/services/staff.ts';
import { buildApp } from '../../src/web/app.ts';
import type { CacheBus } from '../../src/web/cache/bus.ts';
import { redisCacheBus } from '../../src/web/cache/redis-bus.ts';
import { buildArticle } from '../support/factories.ts';
import { testRedis, uniqueName } from '../support/redis.ts';

let skip: string | undefined;
let redisA: RedisClient | null = null;
let redisB: RedisClient | null = null;
let servicesA: Services;
let servicesB: Services;
let appA: FastifyInstance;
let appB: FastifyInstance;
const buses: CacheBus[] = [];
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-live-workers-'));

before(async () => {
  const redis = await testRedis();
  if ('skip' in redis) {
    skip = redis.skip;
    return;
  }
  redisA = redis.client;
  redisB = redisA.duplicate();
  await redisB.connect();
  const config = loadConfig({}, { dataDir, logLevel: 'silent', mail: null });
  servicesA = await openServices(config);
  await initializeSite(servicesA, { demo: true });
  servicesB = await openServices(config);
  const channel = uniqueName('live-workers');
  buses.push(await redisCacheBus(redisA, { channel }), await redisCacheBus(redisB, { channel }));
  appA = await buildApp({ services: servicesA, logger: false, cacheBus: buses[0] });
  appB = await buildApp({ services: servicesB, logger: false, cacheBus: buses[1] });
  await appA.listen({ port: 0, host: '127.0.0.1' });
});
after(async () => {
  await appA?.close();
  await appB?.close();
  await servicesA?.close();
  await servicesB?.close();
  for (const bus of buses) await bus.close();
  redisA?.disconnect();
  redisB?.disconnect();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('live coverage across worker processes', () => {
  it('reaches a reader on worker A with an entry added through worker B', async (t) => {
    if (!redisA) return t.skip(skip);
    await addStaff(servicesB, {
      email: 'desk@workers.example',
      name: 'Desk',
      role: 'editor',
      password: 'kano market morning 2026',
    });
    const editor = {
      person: (await servicesB.repos.people.byEmail('desk@workers.example')) as Person,
      ipHash: 'w',
    };
    const article = await buildArticle(servicesB);
    await startLiveCoverage(servicesB, editor, { articleId: article.id });
    const port = (appA.server.address() as { port: number }).port;

    const jsonUrl = `/live/${article.id}/updates.json?after=0`;
    const before = await appA.inject(jsonUrl);
    assert.equal(before.statusCode, 200);
    assert.equal((await appA.inject(jsonUrl)).headers['x-cache'], 'HIT', 'worker A keeps the JSON');

    const crowd = await openSseCrowd({ port, path: `/live/${article.id}/stream?after=0`, count: 3 });
    try {
      assert.equal(crowd.connected(), 3, crowd.errors.join('; '));
      // Only worker B's services hear of this change.
      const { entry } = await addLiveEntry(servicesB, editor, {
        articleId: article.id,
        text: 'Depuis le marché de Kano.',
      });
      await crowd.waitFor([entry.id], 5000);
      assert.equal(crowd.errors.length, 0, crowd.errors.join('; '));
      const afterEntry = await appA.inject(jsonUrl);
      assert.notEqual(afterEntry.headers['x-cache'], 'HIT', "B's eviction reached A's cache");
      assert.match(afterEntry.body, /Depuis le marché de Kano\./);
    } finally {
      crowd.close();
    }
  });
});
