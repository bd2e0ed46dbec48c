// POST /hit on a real app: what is counted, what never is, and that every beacon gets an empty
// 204 (never an error page). Counts are read from the tables after a flush.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { Article } from '../../core/types.ts';
import { updateSiteSettings } from '../../services/settings.ts';
import { buildArticle } from '../../../test/support/factories.ts';
import { startTestSite, type TestSite } from '../../../test/support/site.ts';
import { articlePath } from './urls.ts';

const PHONE_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';
const DESKTOP_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

let site: TestSite;
let article: Article;
let nextAddress = 1;

before(async () => {
  site = await startTestSite();
  article = site.mainArticle;
});
after(() => site.close());

/** Each test reads from a different client address, so budgets and windows do not mix. */
let address = '';
beforeEach(async () => {
  address = `198.51.100.${nextAddress++}`;
  await site.app.readership.flush();
  await site.services.db.kysely.deleteFrom('readership_hours').execute();
  await site.services.db.kysely.deleteFrom('readership_referrers').execute();
  await site.services.db.kysely.deleteFrom('readership_devices').execute();
});

function hit(payload: string | Buffer, headers: Record<string, string> = {}, from = address) {
  return site.app.inject({
    method: 'POST',
    url: '/hit',
    payload,
    remoteAddress: from,
    headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': PHONE_UA, ...headers },
  });
}

const beacon = (fields: Record<string, unknown>) => JSON.stringify(fields);

async function viewsOf(articleId: number): Promise<number> {
  await site.app.readership.flush();
  const rows = await site.services.db.kysely
    .selectFrom('readership_hours')
    .select('views')
    .where('article_id', '=', articleId)
    .execute();
  return rows.reduce((n, r) => n + r.views, 0);
}

async function storedRows(): Promise<number> {
  await site.app.readership.flush();
  const k = site.services.db.kysely;
  const counts = await Promise.all(
    (['readership_hours', 'readership_referrers', 'readership_devices'] as const).map((t) =>
      k.selectFrom(t).select('views').execute(),
    ),
  );
  return counts.reduce((n, rows) => n + rows.length, 0);
}

