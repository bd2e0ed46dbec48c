// Webhooks and their delivery log, on every engine: subscriptions, the one-winner claim, the
// outcome written only by the attempt that holds the delivery, retry and pruning.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NotFound } from '../../core/errors.ts';
import { forEachEngine } from '../test-databases.ts';
import { error, ISO, useDatabase } from '../test-fixtures.ts';

const later = (iso: string, ms: number) => new Date(new Date(iso).getTime() + ms).toISOString();

await forEachEngine((engine) => {
  describe('webhooks', () => {
    const { r } = useDatabase(engine);

    it('stores a webhook, lists the active ones subscribed to an event, updates and deletes', async () => {
      const all = await r().webhooks.create({
        url: 'https://hooks.example/all',
        secret: 's1',
        // Repeated and out of order: stored once each, in the canonical order.
        events: ['article.unpublished', 'article.published', 'article.updated', 'article.published'],
        description: 'Archive mirror',
      });
      assert.deepEqual(all.events, ['article.published', 'article.updated', 'article.unpublished']);
      assert.equal(all.active, true);
      assert.match(all.createdAt, ISO);
      const published = await r().webhooks.create({
        url: 'https://hooks.example/published',
        secret: 's2',
        events: ['article.published'],
      });
      const off = await r().webhooks.create({
        url: 'https://hooks.example/off',
        secret: 's3',
        events: ['article.published'],
        active: false,
      });
      assert.deepEqual(
        (await r().webhooks.subscribedTo('article.published')).map((w) => w.id),
        [all.id, published.id],
      );
      assert.deepEqual(
        (await r().webhooks.subscribedTo('article.updated')).map((w) => w.id),
        [all.id],
      );

      const changed = await r().webhooks.update(off.id, { active: true, events: ['article.updated'] });
      assert.equal(changed.active, true);
      assert.deepEqual(changed.events, ['article.updated']);
      assert.equal(changed.secret, 's3');
      assert.deepEqual(
        (await r().webhooks.list()).map((w) => w.id),
        [all.id, published.id, off.id],
      );

      const [delivery] = await r().webhookDeliveries.enqueue([
        { webhookId: off.id, event: 'article.updated', payload: { event: 'article.updated' } },
      ]);
      await r().webhooks.delete(off.id);
      assert.equal(await r().webhooks.byId(off.id), null);
      assert.equal(await r().webhookDeliveries.byId(delivery!.id), null, 'the log goes with the webhook');
      await assert.rejects(r().webhooks.update(off.id, { active: false }), error(NotFound));
    });
  });

  describe('webhook deliveries', () => {
    const { r } = useDatabase(engine);
    const now = '2026-03-01T10:00:00.000Z';

    const webhook = () =>
      r().webhooks.create({ url: 'https://hooks.example/x', secret: 's', events: ['article.published'] });

    it('queues deliveries due at once, with their payload, and lists a webhook log newest first', async () => {
      const w = await webhook();
      const queued = await r().webhookDeliveries.enqueue(
        [
          { webhookId: w.id, event: 'article.published', payload: { article: { id: 7, title: 'سوق' } } },
          { webhookId: w.id, event: 'ping', payload: { zen: 'hello' } },
        ],
        now,
      );
      assert.equal(queued.length, 2);
      const [first, second] = queued;
      assert.equal(first!.status, 'pending');
      assert.equal(first!.attempts, 0);
      assert.equal(first!.nextAttemptAt, now);
      assert.deepEqual(first!.payload, { article: { id: 7, title: 'سوق' } });
      assert.deepEqual(
        (await r().webhookDeliveries.listForWebhook(w.id, 50)).map((d) => d.id),
        [second!.id, first!.id],
      );
      assert.equal((await r().webhookDeliveries.latestFor([w.id])).get(w.id)?.id, second!.id);
      assert.deepEqual(
        (await r().webhookDeliveries.due(now, 10)).filter((d) => d.webhookId === w.id).map((d) => d.id),
        [first!.id, second!.id],
      );
      assert.deepEqual(
        (await r().webhookDeliveries.due('2026-03-01T09:59:59.000Z', 10)).filter((d) => d.webhookId === w.id),
        [],
      );
    });

    it('lets exactly one of several claims win, and only the winner records the outcome', async () => {
      const w = await webhook();
      const [d] = await r().webhookDeliveries.enqueue(
        [{ webhookId: w.id, event: 'article.published', payload: {} }],
        now,
      );
      const lease = later(now, 60_000);
      const claims = await Promise.all([
        r().webhookDeliveries.claim(d!, lease, now),
        r().webhookDeliveries.claim(d!, lease, now),
        r().webhookDeliveries.claim(d!, lease, now),
      ]);
      const won = claims.filter((c) => c !== null);
      assert.equal(won.length, 1);
      assert.equal(won[0]!.attempts, 1);
      assert.equal(won[0]!.nextAttemptAt, lease);
      // Leased: not due until the lease runs out.
      assert.ok(!(await r().webhookDeliveries.due(now, 10)).some((x) => x.id === d!.id));

      // The holder dies mid-attempt; once the lease is over another process claims it again.
      const leased = (await r().webhookDeliveries.byId(d!.id))!;
      assert.ok((await r().webhookDeliveries.due(lease, 10)).some((x) => x.id === d!.id));
      const again = await r().webhookDeliveries.claim(leased, later(lease, 60_000), lease);
      assert.equal(again?.attempts, 2);
      const failure = {
        status: 'pending',
        responseStatus: 500,
        error: 'Internal error',
        durationMs: 12,
      } as const;
      // The first holder's late answer is not written over the second attempt's.
      assert.equal(
        await r().webhookDeliveries.record(won[0]!, { ...failure, nextAttemptAt: later(lease, 1) }),
        false,
      );
      const retryAt = later(lease, 300_000);
      assert.equal(await r().webhookDeliveries.record(again!, { ...failure, nextAttemptAt: retryAt }), true);
      const stored = (await r().webhookDeliveries.byId(d!.id))!;
      assert.equal(stored.status, 'pending');
      assert.equal(stored.nextAttemptAt, retryAt);
      assert.equal(stored.responseStatus, 500);
      assert.equal(stored.error, 'Internal error');
    });

    it('records success and final failure, retries a failed delivery once more, prunes old ones', async () => {
      const w = await webhook();
      const [ok, bad] = await r().webhookDeliveries.enqueue(
        [
          { webhookId: w.id, event: 'article.published', payload: {} },
          { webhookId: w.id, event: 'article.published', payload: {} },
        ],
        now,
      );
      const okClaim = (await r().webhookDeliveries.claim(ok!, later(now, 30_000), now))!;
      await r().webhookDeliveries.record(
        okClaim,
        { status: 'succeeded', nextAttemptAt: null, responseStatus: 204, error: '', durationMs: 8 },
        now,
      );
      const saved = (await r().webhookDeliveries.byId(ok!.id))!;
      assert.equal(saved.status, 'succeeded');
      assert.equal(saved.nextAttemptAt, null);
      assert.equal(saved.responseStatus, 204);
      assert.equal(saved.durationMs, 8);
      assert.equal(await r().webhookDeliveries.retryNow(ok!.id), false, 'a success is not retried');

      const badClaim = (await r().webhookDeliveries.claim(bad!, later(now, 30_000), now))!;
      await r().webhookDeliveries.record(
        badClaim,
        {
          status: 'failed',
          nextAttemptAt: null,
          responseStatus: null,
          error: 'timed out',
          durationMs: 10_000,
        },
        now,
      );
      assert.equal((await r().webhookDeliveries.byId(bad!.id))!.status, 'failed');
      const retryAt = later(now, 1000);
      assert.equal(await r().webhookDeliveries.retryNow(bad!.id, retryAt), true);
      const retried = (await r().webhookDeliveries.byId(bad!.id))!;
      assert.equal(retried.status, 'pending');
      assert.equal(retried.nextAttemptAt, retryAt);
      assert.equal(retried.attempts, 1, 'attempts keep counting');

      const removed = await r().webhookDeliveries.prune({
        succeeded: later(now, 1),
        failed: later(now, 1),
      });
      assert.ok(removed >= 1);
      assert.equal(await r().webhookDeliveries.byId(ok!.id), null);
      assert.ok(await r().webhookDeliveries.byId(bad!.id), 'a pending delivery is never pruned');
    });
  });
});
