// The newsroom's subscriber list (editors and admins): counts, search, CSV, an audited removal
// that deletes the row; and the editor's "send as alert" on publish, which queues one alert
// per confirmed subscriber who wants alerts in the article's language.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { staffClient } from '../../../../test/support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';
import { subscriberMessages } from './messages.ts';

let site: TestSite;
before(async () => {
  site = await startTestSite({
    config: { mail: { smtpUrl: 'smtp://127.0.0.1:9', from: 'news@midad.example' } },
  });
});
after(() => site.close());

async function subscriber(email: string, lang: 'ar' | 'fr', confirm: boolean) {
  const repo = site.services.repos.newsletters;
  const s = await repo.insertPending(
    {
      email,
      lang,
      sections: [],
      digest: 'daily',
      alerts: true,
      confirmHash: `h-${email}`,
      confirmExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
      unsubscribeToken: `t-${email}`.replace(/\W/g, '_').padEnd(32, 'x').slice(0, 32),
    },
    new Date().toISOString(),
  );
  if (confirm) await repo.confirm(s!.id, new Date().toISOString());
  return s!;
}

describe('subscribers in the newsroom', () => {
  it('lists, searches, exports and removes (audited); authors may not', async () => {
    const kept = await subscriber('mariam@example.org', 'ar', true);
    const gone = await subscriber('oumar@example.org', 'fr', false);
    const editor = await staffClient(site, 'editor', '203.0.113.61');
    const t = subscriberMessages('ar');
    const page = await editor.get('/newsroom/subscribers');
    assert.equal(page.status, 200);
    assert.ok(page.body.includes('mariam@example.org'));
    assert.ok(page.body.includes(t.status_confirmed));
    const search = await editor.get('/newsroom/subscribers?q=oumar');
    assert.ok(search.body.includes('oumar@example.org'));
    assert.ok(!search.body.includes('mariam@example.org'));
    const pending = await editor.get('/newsroom/subscribers?status=pending');
    assert.ok(!pending.body.includes('mariam@example.org'));
    const csv = await editor.get('/newsroom/subscribers.csv');
    assert.equal(csv.status, 200);
    assert.match(csv.body, /mariam@example\.org,ar,confirmed,daily,yes/);
    const removed = await editor.submit(
      '/newsroom/subscribers',
      `/newsroom/subscribers/${gone.id}/remove`,
      {},
    );
    assert.equal(removed.status, 303);
    assert.equal(await site.services.repos.newsletters.byId(gone.id), null);
    assert.ok(await site.services.repos.newsletters.byId(kept.id));
    const [entry] = await site.services.repos.audit.list({
      limit: 1,
      action: 'newsletter.subscriber-removed',
    });
    assert.equal(entry?.targetId, String(gone.id));
    assert.ok(!JSON.stringify(entry).includes('oumar'), 'the audit row keeps no address');
    const again = await editor.submit('/newsroom/subscribers', `/newsroom/subscribers/${gone.id}/remove`, {});
    assert.equal(again.status, 404);

    const author = await staffClient(site, 'author', '203.0.113.62');
    assert.equal((await author.get('/newsroom/subscribers')).status, 403);
    assert.equal((await author.get('/newsroom/subscribers.csv')).status, 403);
    assert.ok(!(await author.get('/newsroom')).body.includes('/newsroom/subscribers'));
  });

  it('queues one alert per confirmed alert subscriber when an editor publishes with "send as alert"', async () => {
    await subscriber('alert-ar@example.org', 'ar', true);
    await subscriber('alert-fr@example.org', 'fr', true);
    await subscriber('alert-pending@example.org', 'ar', false);
    const editor = await staffClient(site, 'editor', '203.0.113.63');
    const draft = await editor.submit('/newsroom/articles', '/newsroom/articles/new', {});
    const id = Number(/\/newsroom\/articles\/(\d+)$/.exec(draft.location ?? '')?.[1]);
    const form = await editor.get(`/newsroom/articles/${id}`);
    assert.ok(form.body.includes('name="send_alert"'), 'the editor offers the checkbox');
    const version = /name="version" value="(\d+)"/.exec(form.body)?.[1] ?? '';
    const res = await editor.submit(`/newsroom/articles/${id}`, `/newsroom/articles/${id}`, {
      title: 'فيضانات في موبتي',
      slug: '',
      dek: 'ارتفع منسوب النهر ليلًا.',
      body_html: '<p>ارتفع منسوب النهر في موبتي ليلًا وأُجليت عائلات.</p>',
      lang: 'ar',
      version,
      intent: 'publish',
      send_alert: '1',
    });
    assert.equal(res.status, 303, res.body.slice(0, 300));
    assert.equal((await site.services.repos.articles.byId(id))?.status, 'published');
    assert.equal(res.location, `/newsroom/articles/${id}?done=publish-alert`);
    const told = await editor.get(res.location);
    assert.ok(told.body.includes(subscriberMessages('ar').alertQueued), 'the editor is told');
    // The mails are queued in the background: wait for them to appear.
    let keys: string[] = [];
    for (let i = 0; i < 100 && keys.length < 1; i++) {
      const rows = await site.services.repos.outbox.list({ limit: 100 });
      keys = rows.map((r) => r.dedupKey).filter((k) => k.startsWith(`alert:${id}:`));
      if (keys.length < 1) await new Promise((r) => setTimeout(r, 20));
    }
    const rows = await site.services.repos.outbox.list({ limit: 100 });
    const alerts = rows.filter((r) => r.dedupKey.startsWith(`alert:${id}:`));
    assert.deepEqual(
      alerts.map((r) => String(r.payload.to)).sort(),
      ['alert-ar@example.org', 'mariam@example.org'],
      'confirmed Arabic subscribers who want alerts, nobody else',
    );
    const author = await staffClient(site, 'author', '203.0.113.64');
    const own = await author.submit('/newsroom/articles', '/newsroom/articles/new', {});
    const ownId = Number(/\/newsroom\/articles\/(\d+)$/.exec(own.location ?? '')?.[1]);
    assert.ok(!(await author.get(`/newsroom/articles/${ownId}`)).body.includes('name="send_alert"'));
  });
});
