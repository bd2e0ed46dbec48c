// Media, redirects and settings repositories, on every engine.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Conflict, NotFound } from '../../core/errors.ts';
import { forEachEngine } from '../test-databases.ts';
import { error, ISO, useDatabase } from '../test-fixtures.ts';

await forEachEngine((engine) => {
  describe('media', () => {
    const { db, r } = useDatabase(engine);

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
    const { r } = useDatabase(engine);

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
    const { r } = useDatabase(engine);

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
});
