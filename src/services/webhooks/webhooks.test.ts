// Webhooks end to end below the web layer, against a real HTTP receiver on 127.0.0.1: what an
// article change queues, what is sent and how it is signed, retries with growing waits after a
// 500 or a silent receiver, disabled webhooks, pings and the bounded log.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startReceiver, type WebhookReceiver } from '../../../test/support/webhook-receiver.ts';
import { startTestSite, type TestSite } from '../../../test/support/site.ts';
import type { Article, Person } from '../../core/types.ts';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS, type Webhook, type WebhookEvent } from '../../core/webhooks.ts';
import { transitionArticle } from '../articles/workflow.ts';
import { deliverDue, pruneDeliveries } from './dispatcher.ts';
import { createWebhook, pingWebhook, retryDelivery, setWebhookActive } from './manage.ts';
import { verifyDelivery } from './signature.ts';

let site: TestSite;
let receiver: WebhookReceiver;
let admin: Person;
let actor: { person: Person; ipHash: string };

before(async () => {
  site = await startTestSite();
  receiver = await startReceiver();
  admin = (await site.services.repos.people.byEmail(site.admin.email))!;
  actor = { person: admin, ipHash: '' };
});
after(async () => {
  await receiver.close();
  await site.close();
});
beforeEach(async () => {
  for (const w of await site.services.repos.webhooks.list()) await site.services.repos.webhooks.delete(w.id);
  receiver.requests.length = 0;
  receiver.mode = { status: 204 };
});

const ALL: WebhookEvent[] = ['article.published', 'article.updated', 'article.unpublished'];

function hook(events: readonly string[] = ALL, url = receiver.url): Promise<Webhook> {
  return createWebhook(site.services, actor, { url, description: 'Test desk', events });
}

/** A new, ready-to-publish Arabic draft. */
async function draft(title: string, slug: string): Promise<Article> {
  return site.services.repos.articles.create({
    lang: 'ar',
    status: 'draft',
    title,
    slug,
    dek: 'موجز قصير للتجربة.',
    bodyHtml: '<p>نص تجريبي عن أسواق الحبوب في الساحل.</p>',
    authorIds: [admin.id],
    sectionId: site.mainArticle.sectionId,
    tagIds: site.mainArticle.tagIds,
  });
}

const publish = (id: number) => transitionArticle(site.services, actor, { id, transition: 'publish' });
const unpublish = (id: number) => transitionArticle(site.services, actor, { id, transition: 'unpublish' });

function parse(body: string): Record<string, unknown> {
  return JSON.parse(body) as Record<string, unknown>;
}

describe('queueing', () => {
  it('queues one delivery per active webhook subscribed to the change, and none for hidden changes', async () => {
    const all = await hook();
    const onlyPublished = await hook(['article.published']);
    const disabled = await hook(ALL);
    await setWebhookActive(site.services, actor, { webhookId: disabled.id, active: false });
    const onlyUnpublished = await hook(['article.unpublished']);

    const article = await draft('سوق الماشية في النيجر', 'souq-al-mashiya');
    await transitionArticle(site.services, actor, {
      id: article.id,
      transition: 'schedule',
      at: new Date(Date.now() + 3_600_000),
    });
    await publish(article.id);
    await unpublish(article.id);

    const events = async (w: Webhook) =>
      (await site.services.repos.webhookDeliveries.listForWebhook(w.id, 50)).map((d) => d.event).reverse();
    assert.deepEqual(await events(all), ['article.published', 'article.unpublished']);
    assert.deepEqual(await events(onlyPublished), ['article.published']);
    assert.deepEqual(await events(disabled), []);
    assert.deepEqual(await events(onlyUnpublished), ['article.unpublished']);
    assert.equal(receiver.requests.length, 0, 'queueing sends nothing');
  });
});

describe('updates in a burst', () => {
  it('merges the updates of one article into one delivery, sent a quiet minute later with the latest text', async () => {
    const webhook = await hook(['article.updated']);
    const article = await draft('أسعار الحبوب في موبتي', 'asaar-mopti');
    const published = await publish(article.id);
    let current = published;
    const started = Date.now();
    for (const title of ['أسعار الحبوب ترتفع في موبتي', 'أسعار الحبوب ترتفع مجددًا في موبتي']) {
      current = await site.services.repos.articles.update(
        current.id,
        { title },
        { expectedVersion: current.version },
      );
      await site.services.events.emit({
        type: 'article',
        change: 'updated',
        before: published,
        after: current,
      });
    }
    const log = await site.services.repos.webhookDeliveries.listForWebhook(webhook.id, 50);
    assert.equal(log.length, 1, 'one queued delivery for the burst');
    const [queued] = log;
    assert.ok(Date.parse(queued!.nextAttemptAt ?? '') >= started + 59_000, 'due about a minute later');
    assert.equal((queued!.payload.article as { title: string }).title, 'أسعار الحبوب ترتفع مجددًا في موبتي');
    assert.deepEqual(await deliverDue(site.services), [], 'nothing is sent before its time');
    const later = new Date(Date.now() + 61_000);
    const reports = await deliverDue(site.services, { now: () => later });
    assert.equal(reports.length, 1);
    assert.equal(reports[0]?.ok, true);
  });
});

