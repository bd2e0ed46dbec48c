// The outbox on every engine: de-duplication by key, the one-winner claim (also of a message
// whose sender died), the outcome written only by the attempt that holds the message, retry.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachEngine } from '../test-databases.ts';
import { ISO, useDatabase } from '../test-fixtures.ts';

const T0 = '2030-05-01T10:00:00.000Z';
const later = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();

await forEachEngine((engine) => {
  describe('outbox', () => {
    const { r } = useDatabase(engine);

    it('queues a message once per de-duplication key', async () => {
      const first = await r().outbox.enqueue(
        {
          channel: 'telegram',
          dedupKey: 'telegram:@a:article:1:published',
          summary: '@a',
          payload: { n: 1 },
        },
        T0,
      );
      assert.ok(first);
      assert.equal(first.status, 'queued');
      assert.equal(first.attempts, 0);
      assert.equal(first.nextAttemptAt, T0);
      assert.deepEqual(first.payload, { n: 1 });
      assert.match(first.createdAt, ISO);
      const again = await r().outbox.enqueue(
        {
          channel: 'telegram',
          dedupKey: 'telegram:@a:article:1:published',
          summary: '@a',
          payload: { n: 2 },
        },
        T0,
      );
      assert.equal(again, null, 'the second one is dropped');
      assert.deepEqual((await r().outbox.byDedupKey('telegram:@a:article:1:published'))?.payload, { n: 1 });
      await r().outbox.enqueue({ channel: 'mail', dedupKey: 'mail:x', summary: 'x', payload: {} }, T0);
      assert.equal((await r().outbox.counts()).queued, 2);
    });

    it('lets exactly one of two claimers take a due message, and only it records the outcome', async () => {
      const m = (await r().outbox.enqueue(
        { channel: 'mail', dedupKey: 'mail:claim', summary: 'a@example.org', payload: {}, dueAt: T0 },
        T0,
      ))!;
      assert.equal(
        (await r().outbox.due(later(T0, -1), 50)).some((d) => d.id === m.id),
        false,
        'not due yet',
      );
      const [seen] = (await r().outbox.due(T0, 50)).filter((d) => d.id === m.id);
      assert.ok(seen);
      const lease = later(T0, 60_000);
      const results = await Promise.all([
        r().outbox.claim(seen, lease, T0),
        r().outbox.claim(seen, lease, T0),
      ]);
      const winners = results.filter((x) => x !== null);
      assert.equal(winners.length, 1);
      const claimed = winners[0]!;
      assert.equal(claimed.status, 'sending');
      assert.equal(claimed.attempts, 1);
      assert.equal(claimed.nextAttemptAt, lease);
      assert.equal(
        (await r().outbox.due(later(T0, 1000), 50)).some((d) => d.id === m.id),
        false,
        'held',
      );
      assert.equal(await r().outbox.retryNow(m.id, T0), false, 'a message being sent is not moved');

      assert.equal(
        await r().outbox.record(
          claimed,
          { status: 'queued', nextAttemptAt: later(T0, 120_000), error: 'refused' },
          T0,
        ),
        true,
      );
      const waiting = (await r().outbox.byId(m.id))!;
      assert.equal(waiting.status, 'queued');
      assert.equal(waiting.lastError, 'refused');
      assert.equal(waiting.nextAttemptAt, later(T0, 120_000));
      assert.equal(
        await r().outbox.record(claimed, { status: 'sent', nextAttemptAt: null, error: '' }, T0),
        false,
        'an attempt that lost the message cannot record',
      );

      const second = (await r().outbox.claim(waiting, later(T0, 200_000), later(T0, 120_000)))!;
      assert.equal(second.attempts, 2);
      assert.equal(
        await r().outbox.record(
          second,
          { status: 'sent', nextAttemptAt: null, error: '' },
          later(T0, 121_000),
        ),
        true,
      );
      const sent = (await r().outbox.byId(m.id))!;
      assert.equal(sent.status, 'sent');
      assert.equal(sent.sentAt, later(T0, 121_000));
      assert.equal(sent.nextAttemptAt, null);
      assert.equal(await r().outbox.claim(sent, lease), null, 'a sent message is never claimed');
      assert.equal(await r().outbox.retryNow(m.id), false, 'nor retried');
    });

    it('takes back a message whose sender died once its lease runs out', async () => {
      const m = (await r().outbox.enqueue(
        { channel: 'mail', dedupKey: 'mail:died', summary: '', payload: {} },
        T0,
      ))!;
      const claimed = (await r().outbox.claim(m, later(T0, 60_000), T0))!;
      assert.equal(
        (await r().outbox.due(later(T0, 59_000), 50)).some((d) => d.id === m.id),
        false,
      );
      const [stale] = (await r().outbox.due(later(T0, 60_000), 50)).filter((d) => d.id === m.id);
      assert.equal(stale?.status, 'sending');
      const taken = await r().outbox.claim(stale!, later(T0, 120_000), later(T0, 60_000));
      assert.equal(taken?.attempts, 2);
      assert.equal(
        await r().outbox.record(claimed, { status: 'sent', nextAttemptAt: null, error: '' }),
        false,
        'the dead attempt cannot overwrite the new one',
      );
    });

    it('retries a failed message now, lists newest first and by status', async () => {
      const m = (await r().outbox.enqueue(
        { channel: 'mail', dedupKey: 'mail:fail', summary: '', payload: {} },
        T0,
      ))!;
      const claimed = (await r().outbox.claim(m, later(T0, 60_000), T0))!;
      await r().outbox.record(claimed, { status: 'failed', nextAttemptAt: null, error: 'given up' }, T0);
      assert.equal(
        (await r().outbox.due('2999-01-01T00:00:00.000Z', 500)).some((d) => d.id === m.id),
        false,
      );
      assert.deepEqual(
        (await r().outbox.list({ status: 'failed', limit: 10 })).map((x) => x.id),
        [m.id],
      );
      assert.equal(await r().outbox.retryNow(m.id, later(T0, 5000)), true);
      const again = (await r().outbox.byId(m.id))!;
      assert.equal(again.status, 'queued');
      assert.equal(again.nextAttemptAt, later(T0, 5000));
      const all = await r().outbox.list({ limit: 100 });
      assert.deepEqual(
        all.map((x) => x.id),
        [...all.map((x) => x.id)].sort((a, b) => b - a),
      );
      assert.equal(await r().outbox.retryNow(999_999), false);
    });
  });
});
