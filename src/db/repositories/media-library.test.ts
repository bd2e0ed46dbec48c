// The media library's queries, on every engine: paging and search, what uses an item, delete.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachEngine } from '../test-databases.ts';
import { useDatabase } from '../test-fixtures.ts';

await forEachEngine((engine) => {
  describe('media library', () => {
    const { r } = useDatabase(engine);

    it('lists newest first, pages, and searches alt text, caption and credit', async () => {
      const made = [];
      const texts = [
        { alt: 'سوق باماكو الكبير', caption: '', credit: '' },
        { alt: 'Fleuve Niger à Niamey', caption: 'Crue de 2024', credit: '' },
        { alt: '', caption: 'نهر النيجر عند نيامي', credit: 'Awa_Traoré' },
        { alt: '100% coton', caption: '', credit: '' },
      ];
      for (const [i, text] of texts.entries()) {
        made.push(
          await r().media.create({ path: `2026/11/lib${i}.jpg`, mime: 'image/jpeg', size: 10, ...text }),
        );
      }
      const all = await r().media.list({ limit: 3 });
      assert.equal(all.total, 4);
      assert.deepEqual(
        all.items.map((m) => m.id),
        [made[3]!.id, made[2]!.id, made[1]!.id],
      );
      const second = await r().media.list({ limit: 3, offset: 3 });
      assert.deepEqual(
        second.items.map((m) => m.id),
        [made[0]!.id],
      );
      const niger = await r().media.list({ q: 'النيجر', limit: 10 });
      assert.deepEqual(
        niger.items.map((m) => m.id),
        [made[2]!.id],
      );
      assert.equal(niger.total, 1);
      assert.deepEqual(
        (await r().media.list({ q: 'niger  CRUE', limit: 10 })).items.map((m) => m.id),
        [made[1]!.id],
      );
      assert.deepEqual(
        (await r().media.list({ q: 'awa_', limit: 10 })).items.map((m) => m.id),
        [made[2]!.id],
      );
      // LIKE wildcards in the query are taken literally.
      assert.deepEqual(
        (await r().media.list({ q: '100%', limit: 10 })).items.map((m) => m.id),
        [made[3]!.id],
      );
      assert.equal((await r().media.list({ q: '%', limit: 10 })).total, 1);
      assert.equal((await r().media.list({ q: 'غير موجود', limit: 10 })).total, 0);
    });

    it('finds the articles and people that use an item, and deletes it', async () => {
      const photo = await r().media.create({ path: '2026/11/abc123.jpg', mime: 'image/jpeg', size: 1 });
      const other = await r().media.create({ path: '2026/11/abc1234.jpg', mime: 'image/jpeg', size: 1 });
      const featured = await r().articles.create({
        lang: 'ar',
        status: 'published',
        title: 'خبر بصورة بارزة',
        slug: 'featured-photo',
        featuredMediaId: photo.id,
      });
      const inBody = await r().articles.create({
        lang: 'fr',
        status: 'draft',
        title: 'Photo dans le texte',
        slug: 'photo-texte',
        bodyHtml: '<figure><img src="/media/2026/11/abc123-640.jpg" alt=""></figure>',
      });
      await r().articles.create({
        lang: 'en',
        status: 'draft',
        title: 'Other photo',
        slug: 'other-photo',
        bodyHtml: '<img src="/media/2026/11/abc1234-640.jpg">',
      });
      const person = await r().people.create({
        email: 'photo@x.org',
        name: 'أمينة',
        slug: 'amina',
        role: 'author',
        avatarMediaId: photo.id,
      });

      const usage = await r().media.usage(photo.id);
      assert.deepEqual(
        usage.articles.map((a) => [a.id, a.lang, a.title, a.status]),
        [
          [featured.id, 'ar', 'خبر بصورة بارزة', 'published'],
          [inBody.id, 'fr', 'Photo dans le texte', 'draft'],
        ],
      );
      assert.deepEqual(usage.people, [{ id: person.id, name: 'أمينة', slug: 'amina' }]);
      assert.deepEqual((await r().media.usage(other.id)).people, []);
      assert.equal((await r().media.usage(other.id)).articles.length, 1);
      assert.deepEqual(await r().media.usage(999_999), { articles: [], people: [] });

      await r().media.delete(other.id);
      assert.equal(await r().media.byId(other.id), null);
      await r().media.delete(other.id);
    });
  });
});
