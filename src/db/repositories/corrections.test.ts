// Corrections on every engine: newest first per article, the duplicate lookup, the public list
// of corrections of published articles only, and the article's updated time moved alone.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachEngine } from '../test-databases.ts';
import { useDatabase } from '../test-fixtures.ts';

await forEachEngine((engine) => {
  describe('corrections', () => {
    const { r } = useDatabase(engine);

    it('keeps notes per article, newest first, edits and deletes them', async () => {
      const person = await r().people.create({
        email: 'amina@example.org',
        name: 'أمينة',
        slug: 'amina',
        role: 'editor',
      });
      const article = await r().articles.create({
        lang: 'ar',
        status: 'published',
        title: 'فيضان النيجر',
        slug: 'niger-flood',
        publishedAt: '2026-01-01T08:00:00.000Z',
      });
      const first = await r().corrections.create({
        articleId: article.id,
        kind: 'correction',
        body: 'كان عدد المتضررين ٣٠٠ لا ٣٠٠٠.',
        personId: person.id,
        createdAt: '2026-01-02T08:00:00.000Z',
      });
      const second = await r().corrections.create({
        articleId: article.id,
        kind: 'update',
        body: 'أعلنت السلطات فتح مخيم ثانٍ.',
        personId: person.id,
        createdAt: '2026-01-03T08:00:00.000Z',
      });
      assert.deepEqual(
        (await r().corrections.listForArticle(article.id)).map((c) => c.id),
        [second.id, first.id],
      );
      assert.equal(first.kind, 'correction');
      assert.equal(first.createdAt, '2026-01-02T08:00:00.000Z');
      const map = await r().corrections.forArticles([article.id, 9999]);
      assert.equal(map.get(article.id)?.length, 2);
      assert.equal(map.has(9999), false);

      const edited = await r().corrections.update(first.id, { kind: 'correction', body: 'نص مصحح.' });
      assert.equal(edited?.body, 'نص مصحح.');
      assert.equal(edited?.createdAt, first.createdAt, 'the date readers see stays');
      assert.equal(await r().corrections.update(424242, { kind: 'update', body: 'x' }), null);
      assert.equal(await r().corrections.delete(second.id), true);
      assert.equal(await r().corrections.delete(second.id), false);
      assert.deepEqual(
        (await r().corrections.listForArticle(article.id)).map((c) => c.id),
        [first.id],
      );
    });

    it('finds the same note sent again within the window only', async () => {
      const article = await r().articles.create({
        lang: 'fr',
        status: 'published',
        title: 'Crue',
        slug: 'crue',
      });
      const note = await r().corrections.create({
        articleId: article.id,
        kind: 'update',
        body: 'Le pont est rouvert.',
        personId: null,
        createdAt: '2026-02-01T10:00:00.000Z',
      });
      const same = { articleId: article.id, kind: 'update' as const, body: 'Le pont est rouvert.' };
      assert.equal(
        (await r().corrections.findSame({ ...same, since: '2026-02-01T09:59:00.000Z' }))?.id,
        note.id,
      );
      assert.equal(await r().corrections.findSame({ ...same, since: '2026-02-01T10:00:01.000Z' }), null);
      assert.equal(
        await r().corrections.findSame({ ...same, body: 'Autre', since: '2026-02-01T09:00:00.000Z' }),
        null,
      );
      assert.equal(
        await r().corrections.findSame({ ...same, kind: 'correction', since: '2026-02-01T09:00:00.000Z' }),
        null,
      );
    });

    it('lists the corrections of published articles of one language, newest first, paginated', async () => {
      const live = await r().articles.create({
        lang: 'en',
        status: 'published',
        title: 'Harvest',
        slug: 'harvest',
        publishedAt: '2026-03-01T08:00:00.000Z',
      });
      const draft = await r().articles.create({
        lang: 'en',
        status: 'draft',
        title: 'Draft',
        slug: 'draft-x',
      });
      const other = await r().articles.create({
        lang: 'ar',
        status: 'published',
        title: 'حصاد',
        slug: 'harvest-ar',
        publishedAt: '2026-03-01T08:00:00.000Z',
      });
      const mk = (articleId: number, kind: 'correction' | 'update', at: string) =>
        r().corrections.create({ articleId, kind, body: `${kind} ${at}`, personId: null, createdAt: at });
      const a = await mk(live.id, 'correction', '2026-03-02T08:00:00.000Z');
      const b = await mk(live.id, 'correction', '2026-03-03T08:00:00.000Z');
      await mk(live.id, 'update', '2026-03-04T08:00:00.000Z');
      await mk(draft.id, 'correction', '2026-03-05T08:00:00.000Z');
      await mk(other.id, 'correction', '2026-03-05T08:00:00.000Z');
      const page1 = await r().corrections.listRecent({ lang: 'en', limit: 1 });
      assert.equal(page1.total, 2);
      assert.deepEqual(
        page1.items.map((c) => c.id),
        [b.id],
      );
      assert.deepEqual(page1.items[0]?.article, {
        id: live.id,
        lang: 'en',
        slug: 'harvest',
        title: 'Harvest',
      });
      const page2 = await r().corrections.listRecent({ lang: 'en', limit: 1, offset: 1 });
      assert.deepEqual(
        page2.items.map((c) => c.id),
        [a.id],
      );
    });

    it('moves the article updated time without a new version', async () => {
      const article = await r().articles.create({
        lang: 'ar',
        status: 'published',
        title: 'مطر',
        slug: 'rain',
      });
      await r().corrections.markArticleUpdated(article.id, '2030-01-01T00:00:00.000Z');
      const after = await r().articles.byId(article.id);
      assert.equal(after?.updatedAt, '2030-01-01T00:00:00.000Z');
      assert.equal(after?.version, article.version);
    });
  });
});
