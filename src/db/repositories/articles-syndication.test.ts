// Syndication queries (refs, date windows, keyset cursor, months, listing activity), on every engine.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Lang } from '../../core/types.ts';
import { forEachEngine } from '../test-databases.ts';
import { FUTURE, useDatabase } from '../test-fixtures.ts';
import type { NewArticle } from './index.ts';

await forEachEngine((engine) => {
  describe('articles: syndication queries', () => {
    const { r } = useDatabase(engine);
    const a: Record<string, number> = {};
    let section = 0;
    let tag = 0;
    let person = 0;

    before(async () => {
      section = (await r().sections.create({ slug: 'news', names: { ar: 'x', fr: 'x', en: 'x' } })).id;
      tag = (await r().tags.create({ slug: 't', name: 't' })).id;
      person = (await r().people.create({ email: 'p@x.org', name: 'p', slug: 'p', role: 'author' })).id;
      const make = async (key: string, lang: Lang, input: Partial<NewArticle>) => {
        a[key] = (
          await r().articles.create({
            lang,
            status: 'published',
            title: key,
            slug: key,
            // Never edited unless the case says so: lastmod is then the publication time.
            updatedAt: input.publishedAt ?? undefined,
            ...input,
          })
        ).id;
      };
      await make('oct', 'ar', {
        publishedAt: '2024-10-31T23:00:00.000Z',
        updatedAt: '2024-11-02T08:00:00.000Z',
        sectionId: section,
        tagIds: [tag],
        authorIds: [person],
      });
      await make('nov1', 'ar', { publishedAt: '2024-11-05T10:00:00.000Z', translationGroup: 900 });
      await make('nov1fr', 'fr', {
        publishedAt: '2024-11-05T12:00:00.000Z',
        translationGroup: 900,
        sectionId: section,
      });
      // Same second as nov2: the cursor must still tell them apart by id.
      await make('nov2', 'ar', { publishedAt: '2024-11-20T10:00:00.000Z' });
      await make('nov3', 'ar', {
        publishedAt: '2024-11-20T10:00:00.000Z',
        updatedAt: '2024-01-01T00:00:00Z',
      });
      await make('draft', 'ar', {
        status: 'draft',
        publishedAt: '2024-11-21T10:00:00.000Z',
        translationGroup: 900,
      });
      await make('future', 'ar', { publishedAt: FUTURE, sectionId: section, translationGroup: 900 });
    });

    it('lists refs newest first within a date window', async () => {
      const refs = await r().articles.listPublishedRefs({
        publishedFrom: '2024-11-01T00:00:00.000Z',
        publishedBefore: '2024-12-01T00:00:00.000Z',
        limit: 10,
      });
      assert.deepEqual(
        refs.map((x) => x.id),
        [a.nov3, a.nov2, a.nov1fr, a.nov1],
      );
      const nov3 = refs[0]!;
      assert.equal(nov3.updatedAt, '2024-11-20T10:00:00.000Z', 'lastmod is never before publication');
      assert.equal(refs[2]!.lang, 'fr');
      assert.equal(refs[2]!.translationGroup, 900);
    });

    it('pages with a keyset cursor without gaps or repeats', async () => {
      const seen: number[] = [];
      let after: { publishedAt: string; id: number } | undefined;
      for (;;) {
        const page = await r().articles.listPublishedRefs({ limit: 2, ...(after ? { after } : {}) });
        if (page.length === 0) break;
        seen.push(...page.map((x) => x.id));
        const last = page[page.length - 1]!;
        after = { publishedAt: last.publishedAt, id: last.id };
      }
      assert.deepEqual(seen, [a.nov3, a.nov2, a.nov1fr, a.nov1, a.oct]);
    });

    it('finds the published members of translation groups', async () => {
      const refs = await r().articles.publishedInGroups([900, 901]);
      assert.deepEqual(refs.map((x) => x.id).sort(), [a.nov1, a.nov1fr].sort());
      assert.deepEqual(await r().articles.publishedInGroups([]), []);
    });

    it('counts months with publications, newest first', async () => {
      assert.deepEqual(await r().articles.publishedMonths(), [
        { month: '2024-11', count: 4, lastModified: '2024-11-20T10:00:00.000Z' },
        { month: '2024-10', count: 1, lastModified: '2024-11-02T08:00:00.000Z' },
      ]);
    });

    it('reports the latest change behind each section, tag and author, per language', async () => {
      const activity = await r().articles.listingActivity();
      const sorted = activity.sections.sort((x, y) => x.lang.localeCompare(y.lang));
      assert.deepEqual(sorted, [
        { id: section, lang: 'ar', lastModified: '2024-11-02T08:00:00.000Z' },
        { id: section, lang: 'fr', lastModified: '2024-11-05T12:00:00.000Z' },
      ]);
      assert.deepEqual(activity.tags, [{ id: tag, lang: 'ar', lastModified: '2024-11-02T08:00:00.000Z' }]);
      assert.deepEqual(activity.authors, [
        { id: person, lang: 'ar', lastModified: '2024-11-02T08:00:00.000Z' },
      ]);
    });
  });
});
