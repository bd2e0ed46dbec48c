// The same search cases on SQLite FTS5 and PostgreSQL tsvector: Arabic spelling variants
// find the plain forms, the must-not-match pairs stay apart, filters and sorting work, and
// the index follows the articles in the same transaction.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Lang } from '../core/types.ts';
import type { Db } from '../db/connect.ts';
import { createRepositories } from '../db/repositories/index.ts';
import { forEachEngine } from '../db/test-databases.ts';
import type { SearchIndex, SearchQuery } from './contract.ts';
import { createSearchIndex } from './search-index.ts';

const DAY = 86_400_000;
const NOW = new Date('2026-11-29T08:00:00.000Z');
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

interface Fixture {
  key: string;
  title: string;
  body: string;
  lang?: Lang;
  days?: number;
  section?: 'politics' | 'culture';
  status?: 'published' | 'draft';
  tags?: string[];
}

const ARTICLES: Fixture[] = [
  { key: 'islam', title: 'ندوة عن الإسلام والحداثة', body: '<p>ناقش الباحثون تاريخ الفكر.</p>' },
  { key: 'hospital', title: 'افتتاح مستشفى جديد في نواكشوط', body: '<p>سعة المستشفى مئتا سرير.</p>' },
  {
    key: 'university',
    title: 'طلاب الجامعة يحتجون',
    body: '<p>خرج طلاب جامعة نواكشوط في مسيرة.</p>',
    section: 'culture',
    days: 40,
  },
  { key: 'year', title: 'ميزانية عام 2024', body: '<p>أقرت الحكومة ميزانية سنة 2024 بزيادة.</p>' },
  { key: 'minister', title: 'وزير الخارجية يزور باماكو', body: '<p>التقى الوزير نظيره المالي.</p>' },
  { key: 'jar', title: 'زير الماء في البيوت القديمة', body: '<p>يحفظ الزير الماء باردا.</p>', days: 3 },
  {
    key: 'lebanon',
    title: 'انتخابات بلدية في لبنان',
    body: '<p>صوت الناخبون في بيروت.</p>',
    tags: ['لبنان'],
  },
  { key: 'milk', title: 'أسعار اللبن ترتفع', body: '<p>ارتفع سعر اللبن الطازج.</p>' },
  { key: 'palestine', title: 'مؤتمر دولي حول فلسطين', body: '<p>طالب المشاركون بحماية المدنيين.</p>' },
  { key: 'merge', title: 'قرار بدمج المدارس', body: '<p>قررت الوزارة بدمج مدارس القرى.</p>' },
  {
    key: 'elections-fr',
    title: 'Les élections régionales',
    body: '<p>Les électeurs ont voté.</p>',
    lang: 'fr',
  },
  { key: 'abd', title: 'عبدالله يفوز بالجائزة', body: '<p>فاز الكاتب بجائزة الرواية.</p>' },
  { key: 'draft', title: 'مسودة عن الإسلام', body: '<p>لم تنشر.</p>', status: 'draft' },
  { key: 'future', title: 'الإسلام غدا', body: '<p>مجدول.</p>', days: -2 },
];

