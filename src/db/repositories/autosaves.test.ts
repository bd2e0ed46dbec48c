// Autosaves kept aside for published articles, on every engine.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachEngine } from '../test-databases.ts';
import { useDatabase } from '../test-fixtures.ts';

await forEachEngine((engine) => {
  describe('autosaves', () => {
    const { r, db } = useDatabase(engine);

    it('keeps one per article and person, replaced by the next, until discarded', async () => {
      const writer = await r().people.create({
        email: 'mariam@example.org',
        name: 'مريم',
        slug: 'mariam',
        role: 'author',
      });
      const editor = await r().people.create({
        email: 'issa@example.org',
        name: 'Issa',
        slug: 'issa',
        role: 'editor',
      });
      const article = await r().articles.create({
        lang: 'ar',
        status: 'published',
        title: 'سوق غاو',
        slug: 'gao-market',
      });
      assert.equal(await r().autosaves.find(article.id, writer.id), null);

      const first = await r().autosaves.put({
        articleId: article.id,
        personId: writer.id,
        baseVersion: 1,
        form: { title: 'سوق غاو الأسبوعي', tags: 'أسواق', is_breaking: false },
        savedAt: '2026-11-29T10:00:00.000Z',
      });
      assert.deepEqual(await r().autosaves.find(article.id, writer.id), first);
      await r().autosaves.put({
        articleId: article.id,
        personId: writer.id,
        baseVersion: 2,
        form: { title: 'سوق غاو بعد المطر' },
        savedAt: '2026-11-29T10:05:00.000Z',
      });
      await r().autosaves.put({
        articleId: article.id,
        personId: editor.id,
        baseVersion: 2,
        form: { title: 'Gao' },
      });
      const mine = await r().autosaves.find(article.id, writer.id);
      assert.deepEqual(mine, {
        articleId: article.id,
        personId: writer.id,
        baseVersion: 2,
        form: { title: 'سوق غاو بعد المطر' },
        savedAt: '2026-11-29T10:05:00.000Z',
      });
      assert.equal((await r().autosaves.find(article.id, editor.id))?.form.title, 'Gao');
      assert.deepEqual(
        (await r().autosaves.listForArticle(article.id)).map((a) => [a.personId, a.baseVersion]),
        [
          [writer.id, 2],
          [editor.id, 2],
        ],
      );

      assert.equal(await r().autosaves.discard(article.id, writer.id), true);
      assert.equal(await r().autosaves.discard(article.id, writer.id), false);
      assert.equal(await r().autosaves.find(article.id, writer.id), null);
      assert.notEqual(await r().autosaves.find(article.id, editor.id), null, "the other person's is kept");

      // They go with their article.
      await db().kysely.deleteFrom('articles').where('id', '=', article.id).execute();
      assert.equal(await r().autosaves.find(article.id, editor.id), null);
    });
  });
});
