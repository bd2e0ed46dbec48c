import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Conflict, Invalid, NotFound, SetupError } from '../core/errors.ts';
import type { Article, Lang } from '../core/types.ts';
import { type Db, openDatabase, parseDatabaseUrl } from './connect.ts';
import { migrateToLatest } from './migrate.ts';
import {
  createRepositories,
  type NewArticle,
  type PublishedQuery,
  type Repositories,
} from './repositories/index.ts';
import { forEachEngine } from './test-databases.ts';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const FUTURE = '2999-01-01T00:00:00.000Z';
const day = (n: number) => `2024-01-${String(n).padStart(2, '0')}T10:00:00.000Z`;

/** An error check for assert.rejects that also pins the message, so the wrong Conflict cannot pass. */
function error(type: new (...args: never[]) => Error, message?: RegExp) {
  return (err: unknown) => {
    assert.ok(err instanceof type, `expected ${type.name}, got ${String(err)}`);
    if (message) assert.match(err.message, message);
    return true;
  };
}

const ids = (articles: readonly Article[]) => articles.map((a) => a.id);

describe('parseDatabaseUrl', () => {
  it('selects PostgreSQL for postgres:// and postgresql:// URLs', () => {
    const url = 'postgres://u:p@db.example:5433/midad';
    assert.deepEqual(parseDatabaseUrl(url), { dialect: 'postgres', target: url });
    assert.equal(parseDatabaseUrl('POSTGRESQL://h/db').dialect, 'postgres');
  });

  it('selects SQLite for sqlite: URLs and plain paths', () => {
    assert.deepEqual(parseDatabaseUrl('sqlite:/var/lib/midad.db'), {
      dialect: 'sqlite',
      target: '/var/lib/midad.db',
    });
    assert.deepEqual(parseDatabaseUrl('sqlite://data/midad.db'), {
      dialect: 'sqlite',
      target: 'data/midad.db',
    });
    assert.deepEqual(parseDatabaseUrl('./midad.db'), { dialect: 'sqlite', target: './midad.db' });
    assert.deepEqual(parseDatabaseUrl(':memory:'), { dialect: 'sqlite', target: ':memory:' });
  });

  it('rejects a sqlite: URL without a file', () => {
    assert.throws(() => parseDatabaseUrl('sqlite:'), error(SetupError, /names no file/));
  });
});

describe('openDatabase failures', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-open-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('names the file when a SQLite file is corrupt', async () => {
    const file = path.join(dir, 'corrupt.db');
    fs.writeFileSync(file, randomBytes(8192));
    await assert.rejects(openDatabase(`sqlite:${file}`), (err: unknown) => {
      assert.ok(err instanceof SetupError);
      assert.ok(err.message.includes(file), err.message);
      return true;
    });
  });

  it('names host and port when PostgreSQL is unreachable', async () => {
    await assert.rejects(
      openDatabase('postgres://postgres@127.0.0.1:1/x'),
      error(SetupError, /127\.0\.0\.1:1/),
    );
  });

  it('opens a new SQLite file, creating its folder, and reports the absolute path', async () => {
    const file = path.join(dir, 'nested', 'folder', 'midad.db');
    const db = await openDatabase(file);
    try {
      assert.equal(db.dialect, 'sqlite');
      assert.equal(db.location, file);
      assert.ok(fs.existsSync(file));
    } finally {
      await db.close();
    }
  });
});

