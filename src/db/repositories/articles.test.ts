// Articles repository (create, update, status, deletion), on every engine.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { Conflict, Invalid, NotFound } from '../../core/errors.ts';
import { forEachEngine } from '../test-databases.ts';
import { error, ids, ISO, useDatabase } from '../test-fixtures.ts';

await forEachEngine((engine) => {
  describe('articles', () => {
    const { db, r } = useDatabase(engine);
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
});
