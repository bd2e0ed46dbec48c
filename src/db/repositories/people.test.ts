// People repository, on every engine.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Conflict, NotFound } from '../../core/errors.ts';
import { forEachEngine } from '../test-databases.ts';
import { error, ISO, useDatabase } from '../test-fixtures.ts';

await forEachEngine((engine) => {
  describe('people', () => {
    const { r } = useDatabase(engine);

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
});
