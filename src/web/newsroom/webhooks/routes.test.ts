// The webhooks pages over HTTP: admins add, edit, switch off and on, ping, renew the secret of,
// retry and delete webhooks, each step audited; bad addresses are refused next to the field
// with the typed input kept; anyone else gets 403 on every route and nothing changes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type NewsroomClient, staffClient } from '../../../../test/support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';
import { startReceiver, type WebhookReceiver } from '../../../../test/support/webhook-receiver.ts';
import { webhookMessages } from './messages.ts';

let site: TestSite;
let receiver: WebhookReceiver;
let admin: NewsroomClient;
let editor: NewsroomClient;
const t = webhookMessages('ar');

before(async () => {
  site = await startTestSite();
  receiver = await startReceiver();
  admin = await staffClient(site, 'admin', '203.0.113.71');
  editor = await staffClient(site, 'editor', '203.0.113.72');
});
after(async () => {
  await receiver.close();
  await site.close();
});

const attribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

async function create(fields: Record<string, string | string[]>) {
  return admin.submit('/newsroom/webhooks', '/newsroom/webhooks', fields);
}

async function lastAudit(action: string): Promise<string | undefined> {
  return (await site.services.repos.audit.list({ limit: 1, action }))[0]?.targetId;
}

describe('managing webhooks', () => {
  it('adds, edits, disables, enables, renews the secret of and deletes a webhook, auditing each step', async () => {
    const list = await admin.get('/newsroom/webhooks');
    assert.equal(list.status, 200);
    assert.match(list.body, /href="\/newsroom\/webhooks" aria-current="page"/, 'in the admin menu');

    const res = await create({
      url: receiver.url,
      description: 'Archive partner',
      events: ['article.published', 'article.updated'],
    });
    assert.equal(res.status, 303);
    const id = Number(/\/newsroom\/webhooks\/(\d+)/.exec(res.location ?? '')?.[1]);
    const created = (await site.services.repos.webhooks.byId(id))!;
    assert.deepEqual(
      [created.url, created.description, created.events, created.active],
      [receiver.url, 'Archive partner', ['article.published', 'article.updated'], true],
    );
    assert.match(created.secret, /^whsec_[A-Za-z0-9_-]{43}$/);
    assert.ok((await admin.get(res.location!)).body.includes(created.secret));
    assert.equal(await lastAudit('webhook.created'), String(id));
    const audit = (await site.services.repos.audit.list({ limit: 1, action: 'webhook.created' }))[0]!;
    assert.ok(
      !JSON.stringify(audit.details).includes(created.secret),
      'the secret stays out of the audit log',
    );

    const page = `/newsroom/webhooks/${id}`;
    const edited = await admin.submit(page, page, {
      url: `${receiver.url}?site=midad`,
      description: 'Archive partner (new address)',
      events: ['article.unpublished'],
    });
    assert.equal(edited.status, 303);
    const changed = (await site.services.repos.webhooks.byId(id))!;
    assert.deepEqual(
      [changed.url, changed.events, changed.secret],
      [`${receiver.url}?site=midad`, ['article.unpublished'], created.secret],
    );
    assert.equal(await lastAudit('webhook.updated'), String(id));

    assert.equal((await admin.submit(page, `${page}/disable`, {})).status, 303);
    assert.equal((await site.services.repos.webhooks.byId(id))!.active, false);
    assert.equal(await lastAudit('webhook.disabled'), String(id));
    assert.equal((await admin.submit(page, `${page}/enable`, {})).status, 303);
    assert.equal((await site.services.repos.webhooks.byId(id))!.active, true);
    assert.equal(await lastAudit('webhook.enabled'), String(id));

    assert.equal((await admin.submit(page, `${page}/rotate-secret`, {})).status, 303);
    const renewed = (await site.services.repos.webhooks.byId(id))!.secret;
    assert.notEqual(renewed, created.secret);
    assert.match(renewed, /^whsec_/);
    assert.equal(await lastAudit('webhook.secret-rotated'), String(id));

    assert.equal((await admin.submit(page, `${page}/delete`, {})).status, 303);
    assert.equal(await site.services.repos.webhooks.byId(id), null);
    assert.equal(await lastAudit('webhook.deleted'), String(id));
    assert.equal((await admin.get(page)).status, 404);
  });

  it('pings at once and shows the answer; a failed ping can be retried from the log', async () => {
    const res = await create({ url: receiver.url, description: '', events: ['article.published'] });
    const page = res.location!.split('?')[0]!;
    const id = Number(page.split('/').pop());
    receiver.mode = { status: 503, body: 'maintenance' };
    const failed = await admin.submit(page, `${page}/ping`, {});
    assert.equal(failed.status, 303);
    const shown = await admin.get(failed.location!);
    assert.match(shown.body, /role="alert">[^<]*HTTP 503 – maintenance/);
    const [delivery] = await site.services.repos.webhookDeliveries.listForWebhook(id, 1);
    assert.equal(delivery?.status, 'failed');
    assert.equal(delivery?.event, 'ping');
    assert.ok(shown.body.includes(`action="${page}/deliveries/${delivery!.id}/retry"`), 'a retry button');
    assert.equal(await lastAudit('webhook.pinged'), String(id));

    receiver.mode = { status: 200 };
    const retried = await admin.submit(page, `${page}/deliveries/${delivery!.id}/retry`, {});
    assert.equal(retried.status, 303);
    assert.match((await admin.get(retried.location!)).body, /role="status">[^<]*HTTP 200/);
    const after = (await site.services.repos.webhookDeliveries.byId(delivery!.id))!;
    assert.deepEqual([after.status, after.attempts, after.responseStatus], ['succeeded', 2, 200]);
    assert.equal(
      receiver.requests.filter((r) => r.headers['x-midad-delivery'] === String(delivery!.id)).length,
      2,
    );
    assert.equal(await lastAudit('webhook.delivery-retried'), String(id));

    const again = await admin.submit(page, `${page}/deliveries/${delivery!.id}/retry`, {});
    assert.match((await admin.get(again.location!)).body, new RegExp(t.alreadyHandled));
  });
});

