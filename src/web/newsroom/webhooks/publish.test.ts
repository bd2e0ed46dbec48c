// Publishing from the newsroom with webhooks registered, against a real HTTP receiver: the
// signed POST arrives and verifies with the secret the admin was shown; a receiver that never
// answers or answers 500 never holds up or breaks the publish; a disabled webhook gets nothing.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { type NewsroomClient, staffClient } from '../../../../test/support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';
import { startReceiver, type WebhookReceiver } from '../../../../test/support/webhook-receiver.ts';
import type { WebhookDelivery } from '../../../core/webhooks.ts';
import { startWebhookDispatcher, type WebhookDispatcher } from '../../../services/webhooks/dispatcher.ts';

let site: TestSite;
let receiver: WebhookReceiver;
let admin: NewsroomClient;
let editor: NewsroomClient;
let dispatcher: WebhookDispatcher;

before(async () => {
  site = await startTestSite();
  receiver = await startReceiver();
  admin = await staffClient(site, 'admin', '203.0.113.61');
  editor = await staffClient(site, 'editor', '203.0.113.62');
  // As `serve` runs it, with a short deadline so a silent receiver is given up on quickly.
  dispatcher = startWebhookDispatcher(site.services, { timeoutMs: 2000, intervalMs: 60_000 });
});
after(async () => {
  await dispatcher.stop();
  await receiver.close();
  await site.close();
});
beforeEach(async () => {
  for (const w of await site.services.repos.webhooks.list()) await site.services.repos.webhooks.delete(w.id);
  receiver.requests.length = 0;
  receiver.mode = { status: 204 };
});

/** Registers a webhook through the admin's form; returns its id and the secret the page shows. */
async function register(events = ['article.published', 'article.unpublished']) {
  const res = await admin.submit('/newsroom/webhooks', '/newsroom/webhooks', {
    url: receiver.url,
    description: 'Agence partenaire',
    events,
  });
  assert.equal(res.status, 303, res.body.slice(0, 300));
  const id = Number(/\/newsroom\/webhooks\/(\d+)\?done=created$/.exec(res.location ?? '')?.[1]);
  const page = await admin.get(res.location!);
  const secret = /<code>(whsec_[A-Za-z0-9_-]+)<\/code>/.exec(page.body)?.[1];
  assert.ok(secret, 'the new secret is shown to the admin');
  return { id, secret };
}

/** Writes and publishes an article as the editor, through the editor form; returns its id and the time taken. */
async function publish(title: string): Promise<{ id: number; ms: number }> {
  const created = await editor.submit('/newsroom/articles', '/newsroom/articles/new', {});
  const id = Number(/\/newsroom\/articles\/(\d+)$/.exec(created.location ?? '')?.[1]);
  const page = await editor.get(`/newsroom/articles/${id}`);
  const started = Date.now();
  const res = await editor.post(`/newsroom/articles/${id}`, {
    _csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!,
    version: /name="version" value="(\d+)"/.exec(page.body)![1]!,
    title,
    slug: '',
    dek: 'خبر قصير كُتب للتجربة.',
    body_html: '<p>افتتحت التعاونية مخزنًا جديدًا للحبوب قرب السوق الأسبوعي.</p>',
    lang: 'ar',
    tags: '',
    intent: 'publish',
  });
  const ms = Date.now() - started;
  assert.equal(res.status, 303, res.body.slice(0, 300));
  assert.equal((await site.services.repos.articles.byId(id))?.status, 'published');
  return { id, ms };
}

async function deliveriesOf(webhookId: number): Promise<WebhookDelivery[]> {
  return site.services.repos.webhookDeliveries.listForWebhook(webhookId, 50);
}