await forEachEngine((engine) => {
  let db: Db;
  let index: SearchIndex;
  const ids = new Map<string, number>();
  const sections = new Map<string, number>();

  before(async () => {
    db = await engine.fresh();
    const repos = createRepositories(db.kysely);
    for (const slug of ['politics', 'culture']) {
      sections.set(slug, (await repos.sections.create({ slug, names: { ar: slug, fr: slug, en: slug } })).id);
    }
    const author = await repos.people.create({
      email: 'a@example.com',
      name: 'سلمى',
      slug: 'salma',
      role: 'author',
    });
    const tagIds = new Map<string, number>();
    for (const [i, f] of ARTICLES.entries()) {
      for (const name of f.tags ?? []) {
        if (!tagIds.has(name)) tagIds.set(name, (await repos.tags.create({ slug: `tag-${i}`, name })).id);
      }
      const article = await repos.articles.create({
        lang: f.lang ?? 'ar',
        status: f.status ?? 'published',
        title: f.title,
        slug: f.key,
        bodyHtml: f.body,
        sectionId: sections.get(f.section ?? 'politics')!,
        publishedAt: ago(f.days ?? 1),
        authorIds: [author.id],
        tagIds: (f.tags ?? []).map((name) => tagIds.get(name)!),
      });
      ids.set(f.key, article.id);
    }
    index = createSearchIndex(db.kysely, engine.dialect);
    await index.rebuild();
  });

  const find = async (text: string, extra: Partial<SearchQuery> = {}) => {
    const result = await index.search({ text, sort: 'relevance', limit: 20, offset: 0, now: NOW, ...extra });
    const byId = new Map([...ids].map(([key, id]) => [id, key]));
    return { ...result, keys: result.hits.map((h) => byId.get(h.id)) };
  };

  describe('spelling variants find the plain forms', () => {
    for (const [query, key] of [
      ['الإسلام', 'islam'],
      ['اسلام', 'islam'],
      ['الإِسْلَامُ', 'islam'],
      ['الاسلام', 'islam'],
      ['مستشفي', 'hospital'],
      ['المستشفيات', 'hospital'],
      ['جامعه', 'university'],
      ['الجامعات', 'university'],
      ['٢٠٢٤', 'year'],
      ['elections', 'elections-fr'],
      ['ÉLECTION', 'elections-fr'],
      ['عبد الله', 'abd'],
      ['للبنان', 'lebanon'],
      ['ـــالوزيـــر', 'minister'],
      ['وبدمج', 'merge'],
    ] as const) {
      it(`${query} → ${key}`, async () => {
        const { keys } = await find(query, key === 'elections-fr' ? { lang: 'fr' } : {});
        assert.ok(keys.includes(key), `${query}: got ${keys.join(', ')}`);
      });
    }
  });

  describe('must not match', () => {
    it('لبنان does not find اللبن, and اللبن does not find لبنان', async () => {
      assert.deepEqual((await find('لبنان')).keys, ['lebanon']);
      assert.deepEqual((await find('اللبن')).keys, ['milk']);
    });

    it('وزير does not find زير, and زير does not find وزير', async () => {
      assert.ok(!(await find('وزير')).keys.includes('jar'));
      assert.deepEqual((await find('زير')).keys, ['jar']);
    });

    it('فلسطين finds only Palestine', async () => {
      assert.deepEqual((await find('فلسطين')).keys, ['palestine']);
    });

    it('drafts and articles dated in the future are not found', async () => {
      const { keys } = await find('الإسلام');
      assert.deepEqual(keys, ['islam']);
    });
  });

  describe('query logic', () => {
    it('asks for every word, and falls back to any word when nothing has them all', async () => {
      const all = await find('طلاب نواكشوط');
      assert.equal(all.mode, 'all');
      assert.deepEqual(all.keys, ['university']);
      const any = await find('مستشفى اللبن');
      assert.equal(any.mode, 'any');
      assert.deepEqual(new Set(any.keys), new Set(['hospital', 'milk']));
    });

    it('ranks a title match above a body match', async () => {
      const { keys } = await find('نواكشوط');
      assert.equal(keys[0], 'hospital');
    });

    it('filters by language, section, author and date range', async () => {
      assert.deepEqual((await find('نواكشوط', { sectionIds: [sections.get('culture')!] })).keys, [
        'university',
      ]);
      assert.deepEqual((await find('نواكشوط', { lang: 'fr' })).keys, []);
      assert.deepEqual((await find('نواكشوط', { from: ago(10) })).keys, ['hospital']);
      assert.deepEqual((await find('نواكشوط', { to: ago(10) })).keys, ['university']);
      assert.deepEqual((await find('نواكشوط', { authorId: 999_999 })).keys, []);
    });

    it('sorts by date and pages through the results', async () => {
      const byDate = await find('نواكشوط', { sort: 'date' });
      assert.deepEqual(byDate.keys, ['hospital', 'university']);
      const second = await find('نواكشوط', { sort: 'date', limit: 1, offset: 1 });
      assert.deepEqual(second.keys, ['university']);
      assert.equal(second.total, 2);
    });

    it('survives query syntax, SQL, punctuation, harakat, emoji and very long input', async () => {
      for (const text of [
        '',
        '" OR * NEAR(',
        "'; DROP TABLE articles; --",
        '!!! ؟؟ ...',
        'َ ُ ِ ّ',
        '😀🇲🇱',
        'AND OR NOT',
        'مالي Mali 2024 😀',
        'نواكشوط '.repeat(300),
        'a:b * ^ - + ( ) { } [ ] \\ | & <-> :*',
      ]) {
        const result = await find(text);
        assert.ok(result.total >= 0, text.slice(0, 20));
      }
      assert.equal((await find('')).mode, 'none');
    });
  });

  describe('index upkeep', () => {
    it('follows an article edit and a removal inside the article’s transaction', async () => {
      const id = ids.get('milk')!;
      await db.kysely.transaction().execute(async (trx) => {
        await createRepositories(trx).articles.update(id, { title: 'أسعار الحليب' });
        await createSearchIndex(trx, engine.dialect).indexArticle(id);
      });
      assert.ok((await find('الحليب')).keys.includes('milk'));
      await createRepositories(db.kysely).articles.setStatus(id, 'trashed');
      await index.indexArticle(id);
      assert.deepEqual((await find('الحليب')).keys, []);
    });

    it('rolls the index back with the transaction', async () => {
      const id = ids.get('hospital')!;
      await assert.rejects(
        db.kysely.transaction().execute(async (trx) => {
          await createRepositories(trx).articles.update(id, { title: 'عنوان مؤقت فريد' });
          await createSearchIndex(trx, engine.dialect).indexArticle(id);
          throw new Error('abort');
        }),
      );
      assert.deepEqual((await find('فريد')).keys, []);
    });
  });
});