describe('refused input', () => {
  const bad: [string, string][] = [
    ['ftp://files.example.org/drop', t.errUrlScheme],
    ['javascript:alert(document.cookie)', t.errUrlScheme],
    ['', t.errUrlRequired],
    ['https://desk:hunter2hunter2@hooks.example.org/in', t.errUrlCredentials],
    ['not an address', t.errUrlInvalid],
  ];
  for (const [url, message] of bad) {
    it(`refuses "${url}" with its reason next to the field, keeping what was typed`, async () => {
      const before = (await site.services.repos.webhooks.list()).length;
      const res = await create({ url, description: 'Service météo', events: ['article.updated'] });
      assert.equal(res.status, 422);
      assert.ok(res.body.includes(`<span id="new-url-error" class="nr-error">${message}</span>`), message);
      assert.match(res.body, /id="new-url"[^>]*aria-invalid="true"/);
      const kept = /<input id="new-url"[^>]*>/.exec(res.body)?.[0] ?? '';
      assert.equal(/value="([^"]*)"/.exec(kept)?.[1] ?? '', attribute(url), 'the address typed is kept');
      assert.ok(res.body.includes('value="Service météo"'));
      assert.match(res.body, /value="article.updated" checked/);
      assert.equal((await site.services.repos.webhooks.list()).length, before, 'nothing was saved');
    });
  }

  it('asks for at least one event, on the edit form too, and leaves the webhook as it was', async () => {
    const none = await create({ url: receiver.url, description: '' });
    assert.equal(none.status, 422);
    assert.ok(
      none.body.includes(`<span id="new-events-error" class="nr-error">${t.errEventsRequired}</span>`),
    );

    const ok = await create({ url: receiver.url, description: '', events: ['article.published'] });
    const page = ok.location!.split('?')[0]!;
    const id = Number(page.split('/').pop());
    const res = await admin.submit(page, page, { url: 'ftp://x.example/', description: '' });
    assert.equal(res.status, 422);
    assert.ok(res.body.includes(`<span id="edit-url-error" class="nr-error">${t.errUrlScheme}</span>`));
    assert.ok(
      res.body.includes(`<span id="edit-events-error" class="nr-error">${t.errEventsRequired}</span>`),
    );
    assert.ok(res.body.includes('value="ftp://x.example/"'));
    const long = await admin.submit(page, page, {
      url: receiver.url,
      description: 'و'.repeat(201),
      events: ['article.updated'],
    });
    assert.equal(long.status, 422);
    assert.ok(
      long.body.includes(
        `<span id="edit-description-error" class="nr-error">${t.errDescriptionTooLong}</span>`,
      ),
    );
    const stored = (await site.services.repos.webhooks.byId(id))!;
    assert.deepEqual([stored.url, stored.events], [receiver.url, ['article.published']]);
  });
});

