// Newsletter storage on every engine: one row per address, confirmation, hard delete with a
// count, search, batches of confirmed subscribers, and editions claimed once.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachEngine } from '../test-databases.ts';
import { useDatabase } from '../test-fixtures.ts';

const T0 = '2030-05-01T10:00:00.000Z';
const pending = (email: string, n: number) => ({
  email,
  lang: 'ar' as const,
  sections: [3, 1],
  digest: 'daily' as const,
  alerts: true,
  confirmHash: `hash-${n}`,
  confirmExpiresAt: '2030-05-03T10:00:00.000Z',
  unsubscribeToken: `token-${n}`.padEnd(32, 'x'),
});

await forEachEngine((engine) => {
  describe('newsletter subscribers', () => {
    const { r } = useDatabase(engine);

    it('keeps one row per address and confirms it once', async () => {
      const s = await r().newsletters.insertPending(pending('a@example.org', 1), T0);
      assert.ok(s);
      assert.equal(s.status, 'pending');
      assert.deepEqual(s.sections, [3, 1]);
      assert.equal(s.alerts, true);
      assert.equal(await r().newsletters.insertPending(pending('a@example.org', 2), T0), null);
      assert.equal((await r().newsletters.byConfirmHash('hash-1'))?.id, s.id);
      assert.equal(await r().newsletters.confirm(s.id, T0), true);
      assert.equal(await r().newsletters.confirm(s.id, T0), false, 'only a pending subscriber');
      const after = await r().newsletters.byId(s.id);
      assert.equal(after?.status, 'confirmed');
      assert.equal(after?.confirmHash, null, 'the link is forgotten');
      await r().newsletters.renewPending(s.id, { ...pending('a@example.org', 3), digest: 'weekly' }, T0);
      assert.equal(
        (await r().newsletters.byId(s.id))?.digest,
        'daily',
        'a confirmed subscriber is not renewed',
      );
    });

    it('deletes on removal and keeps only a count', async () => {
      const s = await r().newsletters.insertPending(pending('gone@example.org', 4), T0);
      assert.equal(await r().newsletters.remove(s!.id), true);
      assert.equal(await r().newsletters.remove(s!.id), false);
      assert.equal(await r().newsletters.byEmail('gone@example.org'), null);
      const counts = await r().newsletters.counts();
      assert.equal(counts.unsubscribed, 1);
      await r().newsletters.remove(
        (await r().newsletters.insertPending(pending('gone2@example.org', 5), T0))!.id,
      );
      assert.equal((await r().newsletters.counts()).unsubscribed, 2);
    });

    it('lists with search, counts by status and gives confirmed ones in batches', async () => {
      const ids: number[] = [];
      for (let i = 0; i < 5; i++) {
        const s = await r().newsletters.insertPending(pending(`reader${i}@example.org`, 10 + i), T0);
        ids.push(s!.id);
        if (i < 4) await r().newsletters.confirm(s!.id, T0);
      }
      await r().newsletters.setStatus('reader3@example.org', 'bounced', T0);
      assert.equal((await r().newsletters.list({ search: 'READER2', limit: 10 })).length, 1);
      assert.equal(
        (await r().newsletters.list({ search: '%', limit: 10 })).length,
        0,
        'wildcards are literal',
      );
      const counts = await r().newsletters.counts();
      assert.ok(counts.confirmed >= 3);
      assert.ok(counts.bounced >= 1);
      const first = await r().newsletters.confirmedBatch({ lang: 'ar', alerts: true }, 0, 2);
      assert.equal(first.length, 2);
      const rest = await r().newsletters.confirmedBatch({ lang: 'ar', alerts: true }, first[1]!.id, 100);
      const all = [...first, ...rest].map((s) => s.email);
      assert.ok(all.includes('reader0@example.org'));
      assert.ok(!all.includes('reader3@example.org'), 'a bounced address is left out');
      assert.ok(!all.includes('reader4@example.org'), 'a pending one too');
      assert.equal((await r().newsletters.confirmedBatch({ lang: 'fr' }, 0, 10)).length, 0);
    });

    it('queues a batch of mails in one statement, dropping keys already queued', async () => {
      const mail = (key: string) => ({
        channel: 'mail' as const,
        dedupKey: key,
        summary: key,
        payload: { key },
      });
      assert.equal(await r().outbox.enqueueMany([mail('alert:1:1'), mail('alert:1:2')], T0), 2);
      assert.equal(await r().outbox.enqueueMany([mail('alert:1:2'), mail('alert:1:3')], T0), 1);
      assert.equal(await r().outbox.enqueueMany([], T0), 0);
      assert.deepEqual((await r().outbox.byDedupKey('alert:1:3'))?.payload, { key: 'alert:1:3' });
    });

    it('claims an edition once, keeping the first period', async () => {
      const a = await r().newsletters.claimEdition(
        'daily',
        'ar',
        '2030-05-01',
        T0,
        '2030-05-01T06:00:00.000Z',
      );
      const b = await r().newsletters.claimEdition('daily', 'ar', '2030-05-01', 'other', 'other');
      assert.deepEqual(b, a);
      assert.equal(a.doneAt, null);
      await r().newsletters.markEditionDone('daily', 'ar', '2030-05-01', T0);
      assert.equal((await r().newsletters.claimEdition('daily', 'ar', '2030-05-01', T0, T0)).doneAt, T0);
      const prev = await r().newsletters.previousEdition('daily', 'ar', '2030-05-02');
      assert.equal(prev?.edition, '2030-05-01');
      assert.equal(await r().newsletters.previousEdition('weekly', 'ar', '2030-05-02'), null);
      await r().newsletters.claimEdition('alert', 'fr', '42', T0, T0);
      const unfinished = await r().newsletters.unfinishedAlerts('2030-05-01T11:00:00.000Z');
      assert.deepEqual(
        unfinished.map((e) => [e.kind, e.lang, e.edition]),
        [['alert', 'fr', '42']],
      );
      assert.equal((await r().newsletters.unfinishedAlerts(T0)).length, 0, 'only those recorded before');
      await r().newsletters.markEditionDone('alert', 'fr', '42', T0);
      assert.equal((await r().newsletters.unfinishedAlerts('2030-05-01T11:00:00.000Z')).length, 0);
    });
  });
});