describe('POST /hit', () => {
  it('counts a view with the article’s language, the referring domain and the device class', async () => {
    const res = await hit(beacon({ a: article.id, l: 'fr', r: 'WWW.Example.ORG' }));
    assert.equal(res.statusCode, 204);
    assert.equal(res.body, '');
    assert.equal(res.headers['set-cookie'], undefined);
    await site.app.readership.flush();
    const k = site.services.db.kysely;
    assert.deepEqual(
      await k.selectFrom('readership_hours').select(['article_id', 'lang', 'views']).execute(),
      [{ article_id: article.id, lang: article.lang, views: 1 }],
    );
    assert.deepEqual(
      await k.selectFrom('readership_referrers').select(['article_id', 'domain', 'views']).execute(),
      [{ article_id: article.id, domain: 'example.org', views: 1 }],
    );
    assert.deepEqual(
      await k.selectFrom('readership_devices').select(['article_id', 'device', 'views']).execute(),
      [{ article_id: article.id, device: 'phone', views: 1 }],
    );
  });

  it('counts other reader pages under article 0 in the page’s language', async () => {
    await hit(beacon({ p: 'home', l: 'en' }), { 'user-agent': DESKTOP_UA });
    await site.app.readership.flush();
    const rows = await site.services.db.kysely
      .selectFrom('readership_hours')
      .select(['article_id', 'lang', 'views'])
      .execute();
    assert.deepEqual(rows, [{ article_id: 0, lang: 'en', views: 1 }]);
  });

  it('counts reloads by one reader within the window once, and another reader again', async () => {
    for (let i = 0; i < 4; i++) await hit(beacon({ a: article.id, l: 'ar' }));
    assert.equal(await viewsOf(article.id), 1);
    await hit(beacon({ a: article.id, l: 'ar' }), { 'user-agent': DESKTOP_UA });
    await hit(beacon({ a: article.id, l: 'ar' }), {}, '203.0.113.200');
    assert.equal(await viewsOf(article.id), 3);
  });

  it('does not count bots, clients without a user agent, or beacons sent from another site', async () => {
    const uas = [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0 Safari/537.36',
      'curl/8.5.0',
      '',
    ];
    for (const ua of uas) {
      const res = await hit(beacon({ a: article.id, l: 'ar' }), { 'user-agent': ua });
      assert.equal(res.statusCode, 204);
    }
    const res = await hit(beacon({ a: article.id, l: 'ar' }), { 'sec-fetch-site': 'cross-site' });
    assert.equal(res.statusCode, 204);
    assert.equal(await storedRows(), 0);
    // The same beacon from the site's own page counts.
    await hit(beacon({ a: article.id, l: 'ar' }), { 'sec-fetch-site': 'same-origin' });
    assert.equal(await viewsOf(article.id), 1);
  });

  it('never stores an unpublished, scheduled or unknown article, nor shows it as most read', async () => {
    const draft = await buildArticle(site.services, { status: 'draft', title: 'مسودة لا تظهر' });
    const later = await buildArticle(site.services, {
      title: 'مقال مجدول',
      publishedAt: '2999-01-01T00:00:00.000Z',
    });
    for (const id of [draft.id, later.id, 987_654_321]) {
      for (let i = 0; i < 5; i++) {
        const res = await hit(beacon({ a: id, l: 'ar' }), {}, `192.0.2.${i + 1}`);
        assert.equal(res.statusCode, 204);
      }
    }
    assert.equal(await storedRows(), 0);
    await site.app.readership.flush({ lists: true });
    const home = await site.app.inject({ method: 'GET', url: '/' });
    assert.doesNotMatch(home.body, /مسودة لا تظهر|مقال مجدول/);
  });

  it('answers 204 to malformed beacons and stores nothing', async () => {
    const bodies: (string | Buffer)[] = [
      '',
      'garbage',
      '{',
      '[]',
      'null',
      beacon({ a: 'x', l: 'ar' }),
      beacon({ a: -3, l: 'ar' }),
      beacon({ a: 1.5, l: 'ar' }),
      beacon({ a: article.id }),
      beacon({ a: article.id, l: 'de' }),
      beacon({ a: article.id, p: 'home', l: 'ar' }),
      beacon({ p: 'admin', l: 'ar' }),
      beacon({ a: article.id, l: 'ar', extra: 1 }),
      beacon({ a: article.id, l: 'ar', r: 'a'.repeat(300) }),
      beacon({ a: article.id, l: 'ar', r: 7 }),
      beacon({ a: article.id, l: 'ar', r: 'x'.repeat(2000) }),
      Buffer.from([0xff, 0xfe, 0x00, 0x41]),
    ];
    for (const body of bodies) {
      const res = await hit(body);
      assert.equal(res.statusCode, 204, `body ${String(body).slice(0, 40)}`);
      assert.equal(res.body, '');
    }
    for (const type of [
      'application/json',
      'application/octet-stream',
      'multipart/form-data; boundary=x',
      'text/html',
    ]) {
      const res = await hit('{"a":1', { 'content-type': type });
      assert.equal(res.statusCode, 204, type);
    }
    const form = await hit('a=1&l=ar', { 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(form.statusCode, 204);
    const big = await hit('x'.repeat(100_000));
    assert.equal(big.statusCode, 204);
    assert.equal(big.body, '');
    assert.equal(await storedRows(), 0);
  });

  it('bounds a flood from one address to its budget per minute, whatever user agents it claims', async () => {
    const sent = 400;
    for (let i = 0; i < sent; i++) {
      const res = await hit(beacon({ a: article.id, l: 'ar' }), {
        'user-agent': `${DESKTOP_UA} Flood/${i}`,
      });
      assert.equal(res.statusCode, 204);
    }
    const counted = await viewsOf(article.id);
    assert.ok(counted <= 120, `${counted} of ${sent} counted`);
    assert.ok(counted >= 100, `only ${counted} counted`);
  });

  it('with counting off: no beacon script on pages, and beacons store nothing', async () => {
    const page = await site.app.inject({ method: 'GET', url: articlePath(article) });
    assert.match(page.body, /<script src="\/assets\/count\.[0-9a-f]+\.js" defer data-a="\d+" data-l="ar">/);
    await updateSiteSettings(site.services.repos, { readership: false });
    await site.services.events.emit({ type: 'settings', keys: ['readership'] });
    try {
      const off = await site.app.inject({ method: 'GET', url: articlePath(article) });
      assert.equal(off.statusCode, 200);
      assert.doesNotMatch(off.body, /count\.[0-9a-f]+\.js/);
      assert.doesNotMatch(off.body, /class="most-read"/);
      const res = await hit(beacon({ a: article.id, l: 'ar' }));
      assert.equal(res.statusCode, 204);
      assert.equal(await storedRows(), 0);
    } finally {
      await updateSiteSettings(site.services.repos, { readership: true });
      await site.services.events.emit({ type: 'settings', keys: ['readership'] });
    }
  });

  it('links every reader page to a privacy page in its language', async () => {
    for (const [home, privacy, heading] of [
      ['/', '/privacy', 'الخصوصية'],
      ['/fr/', '/fr/privacy', 'Confidentialité'],
      ['/en/', '/en/privacy', 'Privacy'],
    ] as const) {
      const page = await site.app.inject({ method: 'GET', url: home });
      assert.match(page.body, new RegExp(`<a href="${privacy}">`));
      const res = await site.app.inject({ method: 'GET', url: privacy });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, new RegExp(`<h1>${heading}</h1>`));
      assert.match(res.body, /data-p="privacy"/);
    }
  });
});

describe('POST /hit on a listening server (answered before Fastify)', () => {
  let served: TestSite;
  before(async () => {
    served = await startTestSite({ listen: true });
  });
  after(() => served.close());

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${served.baseUrl}/hit`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': PHONE_UA, ...headers },
    });

  it('counts a beacon, answers every one with an empty 204, and leaves forms to the site’s parser', async () => {
    const id = served.mainArticle.id;
    const ok = await post(beacon({ a: id, l: 'ar' }));
    assert.equal(ok.status, 204);
    assert.equal(await ok.text(), '');
    assert.equal(ok.headers.get('set-cookie'), null);
    // The fast path's own headers: Fastify's hooks never ran.
    assert.equal(ok.headers.get('content-security-policy'), "default-src 'none'");
    assert.equal((await post('not a beacon')).status, 204);
    assert.equal((await post('x'.repeat(50_000))).status, 204);
    // Without MIDAD_TRUST_PROXY a forwarded address is not believed: the same reader, seen once.
    assert.equal((await post(beacon({ a: id, l: 'ar' }), { 'x-forwarded-for': '203.0.113.9' })).status, 204);
    const form = await post('a=%zz', { 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal(form.status, 400);
    await served.app.readership.flush();
    const rows = await served.services.db.kysely
      .selectFrom('readership_hours')
      .select(['article_id', 'views'])
      .where('article_id', '>', 0)
      .execute();
    assert.deepEqual(rows, [{ article_id: id, views: 1 }]);
  });
});