describe('sending', () => {
  it('POSTs signed JSON carrying the article as the content API shows it', async () => {
    const webhook = await hook();
    const article = await draft('مهرجان الموسيقى في باماكو', 'mahrajan-bamako');
    await publish(article.id);
    const reports = await deliverDue(site.services);
    assert.deepEqual(
      reports.map((r) => [r.ok, r.outcome]),
      [[true, 'succeeded']],
    );
    const [request] = await receiver.waitFor(1);
    assert.equal(request!.method, 'POST');
    assert.equal(request!.path, '/hooks/midad');
    assert.equal(request!.headers['content-type'], 'application/json');
    assert.equal(request!.headers['user-agent'], 'Midad-Webhooks');
    assert.equal(request!.headers['x-midad-event'], 'article.published');
    const [delivery] = await site.services.repos.webhookDeliveries.listForWebhook(webhook.id, 1);
    assert.equal(request!.headers['x-midad-delivery'], String(delivery!.id));
    const signature = String(request!.headers['x-midad-signature']);
    assert.match(signature, /^sha256=[0-9a-f]{64}$/);
    const timestamp = String(request!.headers['x-midad-timestamp']);
    // What a receiver computes, as docs/webhooks.md shows it.
    const expected = createHmac('sha256', webhook.secret)
      .update(`${timestamp}.${request!.body}`)
      .digest('hex');
    assert.equal(signature, `sha256=${expected}`);
    assert.ok(Math.abs(Number(timestamp) - Date.now() / 1000) < 60);
    assert.ok(verifyDelivery({ secret: webhook.secret, body: request!.body, signature, timestamp }));
    assert.ok(!verifyDelivery({ secret: 'whsec_wrong', body: request!.body, signature, timestamp }));
    assert.ok(
      !verifyDelivery({ secret: webhook.secret, body: `${request!.body} `, signature, timestamp }),
      'a changed body fails',
    );

    const body = parse(request!.body);
    assert.equal(body.event, 'article.published');
    assert.equal(body.delivery_id, delivery!.id);
    assert.ok(typeof body.occurred_at === 'string' && !Number.isNaN(Date.parse(body.occurred_at)));
    const api = await site.app.inject(`/api/v1/articles/${article.id}`);
    assert.deepEqual(body.article, (JSON.parse(api.body) as { data: unknown }).data);

    const saved = (await site.services.repos.webhookDeliveries.byId(delivery!.id))!;
    assert.equal(saved.status, 'succeeded');
    assert.equal(saved.attempts, 1);
    assert.equal(saved.responseStatus, 204);
    assert.equal(saved.nextAttemptAt, null);
    assert.ok(saved.durationMs !== null && saved.durationMs >= 0);
  });

  it('describes an unpublished article as readers last saw it', async () => {
    await hook(['article.unpublished']);
    const article = await draft('قافلة الملح تصل إلى أغاديس', 'qafilat-al-milh');
    await publish(article.id);
    const url = (
      parse((await site.app.inject(`/api/v1/articles/${article.id}`)).body).data as { url: string }
    ).url;
    await unpublish(article.id);
    await deliverDue(site.services);
    const [request] = await receiver.waitFor(1);
    const body = parse(request!.body);
    assert.equal(body.event, 'article.unpublished');
    const sent = body.article as { id: number; url: string; title: string };
    assert.deepEqual([sent.id, sent.url, sent.title], [article.id, url, 'قافلة الملح تصل إلى أغاديس']);
  });
});

