// Readership counts on every engine: upserts add, only live articles count, most-read order.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachEngine } from '../test-databases.ts';
import { FUTURE, useDatabase } from '../test-fixtures.ts';

const NOW = '2026-12-04T12:30:00.000Z';

await forEachEngine((engine) => {
  describe('readership', () => {
    const { r, db } = useDatabase(engine);

    it('adds each batch to the stored counts instead of replacing them', async () => {
      const batch = {
        hours: [
          { articleId: 7, hour: '2026-12-04T12', lang: 'ar', views: 3 },
          { articleId: 0, hour: '2026-12-04T12', lang: 'fr', views: 1 },
        ],
        referrers: [{ articleId: 7, day: '2026-12-04', domain: 'example.org', views: 2 }],
        devices: [{ articleId: 7, day: '2026-12-04', device: 'phone' as const, views: 3 }],
      };
      await r().readership.add(batch);
      await r().readership.add(batch);
      await r().readership.add({ hours: [], referrers: [], devices: [] });
      const hours = await db()
        .kysely.selectFrom('readership_hours')
        .selectAll()
        .orderBy('article_id')
        .execute();
      assert.deepEqual(hours, [
        { article_id: 0, hour: '2026-12-04T12', lang: 'fr', views: 2 },
        { article_id: 7, hour: '2026-12-04T12', lang: 'ar', views: 6 },
      ]);
      const refs = await db().kysely.selectFrom('readership_referrers').selectAll().execute();
      assert.deepEqual(refs, [{ article_id: 7, day: '2026-12-04', domain: 'example.org', views: 4 }]);
      const devices = await db().kysely.selectFrom('readership_devices').selectAll().execute();
      assert.deepEqual(devices, [{ article_id: 7, day: '2026-12-04', device: 'phone', views: 6 }]);
    });

    it('adds batches larger than one statement', async () => {
      const hours = Array.from({ length: 450 }, (_, i) => ({
        articleId: 1000 + i,
        hour: '2026-12-01T08',
        lang: 'en',
        views: 1,
      }));
      await r().readership.add({ hours, referrers: [], devices: [] });
      const row = await db()
        .kysely.selectFrom('readership_hours')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('hour', '=', '2026-12-01T08')
        .executeTakeFirstOrThrow();
      assert.equal(Number(row.n), 450);
    });

    it('names only the live articles among ids, and lists them by views in their language', async () => {
      const mk = (title: string, lang: 'ar' | 'fr', status: 'published' | 'draft', publishedAt?: string) =>
        r().articles.create({ lang, status, title, slug: title, ...(publishedAt ? { publishedAt } : {}) });
      const a = await mk('a', 'ar', 'published', '2026-12-01T00:00:00.000Z');
      const b = await mk('b', 'ar', 'published', '2026-12-01T00:00:00.000Z');
      const c = await mk('c', 'fr', 'published', '2026-12-01T00:00:00.000Z');
      const draft = await mk('d', 'ar', 'draft');
      const later = await mk('e', 'ar', 'published', FUTURE);

      const live = await r().readership.liveArticleLangs(
        [a.id, b.id, c.id, draft.id, later.id, 987654, -1],
        NOW,
      );
      assert.deepEqual(
        [...live.entries()].sort((x, y) => x[0] - y[0]),
        [
          [a.id, 'ar'],
          [b.id, 'ar'],
          [c.id, 'fr'],
        ],
      );

      await r().readership.add({
        hours: [
          { articleId: a.id, hour: '2026-12-04T10', lang: 'ar', views: 2 },
          { articleId: b.id, hour: '2026-12-04T11', lang: 'ar', views: 5 },
          { articleId: a.id, hour: '2026-12-04T12', lang: 'ar', views: 1 },
          { articleId: a.id, hour: '2026-12-02T12', lang: 'ar', views: 40 },
          { articleId: c.id, hour: '2026-12-04T12', lang: 'fr', views: 9 },
          { articleId: draft.id, hour: '2026-12-04T12', lang: 'ar', views: 99 },
          { articleId: later.id, hour: '2026-12-04T12', lang: 'ar', views: 99 },
        ],
        referrers: [],
        devices: [],
      });
      assert.deepEqual(
        await r().readership.mostRead({ lang: 'ar', sinceHour: '2026-12-03T12', now: NOW, limit: 5 }),
        [
          { articleId: b.id, views: 5 },
          { articleId: a.id, views: 3 },
        ],
      );
      assert.deepEqual(
        await r().readership.mostRead({ lang: 'ar', sinceHour: '2026-11-27T12', now: NOW, limit: 1 }),
        [{ articleId: a.id, views: 43 }],
      );
      assert.deepEqual(
        await r().readership.mostRead({ lang: 'fr', sinceHour: '2026-12-03T12', now: NOW, limit: 5 }),
        [{ articleId: c.id, views: 9 }],
      );
    });
  });
});
