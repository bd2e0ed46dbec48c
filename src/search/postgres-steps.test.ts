// PostgreSQL looks for the newest matches a few blocks of ids at a time and stops once the
// newest blocks hold a page's worth (postgres-match.ts): the older matches are then neither
// ranked nor counted (the total is estimated), while a filter that the newest matches do not
// satisfy still reaches the old ones.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Db } from '../db/connect.ts';
import { forEachEngine } from '../db/test-databases.ts';
import { MAX_RANKED, createSearchIndex } from './search-index.ts';

const NOW = new Date('2026-11-29T08:00:00.000Z');
/** Ids far apart: the newest sit many blocks of 4,096 ids above the old ones. */
const NEWEST_FROM = 60_000;
const NEWEST = MAX_RANKED + 20;
const OLD = 5;

await forEachEngine((engine) => {
  if (engine.dialect !== 'postgres') return;
  describe('the newest blocks of ids hold a page of matches', () => {
    let db: Db;
    let archive: number;
    const search = (text: string, filters: { sectionIds?: number[] } = {}) =>
      createSearchIndex(db.kysely, engine.dialect).search({
        text,
        lang: 'ar',
        ...filters,
        sort: 'relevance',
        limit: 10,
        offset: 0,
        now: NOW,
      });

    before(async () => {
      db = await engine.fresh();
      ({ id: archive } = await db.kysely
        .insertInto('sections')
        .values({ slug: 'archive', name_ar: 'أرشيف', name_fr: 'Archives', name_en: 'Archive', position: 0 })
        .returning('id')
        .executeTakeFirstOrThrow());
      const article = (id: number, old: boolean) => {
        const at = new Date(NOW.getTime() - (old ? 400 : 1) * 86_400_000 + id * 1000).toISOString();
        return {
          id,
          lang: 'ar',
          status: 'published',
          title: old ? `حصاد التمور القديم ${id}` : `حصاد التمور في الواحات ${id}`,
          slug: `harvest-${id}`,
          body_html: '<p>موسم حصاد التمور في واحات الشمال.</p>',
          section_id: old ? archive : null,
          published_at: at,
          created_at: at,
          updated_at: at,
        };
      };
      const rows = [
        ...Array.from({ length: OLD }, (_, i) => article(i + 1, true)),
        ...Array.from({ length: NEWEST }, (_, i) => article(NEWEST_FROM + i, false)),
      ];
      for (let i = 0; i < rows.length; i += 200) {
        await db.kysely
          .insertInto('articles')
          .values(rows.slice(i, i + 200))
          .execute();
      }
      await createSearchIndex(db.kysely, engine.dialect).rebuild();
    });

    it('ranks the newest blocks only and estimates the total', async () => {
      const result = await search('التمور');
      assert.equal(result.estimated, true);
      assert.equal(result.hits.length, 10);
      assert.ok(
        result.hits.every((h) => h.id >= NEWEST_FROM),
        'no old match ranked',
      );
      // The newest blocks' share of the ids stands for the rest: about as many matches again.
      assert.ok(result.total >= NEWEST, `at least ${NEWEST}, got ${result.total}`);
    });

    it('still reaches the old matches a filter asks for, counted exactly', async () => {
      const result = await search('التمور', { sectionIds: [archive] });
      assert.equal(result.estimated, false);
      assert.equal(result.total, OLD);
      assert.deepEqual(
        result.hits.map((h) => h.id).sort((a, b) => a - b),
        [1, 2, 3, 4, 5],
      );
    });
  });
});
