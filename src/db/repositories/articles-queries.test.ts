// Article queries (listPublished), on every engine.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Lang } from '../../core/types.ts';
import { forEachEngine } from '../test-databases.ts';
import { day, FUTURE, useDatabase } from '../test-fixtures.ts';
import type { NewArticle, PublishedQuery } from './index.ts';

await forEachEngine((engine) => {
  describe('articles.listPublished', () => {
    const { r } = useDatabase(engine);
    const a: Record<string, number> = {};
    const s: Record<string, number> = {};
    const t: Record<string, number> = {};
    const p: Record<string, number> = {};

    before(async () => {
      const names = { ar: 'x', fr: 'x', en: 'x' };
      s.news = (await r().sections.create({ slug: 'news', names })).id;
      s.sport = (await r().sections.create({ slug: 'sport', names })).id;
      s.local = (await r().sections.create({ slug: 'local', names, parentId: s.news })).id;
      for (const n of ['t1', 't2']) t[n] = (await r().tags.create({ slug: n, name: n })).id;
      for (const n of ['pa', 'pb']) {
        p[n] = (await r().people.create({ email: `${n}@x.org`, name: n, slug: n, role: 'author' })).id;
      }
      const make = async (key: string, lang: Lang, input: Partial<NewArticle>) => {
        a[key] = (
          await r().articles.create({ lang, status: 'published', title: key, slug: key, ...input })
        ).id;
      };
      await make('A1', 'ar', {
        publishedAt: day(1),
        sectionId: s.news,
        tagIds: [t.t1!],
        authorIds: [p.pa!],
        isFeatured: true,
      });
      await make('A2', 'ar', {
        publishedAt: day(2),
        sectionId: s.sport,
        tagIds: [t.t1!, t.t2!],
        authorIds: [p.pb!],
        isBreaking: true,
      });
      await make('A3', 'ar', {
        publishedAt: day(3),
        sectionId: s.local,
        tagIds: [t.t2!],
        authorIds: [p.pa!, p.pb!],
      });
      await make('A4', 'ar', { publishedAt: day(3), sectionId: s.news });
      await make('A5', 'fr', { publishedAt: day(4), sectionId: s.news, tagIds: [t.t1!], authorIds: [p.pb!] });
      await make('draft', 'ar', { status: 'draft', publishedAt: day(5), sectionId: s.news, tagIds: [t.t1!] });
      await make('scheduled', 'ar', { status: 'scheduled', publishedAt: day(5), sectionId: s.news });
      await make('future', 'ar', {
        publishedAt: FUTURE,
        sectionId: s.news,
        tagIds: [t.t1!],
        authorIds: [p.pa!],
      });
      await make('undated', 'ar', { publishedAt: null, sectionId: s.news });
    });

    const list = async (q: PublishedQuery) => {
      const page = await r().articles.listPublished(q);
      const names = Object.fromEntries(Object.entries(a).map(([k, v]) => [v, k]));
      return { items: page.items.map((x) => names[x.id]), total: page.total, page };
    };

    it('lists only live articles, newest first with id breaking ties, and counts them all', async () => {
      assert.deepEqual(await list({ limit: 10 }).then(({ items, total }) => ({ items, total })), {
        items: ['A5', 'A4', 'A3', 'A2', 'A1'],
        total: 5,
      });
      const paged = await list({ lang: 'ar', limit: 2, offset: 1 });
      assert.deepEqual(paged.items, ['A3', 'A2']);
      assert.equal(paged.total, 4);
    });

    it('carries authors in byline order and tags for every listed article', async () => {
      const { page } = await list({ lang: 'ar', limit: 10 });
      const byId = new Map(page.items.map((x) => [x.id, x]));
      assert.deepEqual(byId.get(a.A3!)?.authorIds, [p.pa, p.pb]);
      assert.deepEqual(byId.get(a.A2!)?.tagIds, [t.t1, t.t2]);
      assert.deepEqual(byId.get(a.A4!)?.authorIds, []);
    });

    it('filters by language, section(s), tag, author, flags and excluded ids', async () => {
      assert.deepEqual((await list({ lang: 'fr', limit: 10 })).items, ['A5']);
      assert.deepEqual((await list({ lang: 'ar', sectionId: s.news, limit: 10 })).items, ['A4', 'A1']);
      assert.deepEqual((await list({ lang: 'ar', sectionIds: [s.news!, s.local!], limit: 10 })).items, [
        'A4',
        'A3',
        'A1',
      ]);
      assert.deepEqual(
        (await list({ lang: 'ar', sectionId: s.news, sectionIds: [s.local!], limit: 10 })).items,
        ['A4', 'A3', 'A1'],
      );
      assert.deepEqual(await list({ sectionIds: [], limit: 10 }).then((x) => [x.items, x.total]), [[], 0]);
      assert.deepEqual((await list({ tagId: t.t1, limit: 10 })).items, ['A5', 'A2', 'A1']);
      const byAuthor = await list({ authorId: p.pa, limit: 10 });
      assert.deepEqual([byAuthor.items, byAuthor.total], [['A3', 'A1'], 2]);
      assert.deepEqual((await list({ featured: true, limit: 10 })).items, ['A1']);
      assert.deepEqual((await list({ featured: false, lang: 'ar', limit: 10 })).items, ['A4', 'A3', 'A2']);
      assert.deepEqual((await list({ breaking: true, limit: 10 })).items, ['A2']);
      const without = await list({ excludeIds: [a.A4!, a.A3!], limit: 10 });
      assert.deepEqual([without.items, without.total], [['A5', 'A2', 'A1'], 3]);
      assert.deepEqual((await list({ lang: 'ar', tagId: t.t2, authorId: p.pb, limit: 10 })).items, [
        'A3',
        'A2',
      ]);
    });

    it('shows a scheduled article once it is published with a past date', async () => {
      await r().articles.update(a.scheduled!, { status: 'published', publishedAt: day(6) });
      assert.deepEqual((await list({ lang: 'ar', limit: 1 })).items, ['scheduled']);
    });
  });
});
