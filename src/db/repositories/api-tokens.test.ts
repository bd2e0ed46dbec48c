// API tokens on every engine: found by hash only, listed per person, used, revoked once, gone
// with their person.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachEngine } from '../test-databases.ts';
import { useDatabase } from '../test-fixtures.ts';

await forEachEngine((engine) => {
  describe('api tokens', () => {
    const { r, db } = useDatabase(engine);

    it('keeps the hash, never the secret, and finds a token by it', async () => {
      const writer = await r().people.create({
        email: 'salma@example.org',
        name: 'سلمى',
        slug: 'salma',
        role: 'author',
      });
      const other = await r().people.create({
        email: 'yacine@example.org',
        name: 'Yacine',
        slug: 'yacine',
        role: 'editor',
      });
      const first = await r().apiTokens.create({
        personId: writer.id,
        name: 'تطبيق الهاتف',
        tokenHash: 'hash-one',
        hint: 'midad_ab12',
        createdAt: '2026-12-01T09:00:00.000Z',
        expiresAt: null,
      });
      const second = await r().apiTokens.create({
        personId: writer.id,
        name: 'n8n',
        tokenHash: 'hash-two',
        hint: 'midad_cd34',
        createdAt: '2026-12-02T09:00:00.000Z',
        expiresAt: '2027-01-01T00:00:00.000Z',
      });
      await r().apiTokens.create({
        personId: other.id,
        name: 'CMS',
        tokenHash: 'hash-three',
        hint: 'midad_ef56',
        createdAt: '2026-12-03T09:00:00.000Z',
        expiresAt: null,
      });
      assert.deepEqual(first, {
        id: first.id,
        personId: writer.id,
        name: 'تطبيق الهاتف',
        hint: 'midad_ab12',
        createdAt: '2026-12-01T09:00:00.000Z',
        lastUsedAt: null,
        expiresAt: null,
        revokedAt: null,
      });
      assert.deepEqual(await r().apiTokens.byHash('hash-two'), second);
      assert.equal(await r().apiTokens.byHash('hash'), null);
      assert.deepEqual(await r().apiTokens.byId(first.id), first);
      assert.deepEqual(
        (await r().apiTokens.listForPerson(writer.id)).map((t) => t.name),
        ['n8n', 'تطبيق الهاتف'],
        'newest first, only their own',
      );
      const stored = await db().kysely.selectFrom('api_tokens').select('token_hash').execute();
      assert.deepEqual(stored.map((s) => s.token_hash).sort(), ['hash-one', 'hash-three', 'hash-two']);

      // The same hash twice is refused by the schema.
      await assert.rejects(
        r().apiTokens.create({
          personId: other.id,
          name: 'copy',
          tokenHash: 'hash-one',
          hint: 'midad_ab12',
          createdAt: '2026-12-03T09:00:00.000Z',
          expiresAt: null,
        }),
      );

      await r().apiTokens.markUsed(first.id, '2026-12-04T10:00:00.000Z');
      await r().apiTokens.markUsed(first.id, '2026-12-04T09:00:00.000Z');
      assert.equal((await r().apiTokens.byId(first.id))?.lastUsedAt, '2026-12-04T10:00:00.000Z');

      assert.equal(await r().apiTokens.revoke(first.id, '2026-12-04T11:00:00.000Z'), true);
      assert.equal(await r().apiTokens.revoke(first.id, '2026-12-04T12:00:00.000Z'), false);
      assert.equal((await r().apiTokens.byHash('hash-one'))?.revokedAt, '2026-12-04T11:00:00.000Z');
      assert.equal((await r().apiTokens.byId(second.id))?.revokedAt, null);

      // They go with their person.
      await db().kysely.deleteFrom('people').where('id', '=', writer.id).execute();
      assert.deepEqual(await r().apiTokens.listForPerson(writer.id), []);
      assert.equal(await r().apiTokens.byHash('hash-two'), null);
      assert.notEqual(await r().apiTokens.byHash('hash-three'), null);
    });
  });
});