await forEachEngine((engine) => {
  /** A fresh migrated database and its repositories, for one describe block. */
  function useDatabase(): { db: () => Db; r: () => Repositories } {
    let db: Db | undefined;
    let r: Repositories | undefined;
    before(async () => {
      db = await engine.fresh();
      r = createRepositories(db.kysely);
    });
    return { db: () => db!, r: () => r! };
  }

  describe('migrations', () => {
    it('apply everything once and nothing the second time', async () => {
      const db = await engine.fresh({ migrate: false });
      assert.deepEqual((await migrateToLatest(db)).applied, ['001_initial']);
      assert.deepEqual((await migrateToLatest(db)).applied, []);
      assert.equal(await createRepositories(db.kysely).people.count(), 0);
    });
  });

  describe('people', () => {
    const { r } = useDatabase();

    it('creates with defaults, lowercases the e-mail and reads back by id, slug and e-mail', async () => {
      const p = await r().people.create({
        email: ' Layla@Example.ORG ',
        name: 'ليلى',
        slug: 'layla',
        role: 'editor',
      });
      assert.equal(p.email, 'layla@example.org');
      assert.equal(p.bio, '');
      assert.equal(p.locale, 'ar');
      assert.deepEqual(p.links, []);
      assert.equal(p.avatarMediaId, null);
      assert.match(p.createdAt, ISO);
      assert.equal(p.createdAt, p.updatedAt);
      assert.equal('passwordHash' in p, false);
      assert.deepEqual(await r().people.byId(p.id), p);
      assert.deepEqual(await r().people.bySlug('layla'), p);
      assert.deepEqual(await r().people.byEmail('LAYLA@example.org'), p);
      assert.equal(await r().people.byEmail('nobody@example.org'), null);
      assert.equal(await r().people.byId(999_999), null);
    });

    it('refuses a duplicate e-mail in any case, and a duplicate slug', async () => {
      await r().people.create({ email: 'omar@example.org', name: 'Omar', slug: 'omar', role: 'author' });
      await assert.rejects(
        r().people.create({ email: 'OMAR@example.org', name: 'Omar 2', slug: 'omar-2', role: 'author' }),
        error(Conflict, /e-mail "OMAR@example.org" already exists/),
      );
      await assert.rejects(
        r().people.create({ email: 'omar2@example.org', name: 'Omar 2', slug: 'omar', role: 'author' }),
        error(Conflict, /slug "omar" already exists/),
      );
    });

    it('updates fields, keeps the rest, and refuses conflicts and missing ids', async () => {
      const p = await r().people.create({
        email: 'sara@example.org',
        name: 'Sara',
        slug: 'sara',
        role: 'author',
        links: [{ label: 'X', url: 'https://x.example/sara' }],
      });
      const u = await r().people.update(p.id, { name: 'Sara B.', email: 'Sara.B@Example.org', locale: 'fr' });
      assert.equal(u.name, 'Sara B.');
      assert.equal(u.email, 'sara.b@example.org');
      assert.equal(u.locale, 'fr');
      assert.equal(u.slug, 'sara');
      assert.deepEqual(u.links, [{ label: 'X', url: 'https://x.example/sara' }]);
      assert.ok(u.updatedAt >= p.updatedAt);
      await assert.rejects(r().people.update(p.id, { slug: 'omar' }), error(Conflict, /slug "omar"/));
      await assert.rejects(r().people.update(999_999, { name: 'x' }), error(NotFound));
    });

    it('keeps the password hash apart from the person', async () => {
      const p = await r().people.create({
        email: 'h@example.org',
        name: 'H',
        slug: 'h',
        role: 'admin',
        passwordHash: '$argon2id$one',
      });
      assert.equal(await r().people.passwordHash(p.id), '$argon2id$one');
      await r().people.setPasswordHash(p.id, '$argon2id$two');
      assert.equal(await r().people.passwordHash(p.id), '$argon2id$two');
      assert.equal(await r().people.passwordHash(999_999), null);
      await assert.rejects(r().people.setPasswordHash(999_999, 'x'), error(NotFound));
    });

    it('lists by name, counts, and fetches several ids in the order asked', async () => {
      const all = await r().people.list();
      assert.deepEqual(
        all.map((p) => p.name),
        [...all.map((p) => p.name)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
      );
      assert.equal(await r().people.count(), all.length);
      const [first, second] = all;
      const got = await r().people.byIds([second!.id, 999_999, first!.id]);
      assert.deepEqual(
        got.map((p) => p.id),
        [second!.id, first!.id],
      );
      assert.deepEqual(await r().people.byIds([]), []);
    });
  });

  describe('sections', () => {
    const { r } = useDatabase();
    const names = (en: string) => ({ ar: `ع ${en}`, fr: `fr ${en}`, en });

    it('creates, lists by position then id, finds children, updates and refuses duplicates', async () => {
      const news = await r().sections.create({ slug: 'news', names: names('News'), position: 2 });
      const sport = await r().sections.create({ slug: 'sport', names: names('Sport'), position: 1 });
      const local = await r().sections.create({ slug: 'محلي', names: names('Local'), parentId: news.id });
      assert.deepEqual(local, {
        id: local.id,
        parentId: news.id,
        slug: 'محلي',
        names: names('Local'),
        position: 0,
      });
      assert.deepEqual(
        (await r().sections.list()).map((s) => s.slug),
        ['محلي', 'sport', 'news'],
      );
      assert.deepEqual(await r().sections.children(news.id), [local]);
      assert.deepEqual(await r().sections.bySlug('محلي'), local);
      assert.deepEqual(await r().sections.byId(sport.id), sport);

      const moved = await r().sections.update(sport.id, { position: 5, names: names('Sports') });
      assert.equal(moved.position, 5);
      assert.equal(moved.names.en, 'Sports');
      assert.equal(moved.slug, 'sport');
      assert.deepEqual(await r().sections.update(sport.id, {}), moved);

      await assert.rejects(
        r().sections.create({ slug: 'news', names: names('x') }),
        error(Conflict, /"news"/),
      );
      await assert.rejects(r().sections.update(sport.id, { slug: 'news' }), error(Conflict, /"news"/));
      await assert.rejects(r().sections.update(999_999, { position: 1 }), error(NotFound));
    });

    it('deleting a section detaches its sub-sections and articles', async () => {
      const parent = await r().sections.create({ slug: 'world', names: names('World') });
      const child = await r().sections.create({
        slug: 'africa',
        names: names('Africa'),
        parentId: parent.id,
      });
      const article = await r().articles.create({
        lang: 'ar',
        status: 'draft',
        title: 't',
        slug: 'in-world',
        sectionId: parent.id,
      });
      await r().sections.delete(parent.id);
      await r().sections.delete(parent.id);
      assert.equal(await r().sections.byId(parent.id), null);
      assert.equal((await r().sections.byId(child.id))?.parentId, null);
      assert.equal((await r().articles.byId(article.id))?.sectionId, null);
    });
  });

  describe('tags', () => {
    const { r } = useDatabase();

    it('creates, reads, lists by name and refuses a duplicate slug', async () => {
      const b = await r().tags.create({ slug: 'elections', name: 'Elections' });
      const a = await r().tags.create({ slug: 'انتخابات', name: 'انتخابات' });
      const c = await r().tags.create({ slug: 'climate', name: 'Climate' });
      assert.deepEqual(await r().tags.byId(b.id), { id: b.id, slug: 'elections', name: 'Elections' });
      assert.deepEqual(await r().tags.bySlug('انتخابات'), a);
      assert.deepEqual(await r().tags.byIds([c.id, a.id]), [c, a]);
      assert.deepEqual(
        (await r().tags.list()).map((t) => t.name),
        ['Climate', 'Elections', 'انتخابات'],
      );
      await assert.rejects(
        r().tags.create({ slug: 'climate', name: 'x' }),
        error(Conflict, /tag .*"climate"/),
      );
    });

    it('gives the tags of several articles at once, with an entry for articles without tags', async () => {
      const [climate, elections] = await Promise.all([
        r().tags.bySlug('climate'),
        r().tags.bySlug('elections'),
      ]);
      const one = await r().articles.create({
        lang: 'en',
        status: 'draft',
        title: 'One',
        slug: 'one',
        tagIds: [elections!.id, climate!.id],
      });
      const none = await r().articles.create({ lang: 'en', status: 'draft', title: 'None', slug: 'none' });
      const map = await r().tags.forArticles([one.id, none.id]);
      assert.deepEqual(map.get(one.id), [climate, elections]);
      assert.deepEqual(map.get(none.id), []);
      assert.equal((await r().tags.forArticles([])).size, 0);
    });
  });

  describe('articles', () => {
    const { db, r } = useDatabase();
    const people: number[] = [];
    const tags: number[] = [];
    before(async () => {
      for (const n of [1, 2, 3]) {
        const p = await r().people.create({
          email: `a${n}@example.org`,
          name: `A${n}`,
          slug: `a${n}`,
          role: 'author',
        });
        people.push(p.id);
        tags.push((await r().tags.create({ slug: `t${n}`, name: `T${n}` })).id);
      }
    });

    it('creates with defaults and keeps the byline order', async () => {
      const [p1, p2, p3] = people;
      const a = await r().articles.create({
        lang: 'ar',
        status: 'draft',
        title: 'عنوان',
        slug: 'عنوان-الخبر',
        authorIds: [p3!, p1!, p2!],
        tagIds: [tags[1]!, tags[0]!],
        publishedAt: '2024-03-01T10:00:00Z',
      });
      assert.deepEqual(a.authorIds, [p3, p1, p2]);
      assert.deepEqual(a.tagIds, [tags[0], tags[1]]);
      assert.equal(a.publishedAt, '2024-03-01T10:00:00.000Z');
      assert.equal(a.commentsOpen, true);
      assert.equal(a.isFeatured, false);
      assert.equal(a.isBreaking, false);
      assert.equal(a.dek, '');
      assert.equal(a.translationGroup, null);
      assert.match(a.createdAt, ISO);
      assert.deepEqual(await r().articles.byId(a.id), a);
      assert.deepEqual(await r().articles.bySlug('ar', 'عنوان-الخبر'), a);
      assert.equal(await r().articles.bySlug('fr', 'عنوان-الخبر'), null);
    });

    it('refuses a duplicate slug in the same language only', async () => {
      await r().articles.create({ lang: 'ar', status: 'draft', title: 'x', slug: 'same' });
      await r().articles.create({ lang: 'fr', status: 'draft', title: 'x', slug: 'same' });
      await assert.rejects(
        r().articles.create({ lang: 'ar', status: 'draft', title: 'y', slug: 'same' }),
        error(Conflict, /^An article with the slug "same" already exists in ar\.$/),
      );
    });

    it('writes nothing when an author does not exist', async () => {
      const countBefore = await r().articles.count();
      await assert.rejects(
        r().articles.create({ lang: 'en', status: 'draft', title: 'x', slug: 'ghost', authorIds: [999_999] }),
        error(Invalid, /author or tag of this article does not exist/),
      );
      await assert.rejects(
        r().articles.create({ lang: 'en', status: 'draft', title: 'x', slug: 'ghost', sectionId: 999_999 }),
        error(Invalid, /section or featured media/),
      );
      assert.equal(await r().articles.count(), countBefore);
      assert.equal(await r().articles.bySlug('en', 'ghost'), null);
      await assert.rejects(
        r().articles.create({
          lang: 'en',
          status: 'draft',
          title: 'x',
          slug: 'bad-date',
          publishedAt: 'soon',
        }),
        error(Invalid, /publishedAt/),
      );
    });

    it('updates fields, replaces authors and tags when given, and bumps updatedAt', async () => {
      const [p1, p2, p3] = people;
      const a = await r().articles.create({
        lang: 'en',
        status: 'draft',
        title: 'Old',
        slug: 'upd',
        authorIds: [p1!, p2!],
        tagIds: [tags[0]!, tags[1]!],
        createdAt: '2020-01-01T00:00:00.000Z',
        updatedAt: '2020-01-01T00:00:00.000Z',
      });
      assert.equal(a.updatedAt, '2020-01-01T00:00:00.000Z');
      const u = await r().articles.update(a.id, { title: 'New', isBreaking: true, tagIds: [tags[2]!] });
      assert.equal(u.title, 'New');
      assert.equal(u.isBreaking, true);
      assert.equal(u.slug, 'upd');
      assert.deepEqual(u.authorIds, [p1, p2]);
      assert.deepEqual(u.tagIds, [tags[2]]);
      assert.ok(u.updatedAt > a.updatedAt);
      assert.equal(u.createdAt, '2020-01-01T00:00:00.000Z');

      const v = await r().articles.update(a.id, {
        authorIds: [p3!, p1!],
        tagIds: [],
        updatedAt: '2021-06-01T00:00:00.000Z',
        sectionId: null,
      });
      assert.deepEqual(v.authorIds, [p3, p1]);
      assert.deepEqual(v.tagIds, []);
      assert.equal(v.updatedAt, '2021-06-01T00:00:00.000Z');
      assert.deepEqual(await r().articles.byId(a.id), v);

      await assert.rejects(
        r().articles.update(a.id, { lang: 'ar', slug: 'same' }),
        error(Conflict, /"same" already exists in ar/),
      );
      await assert.rejects(r().articles.update(999_999, { title: 'x' }), error(NotFound));
    });

    it('sets the status, counts, fetches by ids in order and lists translations', async () => {
      const ar = await r().articles.create({
        lang: 'ar',
        status: 'draft',
        title: 'ar',
        slug: 'tr',
        translationGroup: 7,
      });
      const fr = await r().articles.create({
        lang: 'fr',
        status: 'pending',
        title: 'fr',
        slug: 'tr',
        translationGroup: 7,
      });
      await r().articles.setStatus(ar.id, 'trashed');
      const trashed = await r().articles.byId(ar.id);
      assert.equal(trashed?.status, 'trashed');
      assert.equal(trashed?.updatedAt, ar.updatedAt);
      await assert.rejects(r().articles.setStatus(999_999, 'draft'), error(NotFound));
      assert.deepEqual(ids(await r().articles.translations(7)), [ar.id, fr.id]);
      assert.deepEqual(ids(await r().articles.byIds([fr.id, ar.id])), [fr.id, ar.id]);
      assert.equal(await r().articles.count({ status: 'trashed' }), 1);
      assert.equal(await r().articles.count({ status: 'pending', lang: 'fr' }), 1);
      assert.equal(await r().articles.count({ status: 'pending', lang: 'ar' }), 0);
    });

    it('deleting an article removes its authors, tags and comments; deleting a person removes bylines', async () => {
      const k = db().kysely;
      const a = await r().articles.create({
        lang: 'en',
        status: 'published',
        title: 'Gone',
        slug: 'gone',
        authorIds: [people[0]!, people[1]!],
        tagIds: [tags[0]!],
      });
      const c = await r().comments.create({
        articleId: a.id,
        status: 'approved',
        authorName: 'R',
        authorEmail: 'r@x',
        body: 'hi',
      });
      await k.deleteFrom('people').where('id', '=', people[1]!).execute();
      assert.deepEqual((await r().articles.byId(a.id))?.authorIds, [people[0]]);
      await k.deleteFrom('articles').where('id', '=', a.id).execute();
      assert.equal(await r().comments.byId(c.id), null);
      const left = await k
        .selectFrom('article_tags')
        .select('tag_id')
        .where('article_id', '=', a.id)
        .execute();
      assert.deepEqual(left, []);
    });
  });

  describe('articles.listPublished', () => {
    const { r } = useDatabase();
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

  describe('articles.related', () => {
    const { r } = useDatabase();
    const a: Record<string, Article> = {};

    before(async () => {
      const names = { ar: 'x', fr: 'x', en: 'x' };
      const s1 = (await r().sections.create({ slug: 's1', names })).id;
      const s2 = (await r().sections.create({ slug: 's2', names })).id;
      const [t1, t2, t3] = await Promise.all(
        ['t1', 't2', 't3'].map((n) => r().tags.create({ slug: n, name: n })),
      );
      const make = async (key: string, input: Partial<NewArticle>) => {
        a[key] = await r().articles.create({
          lang: 'ar',
          status: 'published',
          title: key,
          slug: key,
          publishedAt: day(1),
          ...input,
        });
      };
      await make('base', { sectionId: s1, tagIds: [t1!.id, t2!.id, t3!.id], publishedAt: day(9) });
      await make('R1', { sectionId: s1, tagIds: [t1!.id, t2!.id] }); // 2 tags + section = 5
      await make('R2', { sectionId: s2, tagIds: [t1!.id, t2!.id], publishedAt: day(2) }); // 4
      await make('R3', { sectionId: s1, publishedAt: day(8) }); // section only = 1
      await make('R4', { sectionId: s2, tagIds: [t3!.id], publishedAt: day(3) }); // 2
      await make('R9', { sectionId: s2, tagIds: [t3!.id], publishedAt: day(4) }); // 2, newer than R4
      await make('R5', { sectionId: s2 }); // 0
      await make('fr', { lang: 'fr', sectionId: s1, tagIds: [t1!.id, t2!.id, t3!.id] });
      await make('draft', { status: 'draft', sectionId: s1, tagIds: [t1!.id, t2!.id, t3!.id] });
      await make('future', { sectionId: s1, tagIds: [t1!.id, t2!.id, t3!.id], publishedAt: FUTURE });
      await make('lonely', {});
      await make('sectionOnly', { sectionId: s1, publishedAt: day(7) });
    });

    const keys = (list: Article[]) => list.map((x) => Object.entries(a).find(([, v]) => v.id === x.id)?.[0]);

    it('ranks by shared tags, then section, then date, never the article itself', async () => {
      assert.deepEqual(keys(await r().articles.related(a.base!, 10)), [
        'R1',
        'R2',
        'R9',
        'R4',
        'R3',
        'sectionOnly',
      ]);
      assert.deepEqual(keys(await r().articles.related(a.base!, 3)), ['R1', 'R2', 'R9']);
    });

    it('uses the section alone for an untagged article, and finds nothing for one with neither', async () => {
      assert.deepEqual(keys(await r().articles.related(a.sectionOnly!, 10)), ['base', 'R3', 'R1']);
      assert.deepEqual(await r().articles.related(a.lonely!, 10), []);
      assert.deepEqual(await r().articles.related(a.base!, 0), []);
    });

    it('returns related articles with their authors and tags', async () => {
      const [first] = await r().articles.related(a.base!, 1);
      assert.deepEqual(first, a.R1);
    });
  });

  describe('comments', () => {
    const { db, r } = useDatabase();
    let articleId = 0;
    let otherId = 0;
    before(async () => {
      articleId = (await r().articles.create({ lang: 'ar', status: 'published', title: 'c', slug: 'c' })).id;
      otherId = (await r().articles.create({ lang: 'ar', status: 'published', title: 'd', slug: 'd' })).id;
    });

    it('threads replies, lists oldest first, filters by status and counts approved', async () => {
      const root = await r().comments.create({
        articleId,
        status: 'approved',
        authorName: 'Reader',
        authorEmail: 'Reader@Example.COM',
        body: 'أول تعليق',
        createdAt: '2024-02-01T09:00:00.000Z',
      });
      assert.equal(root.authorEmail, 'reader@example.com');
      assert.equal(root.parentId, null);
      assert.equal(root.authorUrl, '');
      const reply = await r().comments.create({
        articleId,
        parentId: root.id,
        status: 'pending',
        authorName: 'Other',
        authorEmail: 'other@example.com',
        body: 'reply',
        ipHash: 'abc',
        createdAt: '2024-02-01T10:00:00.000Z',
      });
      const early = await r().comments.create({
        articleId,
        status: 'approved',
        authorName: 'Early',
        authorEmail: 'early@example.com',
        body: 'early',
        createdAt: '2024-01-31T10:00:00.000Z',
      });
      assert.equal(reply.parentId, root.id);
      assert.deepEqual(await r().comments.byId(reply.id), reply);
      assert.deepEqual(
        (await r().comments.listForArticle(articleId)).map((c) => c.id),
        [early.id, root.id, reply.id],
      );
      assert.deepEqual(
        (await r().comments.listForArticle(articleId, 'pending')).map((c) => c.id),
        [reply.id],
      );
      assert.equal(await r().comments.countApproved(articleId), 2);
      assert.deepEqual(
        await r().comments.countsApproved([articleId, otherId]),
        new Map([
          [articleId, 2],
          [otherId, 0],
        ]),
      );
      assert.equal(await r().comments.count({ status: 'pending' }), 1);
      assert.equal(await r().comments.count(), 3);
    });

    it('knows approved commenters by e-mail in any case', async () => {
      assert.equal(await r().comments.hasApprovedByEmail('READER@example.com'), true);
      assert.equal(await r().comments.hasApprovedByEmail('other@EXAMPLE.com'), false);
      const pending = (await r().comments.listForArticle(articleId, 'pending'))[0]!;
      await r().comments.setStatus(pending.id, 'approved');
      assert.equal(await r().comments.hasApprovedByEmail('Other@Example.com'), true);
      await assert.rejects(r().comments.setStatus(999_999, 'spam'), error(NotFound));
    });

    it('deleting a comment deletes its replies; a comment on a missing article is refused', async () => {
      const root = await r().comments.create({
        articleId: otherId,
        status: 'approved',
        authorName: 'a',
        authorEmail: 'a@x',
        body: 'r',
      });
      const child = await r().comments.create({
        articleId: otherId,
        parentId: root.id,
        status: 'approved',
        authorName: 'b',
        authorEmail: 'b@x',
        body: 'c',
      });
      await db().kysely.deleteFrom('comments').where('id', '=', root.id).execute();
      assert.equal(await r().comments.byId(child.id), null);
      await assert.rejects(
        r().comments.create({
          articleId: 999_999,
          status: 'pending',
          authorName: 'a',
          authorEmail: 'a@x',
          body: 'x',
        }),
        error(Invalid),
      );
    });
  });

  describe('media', () => {
    const { db, r } = useDatabase();

    it('creates with variants, reads, updates and clears references when deleted', async () => {
      const variants = [{ width: 800, height: 450, format: 'webp' as const, path: '2026/11/a-800.webp' }];
      const m = await r().media.create({
        path: '2026/11/a.jpg',
        mime: 'image/jpeg',
        size: 12345,
        width: 1600,
        height: 900,
        variants,
      });
      assert.deepEqual(m.variants, variants);
      assert.equal(m.alt, '');
      assert.match(m.createdAt, ISO);
      const n = await r().media.create({ path: 'b.png', mime: 'image/png', size: 1 });
      assert.equal(n.width, null);
      assert.deepEqual(n.variants, []);
      assert.deepEqual(await r().media.byId(m.id), m);
      assert.deepEqual(await r().media.byIds([n.id, m.id]), [n, m]);

      const u = await r().media.update(m.id, { alt: 'نص بديل', variants: [] });
      assert.equal(u.alt, 'نص بديل');
      assert.deepEqual(u.variants, []);
      assert.equal(u.path, m.path);
      assert.deepEqual(await r().media.update(m.id, {}), u);
      await assert.rejects(r().media.update(999_999, { alt: 'x' }), error(NotFound));

      const person = await r().people.create({
        email: 'm@x.org',
        name: 'M',
        slug: 'm',
        role: 'author',
        avatarMediaId: m.id,
      });
      const article = await r().articles.create({
        lang: 'en',
        status: 'draft',
        title: 'm',
        slug: 'm',
        featuredMediaId: m.id,
      });
      assert.equal(person.avatarMediaId, m.id);
      await db().kysely.deleteFrom('media').where('id', '=', m.id).execute();
      assert.equal((await r().people.byId(person.id))?.avatarMediaId, null);
      assert.equal((await r().articles.byId(article.id))?.featuredMediaId, null);
    });
  });

  describe('redirects', () => {
    const { r } = useDatabase();

    it('creates, looks up by exact path, lists, refuses duplicates and deletes', async () => {
      const from = '/ar/%D8%AE%D8%A8%D8%B1';
      const x = await r().redirects.create({ fromPath: from, toPath: '/ar/123/khabar' });
      assert.equal(x.statusCode, 301);
      const gone = await r().redirects.create({ fromPath: '/old', toPath: '', statusCode: 410 });
      assert.deepEqual(await r().redirects.byFromPath(from), x);
      assert.equal(await r().redirects.byFromPath('/ar/other'), null);
      assert.deepEqual(await r().redirects.list(), [x, gone]);
      await assert.rejects(
        r().redirects.create({ fromPath: '/old', toPath: '/new' }),
        error(Conflict, /"\/old"/),
      );
      await r().redirects.delete(gone.id);
      await r().redirects.delete(gone.id);
      assert.equal(await r().redirects.byFromPath('/old'), null);
    });
  });

  describe('settings', () => {
    const { r } = useDatabase();

    it('round-trips JSON values and answers undefined for absent keys', async () => {
      assert.equal(await r().settings.get('site'), undefined);
      const site = { name: 'مداد', languages: ['ar', 'fr'], nested: { on: true, ratio: 0.5 } };
      await r().settings.set('site', site);
      await r().settings.set('on', true);
      await r().settings.set('off', false);
      await r().settings.set('zero', 0);
      await r().settings.set('pi', 3.25);
      await r().settings.set('nothing', null);
      await r().settings.set('text', 'نص');
      assert.deepEqual(await r().settings.get('site'), site);
      assert.equal(await r().settings.get('on'), true);
      assert.equal(await r().settings.get('off'), false);
      assert.equal(await r().settings.get('zero'), 0);
      assert.equal(await r().settings.get('pi'), 3.25);
      assert.equal(await r().settings.get('nothing'), null);
      assert.equal(await r().settings.get('text'), 'نص');
    });

    it('overwrites, sets many at once and removes a key set to undefined', async () => {
      await r().settings.set('on', false);
      await r().settings.setMany({ pi: 3, extra: [1, 2], text: undefined });
      const all = await r().settings.getAll();
      assert.equal(all.on, false);
      assert.equal(all.pi, 3);
      assert.deepEqual(all.extra, [1, 2]);
      assert.equal('text' in all, false);
      assert.equal(await r().settings.get('text'), undefined);
    });
  });

  describe('transactions', () => {
    const { db, r } = useDatabase();

    it('rolls back every repository write when the transaction fails', async () => {
      await assert.rejects(
        db()
          .kysely.transaction()
          .execute(async (trx) => {
            const repos = createRepositories(trx);
            const p = await repos.people.create({ email: 't@x.org', name: 'T', slug: 't', role: 'author' });
            await repos.articles.create({
              lang: 'ar',
              status: 'draft',
              title: 't',
              slug: 't',
              authorIds: [p.id],
            });
            await repos.settings.set('k', 1);
            throw new Error('boom');
          }),
        /boom/,
      );
      assert.equal(await r().people.count(), 0);
      assert.equal(await r().articles.count(), 0);
      assert.equal(await r().settings.get('k'), undefined);
    });

    it('commits repository writes made inside one transaction', async () => {
      const id = await db()
        .kysely.transaction()
        .execute(async (trx) => {
          const repos = createRepositories(trx);
          const p = await repos.people.create({ email: 'u@x.org', name: 'U', slug: 'u', role: 'author' });
          return (
            await repos.articles.create({
              lang: 'ar',
              status: 'draft',
              title: 'u',
              slug: 'u',
              authorIds: [p.id],
            })
          ).id;
        });
      assert.equal((await r().articles.byId(id))?.authorIds.length, 1);
    });
  });
});
