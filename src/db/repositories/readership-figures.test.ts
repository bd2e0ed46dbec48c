// Newsroom readership figures on every engine, from rows written straight into the tables of
// migration 012_readership: per day, language, device and referrer; per article, section and
// author; the first day's reads; and nothing from outside the period.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { CompiledQuery, KyselyPlugin } from 'kysely';
import { forEachEngine } from '../test-databases.ts';
import { useDatabase } from '../test-fixtures.ts';
import { createReadershipFiguresRepository } from './readership-figures.ts';

const DEC = { from: '2026-12-01', to: '2026-12-03' };

await forEachEngine((engine) => {
  describe('readership figures', () => {
    const { db, r } = useDatabase(engine);
    let culture: number;
    let sport: number;
    let aminata: number;
    let moussa: number;
    let festival: number;
    let match: number;
    let shared: number;

    before(async () => {
      culture = (
        await r().sections.create({ slug: 'culture', names: { ar: 'ثقافة', fr: 'Culture', en: 'Culture' } })
      ).id;
      sport = (await r().sections.create({ slug: 'sport', names: { ar: 'رياضة', fr: 'Sport', en: 'Sport' } }))
        .id;
      const person = (slug: string, name: string) =>
        r().people.create({ email: `${slug}@midad.example`, name, slug, role: 'author' });
      aminata = (await person('aminata', 'Aminata')).id;
      moussa = (await person('moussa', 'Moussa')).id;
      const article = async (
        slug: string,
        lang: 'ar' | 'fr',
        sectionId: number | null,
        authorIds: number[],
      ) =>
        (
          await r().articles.create({
            lang,
            status: 'published',
            title: `title ${slug}`,
            slug,
            sectionId,
            authorIds,
            publishedAt: '2026-12-01T09:30:00.000Z',
          })
        ).id;
      festival = await article('festival', 'ar', culture, [aminata]);
      match = await article('match', 'fr', sport, [moussa]);
      shared = await article('shared', 'ar', null, [aminata, moussa]);

      const k = db().kysely;
      await k
        .insertInto('readership_hours')
        .values([
          // Outside the period on both sides: never counted.
          { article_id: festival, hour: '2026-11-30T23', lang: 'ar', views: 1000 },
          { article_id: festival, hour: '2026-12-04T00', lang: 'ar', views: 1000 },
          { article_id: festival, hour: '2026-12-01T09', lang: 'ar', views: 5 },
          { article_id: festival, hour: '2026-12-01T23', lang: 'ar', views: 7 },
          { article_id: festival, hour: '2026-12-02T09', lang: 'ar', views: 4 },
          { article_id: festival, hour: '2026-12-02T10', lang: 'ar', views: 20 },
          { article_id: match, hour: '2026-12-01T12', lang: 'fr', views: 3 },
          { article_id: match, hour: '2026-12-03T00', lang: 'fr', views: 9 },
          { article_id: shared, hour: '2026-12-03T05', lang: 'ar', views: 2 },
          // Home and listing pages: in the site's totals, never an article.
          { article_id: 0, hour: '2026-12-01T10', lang: 'ar', views: 50 },
          { article_id: 0, hour: '2026-12-03T10', lang: 'en', views: 6 },
          // A deleted article: in the totals, not in any list of articles.
          { article_id: 999, hour: '2026-12-02T10', lang: 'ar', views: 8 },
        ])
        .execute();
      await k
        .insertInto('readership_referrers')
        .values([
          { article_id: festival, day: '2026-12-01', domain: '', views: 10 },
          { article_id: festival, day: '2026-12-02', domain: 'facebook.com', views: 20 },
          { article_id: festival, day: '2026-11-30', domain: 'facebook.com', views: 500 },
          { article_id: match, day: '2026-12-01', domain: 'facebook.com', views: 1 },
          { article_id: match, day: '2026-12-03', domain: 'news.google.com', views: 11 },
          { article_id: 0, day: '2026-12-01', domain: 't.co', views: 4 },
        ])
        .execute();
      await k
        .insertInto('readership_devices')
        .values([
          { article_id: festival, day: '2026-12-01', device: 'phone', views: 30 },
          { article_id: festival, day: '2026-12-02', device: 'desktop', views: 6 },
          { article_id: match, day: '2026-12-03', device: 'phone', views: 12 },
          { article_id: match, day: '2026-12-05', device: 'tablet', views: 99 },
          { article_id: 0, day: '2026-12-01', device: 'tablet', views: 2 },
        ])
        .execute();
    });

    it('adds up the whole site by day, language and device, within the period only', async () => {
      const f = r().readershipFigures;
      assert.deepEqual(await f.viewsByDay(DEC), [
        { day: '2026-12-01', views: 5 + 7 + 3 + 50 },
        { day: '2026-12-02', views: 4 + 20 + 8 },
        { day: '2026-12-03', views: 9 + 2 + 6 },
      ]);
      assert.deepEqual(await f.viewsByLanguage(DEC), [
        { lang: 'ar', views: 5 + 7 + 4 + 20 + 2 + 50 + 8 },
        { lang: 'fr', views: 12 },
        { lang: 'en', views: 6 },
      ]);
      assert.deepEqual(await f.viewsByDevice(DEC), [
        { device: 'phone', views: 42 },
        { device: 'desktop', views: 6 },
        { device: 'tablet', views: 2 },
      ]);
      assert.deepEqual(await f.referrers(DEC, {}, 10), [
        { domain: 'facebook.com', views: 21 },
        { domain: 'news.google.com', views: 11 },
        { domain: '', views: 10 },
        { domain: 't.co', views: 4 },
      ]);
      assert.deepEqual(await f.referrers(DEC, {}, 1), [{ domain: 'facebook.com', views: 21 }]);
    });

    it("gives one article's days, referrers and first-24-hour reads", async () => {
      const f = r().readershipFigures;
      assert.deepEqual(await f.viewsByDay(DEC, { articleId: festival }), [
        { day: '2026-12-01', views: 12 },
        { day: '2026-12-02', views: 24 },
      ]);
      assert.deepEqual(await f.referrers(DEC, { articleId: festival }, 10), [
        { domain: 'facebook.com', views: 20 },
        { domain: '', views: 10 },
      ]);
      assert.deepEqual(await f.viewsByDevice(DEC, { articleId: match }), [{ device: 'phone', views: 12 }]);
      // Published 09:30 on 1 December: the hours 09 of the 1st up to (not including) 09 of the 2nd.
      assert.equal(await f.viewsBetweenHours(festival, '2026-12-01T09', '2026-12-02T09'), 12);
      assert.equal(await f.viewsBetweenHours(festival, '2026-12-01T10', '2026-12-02T10'), 7 + 4);
      assert.equal(await f.viewsBetweenHours(match, '2027-01-01T00', '2027-01-02T00'), 0);
    });

    it('ranks articles, sections and authors; an article with two authors counts for each', async () => {
      const f = r().readershipFigures;
      assert.deepEqual(await f.topArticles(DEC, {}, 10), [
        { articleId: festival, title: 'title festival', lang: 'ar', sectionId: culture, views: 36 },
        { articleId: match, title: 'title match', lang: 'fr', sectionId: sport, views: 12 },
        { articleId: shared, title: 'title shared', lang: 'ar', sectionId: null, views: 2 },
      ]);
      assert.deepEqual(
        (await f.topArticles(DEC, { authorId: moussa }, 10)).map((a) => [a.articleId, a.views]),
        [
          [match, 12],
          [shared, 2],
        ],
      );
      assert.deepEqual(
        (await f.topArticles(DEC, { sectionId: culture }, 10)).map((a) => a.articleId),
        [festival],
      );
      assert.deepEqual(await f.viewsBySection(DEC), [
        { sectionId: culture, views: 36 },
        { sectionId: sport, views: 12 },
        { sectionId: null, views: 2 },
      ]);
      assert.deepEqual(await f.viewsByAuthor(DEC, 10), [
        { personId: aminata, name: 'Aminata', views: 38 },
        { personId: moussa, name: 'Moussa', views: 14 },
      ]);
      assert.deepEqual(await f.viewsByDay(DEC, { authorId: aminata }), [
        { day: '2026-12-01', views: 12 },
        { day: '2026-12-02', views: 24 },
        { day: '2026-12-03', views: 2 },
      ]);
      assert.deepEqual(await f.viewsByDay(DEC, { sectionId: sport }), [
        { day: '2026-12-01', views: 3 },
        { day: '2026-12-03', views: 9 },
      ]);
      assert.deepEqual(await f.referrers(DEC, { sectionId: sport }, 10), [
        { domain: 'news.google.com', views: 11 },
        { domain: 'facebook.com', views: 1 },
      ]);
    });

    it('reads every figure through an index, never a scan of a whole readership table (SQLite plan)', async (t) => {
      if (engine.dialect !== 'sqlite') return t.skip('query plans are checked on SQLite');
      const seen: CompiledQuery[] = [];
      const k = db().kysely;
      const recorder: KyselyPlugin = {
        transformQuery: (args) => {
          seen.push(k.getExecutor().compileQuery(args.node, args.queryId));
          return args.node;
        },
        transformResult: async (args) => args.result,
      };
      const f = createReadershipFiguresRepository(k.withPlugin(recorder));
      for (const scope of [{}, { articleId: festival }, { sectionId: culture }, { authorId: moussa }]) {
        await f.viewsByDay(DEC, scope);
        await f.viewsByLanguage(DEC, scope);
        await f.viewsByDevice(DEC, scope);
        await f.referrers(DEC, scope, 10);
        await f.topArticles(DEC, scope, 10);
      }
      await f.viewsBySection(DEC);
      await f.viewsByAuthor(DEC, 10);
      await f.viewsBetweenHours(festival, '2026-12-01T09', '2026-12-02T09');
      assert.ok(seen.length >= 23);
      for (const query of seen) {
        const { rows } = await k.executeQuery<{ detail: string }>({
          ...query,
          sql: `EXPLAIN QUERY PLAN ${query.sql}`,
        });
        const scans = rows.map((r) => r.detail).filter((d) => /^SCAN readership_/.test(d));
        assert.deepEqual(scans, [], query.sql);
      }
    });

    it('answers empty lists for a period without reads', async () => {
      const f = r().readershipFigures;
      const empty = { from: '2025-01-01', to: '2025-01-31' };
      assert.deepEqual(await f.viewsByDay(empty), []);
      assert.deepEqual(await f.topArticles(empty, {}, 5), []);
      assert.deepEqual(await f.viewsByAuthor(empty, 5), []);
      assert.deepEqual(await f.referrers(empty, { articleId: festival }, 5), []);
    });
  });
});
