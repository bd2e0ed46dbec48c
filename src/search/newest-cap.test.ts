// A word found in more articles than RANKED_CANDIDATES: relevance is ranked among the newest
// matches and the total is estimated, while a filter that the newest matches do not satisfy
// still finds its articles (every match is ranked then).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Db } from '../db/connect.ts';
import { forEachEngine } from '../db/test-databases.ts';
import { createSearchIndex } from './search-index.ts';
import { RANKED_CANDIDATES } from './newest.ts';

const COMMON = RANKED_CANDIDATES + 300;
const NOW = new Date('2026-11-29T08:00:00.000Z');

await forEachEngine((engine) => {
  describe('a very common word on a big site', () => {
    /** One relevance-sorted first page for an Arabic query, as the reader's search asks. */
    const newest = (text: string, filters: { sectionIds?: number[] } = {}) =>
      createSearchIndex(db.kysely, engine.dialect).search({
        text,
        lang: 'ar',
        ...filters,
        sort: 'relevance',
        limit: 10,
        offset: 0,
        now: NOW,
      });
    let db: Db;
    before(async () => {
      db = await engine.fresh();
      const { id: sectionId } = await db.kysely
        .insertInto('sections')
        .values({ slug: 'archive', name_ar: 'أرشيف', name_fr: 'Archives', name_en: 'Archive', position: 0 })
        .returning('id')
        .executeTakeFirstOrThrow();
      const rows = Array.from({ length: COMMON }, (_, i) => {
        const at = new Date(NOW.getTime() - (COMMON - i) * 3_600_000).toISOString();
        return {
          lang: 'ar',
          status: 'published',
          title: i < 5 ? `أرشيف الأمطار رقم ${i}` : `نشرة الطقس رقم ${i}`,
          slug: `weather-${i}`,
          body_html: '<p>توقعات الأمطار في مدن الساحل هذا الأسبوع.</p>',
          // The five oldest sit in a section of their own, far below the newest matches.
          section_id: i < 5 ? sectionId : null,
          published_at: at,
          created_at: at,
          updated_at: at,
        };
      });
      for (let i = 0; i < rows.length; i += 500) {
        await db.kysely
          .insertInto('articles')
          .values(rows.slice(i, i + 500))
          .execute();
      }
      await createSearchIndex(db.kysely, engine.dialect).rebuild();
    });

    it('ranks among the newest matches and estimates the total', async () => {
      const result = await newest('الأمطار');
      assert.equal(result.estimated, true);
      assert.ok(Math.abs(result.total - COMMON) <= COMMON * 0.02, `about ${COMMON}, got ${result.total}`);
      assert.equal(result.hits.length, 10);
    });

    it('still finds old matches that a filter asks for', async () => {
      const { id } = await db.kysely
        .selectFrom('sections')
        .select('id')
        .where('slug', '=', 'archive')
        .executeTakeFirstOrThrow();
      const result = await newest('الأمطار', { sectionIds: [id] });
      assert.equal(result.estimated, false);
      assert.equal(result.total, 5);
      assert.equal(result.hits.length, 5);
    });

    it('counts exactly when a word is rarer', async () => {
      const result = await newest('أرشيف');
      assert.equal(result.estimated, false);
      assert.equal(result.total, 5);
    });
  });
});
