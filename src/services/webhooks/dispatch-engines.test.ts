// Two dispatchers, each with its own connection to one database as two server processes would
// have, racing over the same due deliveries: every delivery is sent exactly once. On SQLite and
// PostgreSQL.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, it } from 'node:test';
import { startReceiver, type WebhookReceiver } from '../../../test/support/webhook-receiver.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/connect.ts';
import { forEachEngine, TEST_POSTGRES_URL } from '../../db/test-databases.ts';
import { servicesFor } from '../context.ts';
import { deliverDue } from './dispatcher.ts';
import { newWebhookSecret } from './signature.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-webhook-race-'));
let receiver: WebhookReceiver;
before(async () => {
  receiver = await startReceiver();
});
after(async () => {
  await receiver.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

await forEachEngine((engine) => {
  it('sends each delivery once when two processes dispatch at the same time', async () => {
    const config = loadConfig({}, { dataDir: path.join(dir, engine.dialect), logLevel: 'silent' });
    const db = await engine.fresh();
    const other =
      db.dialect === 'postgres'
        ? await openDatabase(TEST_POSTGRES_URL, db.schema ? { schema: db.schema } : {})
        : await openDatabase(`sqlite:${db.location}`);
    try {
      const one = servicesFor(config, db);
      const two = servicesFor(config, other);
      const webhook = await one.repos.webhooks.create({
        url: receiver.url,
        secret: newWebhookSecret(),
        events: ['article.published'],
      });
      const queued = await one.repos.webhookDeliveries.enqueue(
        Array.from({ length: 24 }, (_, i) => ({
          webhookId: webhook.id,
          event: 'article.published' as const,
          payload: { n: i },
        })),
      );
      const before = receiver.requests.length;
      const [a, b] = await Promise.all([
        deliverDue(one, { concurrency: 4 }),
        deliverDue(two, { concurrency: 4 }),
      ]);
      const sent = receiver.requests.slice(before).map((r) => Number(r.headers['x-midad-delivery']));
      assert.deepEqual(
        sent.sort((x, y) => x - y),
        queued.map((d) => d.id),
        'every delivery arrived, none twice',
      );
      assert.equal(a.length + b.length, queued.length);
      assert.deepEqual(
        [...new Set([...a, ...b].map((r) => r.deliveryId))].length,
        queued.length,
        'no delivery was attempted by both',
      );
      for (const d of queued) {
        const stored = await one.repos.webhookDeliveries.byId(d.id);
        assert.equal(stored?.status, 'succeeded');
        assert.equal(stored?.attempts, 1);
      }
    } finally {
      await other.close();
    }
  });
});
