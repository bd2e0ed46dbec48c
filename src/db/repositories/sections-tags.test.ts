// Sections and tags repositories, on every engine.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Conflict, NotFound } from '../../core/errors.ts';
import { forEachEngine } from '../test-databases.ts';
import { error, useDatabase } from '../test-fixtures.ts';

await forEachEngine((engine) => {
  describe('sections', () => {
    const { r } = useDatabase(engine);
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
    const { r } = useDatabase(engine);

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
});