async function until<T>(
  what: string,
  fn: () => Promise<T | null | undefined | false>,
  ms = 10_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('publishing with webhooks', () => {
  it('delivers a signed POST that verifies with the secret the admin was shown', async () => {
    const { id: webhookId, secret } = await register();
    const { id } = await publish('مخزن جديد للحبوب في دوري');
    const [request] = await receiver.waitFor(1);
    const timestamp = String(request!.headers['x-midad-timestamp']);
    const expected = createHmac('sha256', secret).update(`${timestamp}.${request!.body}`).digest('hex');
    assert.equal(request!.headers['x-midad-signature'], `sha256=${expected}`);
    const body = JSON.parse(request!.body) as { event: string; article: { id: number; title: string } };
    assert.equal(body.event, 'article.published');
    assert.deepEqual([body.article.id, body.article.title], [id, 'مخزن جديد للحبوب في دوري']);

    const [delivery] = await until('the outcome', async () => {
      const list = await deliveriesOf(webhookId);
      return list[0]?.status === 'succeeded' ? list : null;
    });
    const log = await admin.get(`/newsroom/webhooks/${webhookId}`);
    const row = new RegExp(`<tr id="delivery-${delivery!.id}" data-status="succeeded">[\\s\\S]*?</tr>`).exec(
      log.body,
    );
    assert.ok(row, 'the delivery is in the log');
    assert.match(row[0], /HTTP 204/);
    assert.match(row[0], new RegExp(`#${id} مخزن جديد للحبوب في دوري`));
  });

  it('returns from a publish before a receiver that never answers is given up on, and retries later', async () => {
    const { id: webhookId } = await register(['article.published']);
    receiver.mode = 'hang';
    await publish('قافلة تجارية تعبر الصحراء');
    // The publish is back, and no attempt has finished: the save did not wait for the call.
    const [queued] = await deliveriesOf(webhookId);
    assert.equal(queued?.status, 'pending');
    assert.equal(queued?.responseStatus, null);
    assert.equal(queued?.error, '');
    await receiver.waitFor(1);
    const failed = await until('the attempt to time out', async () => {
      const [d] = await deliveriesOf(webhookId);
      return d?.error ? d : null;
    });
    assert.equal(failed.error, 'No answer within 2 s.');
    assert.equal(failed.status, 'pending');
    const wait = Date.parse(failed.nextAttemptAt!) - Date.parse(failed.updatedAt);
    assert.ok(wait >= 48_000 && wait <= 72_000, `retried in about a minute, not ${wait} ms`);
  });

  it('records a 500 and the time of the retry, while the article is published', async () => {
    const { id: webhookId } = await register(['article.published']);
    receiver.mode = { status: 500, body: 'temporarily unavailable' };
    const { id } = await publish('موسم حصاد الفول السوداني');
    const failed = await until('the 500 to be recorded', async () => {
      const [d] = await deliveriesOf(webhookId);
      return d?.responseStatus === 500 ? d : null;
    });
    assert.equal(failed.status, 'pending');
    assert.equal(failed.attempts, 1);
    assert.equal(failed.error, 'temporarily unavailable');
    assert.equal((await site.app.inject(`/api/v1/articles/${id}`)).statusCode, 200);
    const log = await admin.get(`/newsroom/webhooks/${webhookId}`);
    const row = new RegExp(`<tr id="delivery-${failed.id}" data-status="pending">[\\s\\S]*?</tr>`).exec(
      log.body,
    );
    assert.ok(row);
    assert.match(row[0], /HTTP 500/);
    assert.match(row[0], /temporarily unavailable/);
    assert.match(row[0], /المحاولة التالية/, 'the next attempt is shown');
  });

  it('sends nothing to a disabled webhook', async () => {
    const { id: webhookId } = await register(['article.published']);
    const off = await admin.submit(
      `/newsroom/webhooks/${webhookId}`,
      `/newsroom/webhooks/${webhookId}/disable`,
      {},
    );
    assert.equal(off.status, 303);
    await publish('ورشة لصناعة الفخار في سيغو');
    assert.deepEqual(await deliveriesOf(webhookId), []);
    assert.equal(receiver.requests.length, 0);
  });
});