describe('repeated fields', () => {
  it('refuses an address or description given twice with a 400 naming it, writing nothing', async () => {
    const ok = await create({ url: receiver.url, description: 'Once', events: ['article.published'] });
    const page = ok.location!.split('?')[0]!;
    const id = Number(page.split('/').pop());
    const stored = await site.services.repos.webhooks.byId(id);
    const count = (await site.services.repos.webhooks.list()).length;
    for (const [field, value] of [
      ['url', [receiver.url, 'https://other.example/']],
      ['description', ['a', 'b']],
    ] as const) {
      const fields = { url: receiver.url, description: '', events: ['article.updated'], [field]: [...value] };
      const added = await create(fields);
      assert.equal(added.status, 400, `new ${field}`);
      assert.ok(added.body.includes(`«${field}»`), `${field} is named`);
      const edited = await admin.submit(page, page, fields);
      assert.equal(edited.status, 400, `edit ${field}`);
    }
    assert.equal((await site.services.repos.webhooks.list()).length, count);
    assert.deepEqual(await site.services.repos.webhooks.byId(id), stored);
  });
});

describe('who may', () => {
  it('refuses every webhook route to an editor with 403, changing nothing', async () => {
    const res = await create({ url: receiver.url, description: 'Kept', events: ['article.published'] });
    const id = Number(/\/newsroom\/webhooks\/(\d+)/.exec(res.location ?? '')?.[1]);
    await admin.submit(`/newsroom/webhooks/${id}`, `/newsroom/webhooks/${id}/ping`, {});
    const [delivery] = await site.services.repos.webhookDeliveries.listForWebhook(id, 1);
    const before = {
      webhook: await site.services.repos.webhooks.byId(id),
      count: (await site.services.repos.webhooks.list()).length,
      delivery: await site.services.repos.webhookDeliveries.byId(delivery!.id),
      received: receiver.requests.length,
    };

    const home = await editor.get('/newsroom');
    assert.ok(!home.body.includes('href="/newsroom/webhooks"'), 'not in the editor menu');
    for (const path of ['/newsroom/webhooks', `/newsroom/webhooks/${id}`]) {
      assert.equal((await editor.get(path)).status, 403, path);
    }
    const posts: [string, Record<string, string | string[]>][] = [
      [
        '/newsroom/webhooks',
        { url: 'https://evil.example/', description: '', events: ['article.published'] },
      ],
      [
        `/newsroom/webhooks/${id}`,
        { url: 'https://evil.example/', description: '', events: ['article.published'] },
      ],
      [`/newsroom/webhooks/${id}/disable`, {}],
      [`/newsroom/webhooks/${id}/enable`, {}],
      [`/newsroom/webhooks/${id}/rotate-secret`, {}],
      [`/newsroom/webhooks/${id}/ping`, {}],
      [`/newsroom/webhooks/${id}/delete`, {}],
      [`/newsroom/webhooks/${id}/deliveries/${delivery!.id}/retry`, {}],
    ];
    for (const [path, fields] of posts) {
      assert.equal((await editor.submit('/newsroom', path, fields)).status, 403, path);
    }
    assert.deepEqual(
      {
        webhook: await site.services.repos.webhooks.byId(id),
        count: (await site.services.repos.webhooks.list()).length,
        delivery: await site.services.repos.webhookDeliveries.byId(delivery!.id),
        received: receiver.requests.length,
      },
      before,
    );
  });
});
