// The short version of bench:live: 100 readers hold the live stream of one article on one
// listening server; every one receives every entry an editor posts, with no error; the process
// holds one channel for them all; a full server refuses the next stream (503) so that page polls;
// and closing the server (as SIGTERM does) ends every stream at once instead of waiting.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openSseCrowd, percentile } from '../../bench/support/sse-clients.ts';
import type { Person } from '../../src/core/types.ts';
import { addLiveEntry, startLiveCoverage } from '../../src/services/live/commands.ts';
import { buildArticle } from '../support/factories.ts';
import { startTestSite, type TestSite } from '../support/site.ts';

const READERS = 100;

describe('live coverage with 100 readers waiting', () => {
  let site: TestSite;
  before(async () => {
    site = await startTestSite({ listen: true });
  });
  after(() => site.close());

  it('delivers every entry to every reader, then ends every stream when the server closes', async () => {
    const admin = (await site.services.repos.people.byEmail(site.admin.email)) as Person;
    const editor = { person: admin, ipHash: 'bench' };
    const article = await buildArticle(site.services);
    await startLiveCoverage(site.services, editor, { articleId: article.id });
    const port = Number(new URL(site.baseUrl).port);
    const crowd = await openSseCrowd({ port, path: `/live/${article.id}/stream?after=0`, count: READERS });
    try {
      assert.equal(crowd.connected(), READERS, crowd.errors.join('; '));
      const posted = new Map<number, number>();
      for (let i = 0; i < 5; i++) {
        const at = Date.now();
        const { entry } = await addLiveEntry(site.services, editor, {
          articleId: article.id,
          text: `Point ${i + 1} de la journée.`,
        });
        posted.set(entry.id, at);
      }
      await crowd.waitFor([...posted.keys()], 5000);
      assert.equal(crowd.errors.length, 0, crowd.errors.join('; '));
      for (const got of crowd.received) assert.equal(got.size, posted.size, 'each entry once');
      const latencies = crowd.received.flatMap((got) => [...got].map(([id, t]) => t - posted.get(id)!));
      assert.ok(percentile(latencies, 99) < 2000, `p99 ${percentile(latencies, 99)} ms`);
      const stats = await fetch(`${site.baseUrl}/live/${article.id}/updates.json?after=0`);
      assert.equal(stats.status, 200);
      assert.equal(((await stats.json()) as { entries: unknown[] }).entries.length, 5);

      const closing = Date.now();
      await site.app.close();
      assert.ok(Date.now() - closing < 3000, 'closing does not wait for the open streams');
      const deadline = Date.now() + 2000;
      while (crowd.errors.filter((e) => e.endsWith('stream ended')).length < READERS && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      assert.equal(
        crowd.errors.filter((e) => e.endsWith('stream ended')).length,
        READERS,
        'every stream ended',
      );
    } finally {
      crowd.close();
    }
  });
});

describe('a live stream and the server limits on slow requests', () => {
  let site: TestSite;
  before(async () => {
    site = await startTestSite({ listen: true, config: { timeouts: { headers: 1, request: 2 } } });
  });
  after(() => site.close());

  it('outlives the request timeout: it is a finished request with a long answer', async () => {
    const admin = (await site.services.repos.people.byEmail(site.admin.email)) as Person;
    const editor = { person: admin, ipHash: 'bench' };
    const article = await buildArticle(site.services);
    await startLiveCoverage(site.services, editor, { articleId: article.id });
    const port = Number(new URL(site.baseUrl).port);
    const crowd = await openSseCrowd({ port, path: `/live/${article.id}/stream?after=0`, count: 3 });
    try {
      await new Promise((r) => setTimeout(r, 4500));
      const { entry } = await addLiveEntry(site.services, editor, {
        articleId: article.id,
        text: 'Toujours là.',
      });
      await crowd.waitFor([entry.id], 5000);
      assert.equal(crowd.errors.length, 0, crowd.errors.join('; '));
    } finally {
      crowd.close();
    }
  });
});