describe('failures', () => {
  it('retries a 500 after about 1 min, 5 min, 30 min, 2 h and 12 h, then gives up', async () => {
    const webhook = await hook(['article.published']);
    receiver.mode = { status: 500, body: 'database unavailable' };
    const article = await draft('موسم الأمطار في تشاد', 'mawsim-al-amtar');
    await publish(article.id);
    const [queued] = await site.services.repos.webhookDeliveries.listForWebhook(webhook.id, 1);
    let clock = new Date();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const reports = await deliverDue(site.services, { now: () => clock });
      assert.equal(reports.length, 1, `attempt ${attempt} is made when due`);
      assert.deepEqual(await deliverDue(site.services, { now: () => clock }), [], 'and not made twice');
      const d = (await site.services.repos.webhookDeliveries.byId(queued!.id))!;
      assert.equal(d.attempts, attempt);
      assert.equal(d.responseStatus, 500);
      assert.equal(d.error, 'database unavailable');
      if (attempt < MAX_ATTEMPTS) {
        assert.equal(d.status, 'pending');
        const wait = Date.parse(d.nextAttemptAt!) - clock.getTime();
        const base = RETRY_DELAYS_MS[attempt - 1]!;
        assert.ok(wait >= base * 0.8 && wait <= base * 1.2, `wait ${wait} ms after attempt ${attempt}`);
        // Not due a moment before its time.
        assert.deepEqual(
          await deliverDue(site.services, { now: () => new Date(Date.parse(d.nextAttemptAt!) - 1) }),
          [],
        );
        clock = new Date(d.nextAttemptAt!);
      } else {
        assert.equal(d.status, 'failed');
        assert.equal(d.nextAttemptAt, null);
      }
    }
    assert.equal(receiver.requests.length, MAX_ATTEMPTS);
  });

  it('ends an attempt that gets no answer at its deadline and tries again later', async () => {
    const webhook = await hook(['article.published']);
    receiver.mode = 'hang';
    const article = await draft('معرض الكتاب في نواكشوط', 'maarid-al-kitab');
    await publish(article.id);
    const started = Date.now();
    const [report] = await deliverDue(site.services, { timeoutMs: 300 });
    const took = Date.now() - started;
    assert.equal(report?.outcome, 'pending');
    assert.ok(took >= 290 && took < 5000, `the attempt took ${took} ms`);
    const [d] = await site.services.repos.webhookDeliveries.listForWebhook(webhook.id, 1);
    assert.equal(d!.responseStatus, null);
    assert.equal(d!.error, 'No answer within 0.3 s.');
    const wait = Date.parse(d!.nextAttemptAt!) - Date.now();
    assert.ok(wait > 40_000 && wait <= 72_000, `retried in about a minute (${wait} ms)`);
  });

  it('holds back what was queued for a webhook disabled since, until it is enabled and retried', async () => {
    const webhook = await hook(['article.published']);
    const article = await draft('تعاونية نسائية لإنتاج الزبدة', 'taawuniya-nisaiya');
    await publish(article.id);
    await setWebhookActive(site.services, actor, { webhookId: webhook.id, active: false });
    await deliverDue(site.services);
    assert.equal(receiver.requests.length, 0);
    const [held] = await site.services.repos.webhookDeliveries.listForWebhook(webhook.id, 1);
    assert.equal(held!.status, 'failed');
    assert.equal(held!.error, 'The webhook is disabled.');

    await setWebhookActive(site.services, actor, { webhookId: webhook.id, active: true });
    const report = await retryDelivery(site.services, actor, { webhookId: webhook.id, deliveryId: held!.id });
    assert.equal(report?.outcome, 'succeeded');
    await receiver.waitFor(1);
    assert.equal(
      await retryDelivery(site.services, actor, { webhookId: webhook.id, deliveryId: held!.id }),
      null,
      'a success is not sent again',
    );
    const audit = await site.services.repos.audit.list({ limit: 1, action: 'webhook.delivery-retried' });
    assert.equal(audit[0]?.targetId, String(webhook.id));
  });
});

describe('pings and the log', () => {
  it('sends a signed ping at once, and does not retry a failed one', async () => {
    const webhook = await hook(['article.updated']);
    const report = await pingWebhook(site.services, actor, { webhookId: webhook.id });
    assert.equal(report?.outcome, 'succeeded');
    const [request] = await receiver.waitFor(1);
    assert.equal(request!.headers['x-midad-event'], 'ping');
    const body = parse(request!.body);
    assert.deepEqual(body.webhook, { id: webhook.id, url: receiver.url, events: ['article.updated'] });
    assert.ok(
      verifyDelivery({
        secret: webhook.secret,
        body: request!.body,
        signature: String(request!.headers['x-midad-signature']),
        timestamp: String(request!.headers['x-midad-timestamp']),
      }),
    );
    receiver.mode = { status: 503 };
    const failed = await pingWebhook(site.services, actor, { webhookId: webhook.id });
    assert.equal(failed?.outcome, 'failed');
    assert.equal(failed?.status, 503);
  });

  it('prunes successes after 30 days and failures after 90, never pending ones', async () => {
    const webhook = await hook(['article.published']);
    await pingWebhook(site.services, actor, { webhookId: webhook.id });
    const [done] = await site.services.repos.webhookDeliveries.listForWebhook(webhook.id, 1);
    const day = 86_400_000;
    assert.equal(await pruneDeliveries(site.services, new Date(Date.now() + 29 * day)), 0);
    assert.equal(await pruneDeliveries(site.services, new Date(Date.now() + 31 * day)), 1);
    assert.equal(await site.services.repos.webhookDeliveries.byId(done!.id), null);
  });
});
