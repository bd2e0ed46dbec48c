// Invitations repository, on every engine.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachEngine } from '../test-databases.ts';
import { useDatabase } from '../test-fixtures.ts';

await forEachEngine((engine) => {
  describe('invitations', () => {
    const { r } = useDatabase(engine);
    const now = '2026-11-29T10:00:00.000Z';
    const later = '2026-12-06T10:00:00.000Z';

    async function person(slug: string) {
      return r().people.create({ email: `${slug}@example.org`, name: slug, slug, role: 'author' });
    }

    it('finds an open invitation by its hash until it is used or expired, once only', async () => {
      const p = await person('awa');
      const inv = await r().invitations.create({
        personId: p.id,
        tokenHash: 'hash-awa',
        createdBy: null,
        createdAt: now,
        expiresAt: later,
      });
      assert.equal((await r().invitations.usable('hash-awa', now))?.id, inv.id);
      assert.equal(await r().invitations.usable('hash-awa', '2026-12-07T00:00:00.000Z'), null);
      assert.equal(await r().invitations.usable('another', now), null);
      assert.equal(await r().invitations.markUsed(inv.id, now), true);
      assert.equal(await r().invitations.markUsed(inv.id, now), false);
      assert.equal(await r().invitations.usable('hash-awa', now), null);
    });

    it('lists open invitations per person and revokes them', async () => {
      const a = await person('moussa');
      const b = await person('fatou');
      for (const [p, hash] of [
        [a, 'h1'],
        [a, 'h2'],
        [b, 'h3'],
      ] as const) {
        await r().invitations.create({
          personId: p.id,
          tokenHash: hash,
          createdBy: null,
          createdAt: now,
          expiresAt: later,
        });
      }
      const open = await r().invitations.openFor([a.id, b.id], now);
      assert.equal(open.size, 2);
      assert.equal(await r().invitations.revokeForPerson(a.id), 2);
      assert.deepEqual([...(await r().invitations.openFor([a.id, b.id], now)).keys()], [b.id]);
      assert.equal((await r().invitations.openFor([], now)).size, 0);
    });
  });
});
