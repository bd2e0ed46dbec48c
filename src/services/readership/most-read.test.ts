// The most-read list is read from the counts once per memo period, however many pages ask for it
// at once, and a failed reading is not kept.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Repositories } from '../../db/repositories/index.ts';
import { forEachEngine } from '../../db/test-databases.ts';
import { useDatabase } from '../../db/test-fixtures.ts';
import { loadMostRead } from './most-read.ts';

const NOW = Date.parse('2026-12-04T12:30:00.000Z');

await forEachEngine((engine) => {
  describe('most-read memo', () => {
    const { r } = useDatabase(engine);

    /** The real repositories, with the most-read query counted and, when asked, failing. */
    const counted = (fail = false) => {
      const repos = r();
      const state = { readings: 0 };
      const readership = {
        ...repos.readership,
        mostRead: async (q: Parameters<Repositories['readership']['mostRead']>[0]) => {
          state.readings++;
          if (fail) throw new Error('the database is away');
          return repos.readership.mostRead(q);
        },
      };
      return { services: { repos: { ...repos, readership } as Repositories }, state };
    };

    it('reads the counts once for all the pages that find the memo stale together', async () => {
      const a = await r().articles.create({
        lang: 'ar',
        status: 'published',
        title: 'مقروء',
        slug: 'maqru',
        publishedAt: '2026-12-01T00:00:00.000Z',
      });
      await r().readership.add({
        hours: [{ articleId: a.id, hour: '2026-12-04T12', lang: 'ar', views: 9 }],
        referrers: [],
        devices: [],
      });
      const { services, state } = counted();
      const lists = await Promise.all(Array.from({ length: 20 }, () => loadMostRead(services, 'ar', NOW)));
      for (const list of lists)
        assert.deepEqual(
          list.map((x) => x.id),
          [a.id],
        );
      // Fewer than three in the last day: the list is read again over seven days, once.
      assert.equal(state.readings, 2);
      await loadMostRead(services, 'ar', NOW + 10_000);
      assert.equal(state.readings, 2, 'within the memo period nothing is read again');
      await loadMostRead(services, 'ar', NOW + 31_000);
      assert.equal(state.readings, 4, 'after it, once more');
    });

    it('does not keep a failed reading', async () => {
      const failing = counted(true);
      const asked = Array.from({ length: 5 }, () => loadMostRead(failing.services, 'fr', NOW));
      for (const result of await Promise.allSettled(asked)) assert.equal(result.status, 'rejected');
      assert.equal(failing.state.readings, 1);
      const working = counted();
      // The same memo (keyed by the services object) would otherwise answer with the failure.
      const services = failing.services;
      (services.repos as { readership: Repositories['readership'] }).readership =
        working.services.repos.readership;
      assert.deepEqual(await loadMostRead(services, 'fr', NOW + 1_000), []);
      assert.equal(working.state.readings, 2);
    });
  });
});
