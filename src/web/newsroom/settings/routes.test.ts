// Site settings from the newsroom: only admins, every change audited, and copy protection
// switched on from here reaches the reader pages.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { NewsroomClient, staffClient } from '../../../../test/support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';
import { postMultipart } from '../../../../test/support/media-library.ts';
import sharp from 'sharp';
import { articlePath } from '../../reader/urls.ts';

let site: TestSite;
let admin: NewsroomClient;
let editor: NewsroomClient;

before(async () => {
  site = await startTestSite();
  admin = new NewsroomClient(site.app, '203.0.113.1');
  await admin.signIn(site.admin.email, site.admin.password);
  editor = await staffClient(site, 'editor', '203.0.113.2');
});
after(() => site.close());

const valid = {
  name: 'مداد',
  tagline: 'أخبار الساحل',
  description: 'موقع إخباري مستقل',
  defaultLang: 'ar',
  timezone: 'Africa/Niamey',
  commentModeration: 'first-time',
  languages: ['ar', 'fr', 'en'],
  dateDisplay: 'both',
  maxUploadMB: '20',
};

describe('site settings', () => {
  it('an admin switches copy protection on, the reader page gets it, and the change is audited', async () => {
    const res = await admin.submit('/newsroom/settings', '/newsroom/settings', {
      ...valid,
      copyProtection: 'on',
    });
    assert.equal(res.status, 303);
    const page = await site.app.inject(articlePath(site.mainArticle));
    assert.match(page.body, /copy-protect\.[0-9a-f]+\.js/);
    const [entry] = await site.services.repos.audit.list({ limit: 1, action: 'settings.changed' });
    assert.deepEqual(entry?.details.copyProtection, { from: false, to: true });
    assert.deepEqual(entry?.details.timezone, { from: 'Africa/Bamako', to: 'Africa/Niamey' });
    const form = await admin.get('/newsroom/settings');
    assert.ok(form.body.includes('وسيلة ردع لا قفل'), 'the help says it is a deterrent, not a lock');
  });

  it('an admin turns readership counting on and off: the beacon script comes and goes, audited', async () => {
    const on = await admin.submit('/newsroom/settings', '/newsroom/settings', { ...valid, readership: 'on' });
    assert.equal(on.status, 303);
    assert.match(
      (await admin.get('/newsroom/settings')).body,
      /<input type="checkbox" name="readership" checked/,
    );
    assert.match((await site.app.inject(articlePath(site.mainArticle))).body, /count\.[0-9a-f]+\.js/);
    // The form without the box ticked: counting off.
    const off = await admin.submit('/newsroom/settings', '/newsroom/settings', valid);
    assert.equal(off.status, 303);
    assert.equal(await site.services.repos.settings.get('readership.enabled'), false);
    const [entry] = await site.services.repos.audit.list({ limit: 1, action: 'settings.changed' });
    assert.deepEqual(entry?.details.readership, { from: true, to: false });
    const page = await site.app.inject(articlePath(site.mainArticle));
    assert.doesNotMatch(page.body, /count\.[0-9a-f]+\.js/);
    assert.match(
      (await admin.get('/newsroom/settings')).body,
      /<input type="checkbox" name="readership"(?! checked)/,
    );
  });

  it('refuses an unknown time zone and keeps what was typed', async () => {
    const res = await admin.submit('/newsroom/settings', '/newsroom/settings', {
      ...valid,
      name: 'اسم جديد لم يُحفظ',
      timezone: 'Mars/Olympus',
    });
    assert.equal(res.status, 422);
    assert.ok(res.body.includes('اسم جديد لم يُحفظ'));
    assert.equal((await site.services.repos.settings.get('site.name')) !== 'اسم جديد لم يُحفظ', true);
  });

  it('refuses a field given twice with a 400, saving nothing', async () => {
    const before = await site.services.repos.audit.count({ action: 'settings.changed' });
    const res = await admin.submit('/newsroom/settings', '/newsroom/settings', {
      ...valid,
      name: ['اسم أول', 'اسم ثان'],
    });
    assert.equal(res.status, 400);
    assert.notEqual(await site.services.repos.settings.get('site.name'), 'اسم أول');
    assert.equal(await site.services.repos.audit.count({ action: 'settings.changed' }), before);
  });

  it('an editor may not open or change settings: 403, nothing changed', async () => {
    assert.equal((await editor.get('/newsroom/settings')).status, 403);
    const res = await editor.submit('/newsroom', '/newsroom/settings', { ...valid, name: 'اختراق' });
    assert.equal(res.status, 403);
    assert.notEqual(await site.services.repos.settings.get('site.name'), 'اختراق');
  });

  it('switches a language off: its pages answer 404 and the switcher drops it; the main one stays', async () => {
    const refused = await admin.submit('/newsroom/settings', '/newsroom/settings', {
      ...valid,
      languages: ['fr', 'en'],
    });
    assert.equal(refused.status, 422, 'the main language cannot be switched off');
    assert.match(refused.body, /اختر اللغة الأساسية/);
    const res = await admin.submit('/newsroom/settings', '/newsroom/settings', {
      ...valid,
      languages: ['ar', 'fr'],
    });
    assert.equal(res.status, 303);
    assert.equal((await site.app.inject('/en/')).statusCode, 404);
    assert.equal((await site.app.inject('/en/feed.xml')).statusCode, 404);
    assert.equal((await site.app.inject('/fr/')).statusCode, 200);
    const home = await site.app.inject('/');
    assert.equal(home.statusCode, 200);
    assert.doesNotMatch(home.body, /hreflang="en"[^>]*>English/);
    await admin.submit('/newsroom/settings', '/newsroom/settings', valid);
    assert.equal((await site.app.inject('/en/')).statusCode, 200);
  });

  it('shows dates in the chosen calendars', async () => {
    const path = articlePath(site.mainArticle);
    await admin.submit('/newsroom/settings', '/newsroom/settings', { ...valid, dateDisplay: 'gregorian' });
    const gregorian = (await site.app.inject(path)).body;
    assert.doesNotMatch(gregorian, /class="hijri"/);
    assert.doesNotMatch(gregorian, /هـ/);
    await admin.submit('/newsroom/settings', '/newsroom/settings', { ...valid, dateDisplay: 'hijri' });
    const hijri = (await site.app.inject(path)).body;
    assert.match(hijri, /<time datetime="[^"]+">[^<]*هـ/);
    await admin.submit('/newsroom/settings', '/newsroom/settings', valid);
    assert.match((await site.app.inject(path)).body, /class="hijri"/);
  });

  it('sets the upload limit, refusing nonsense', async () => {
    const bad = await admin.submit('/newsroom/settings', '/newsroom/settings', {
      ...valid,
      maxUploadMB: '-3',
    });
    assert.equal(bad.status, 422);
    const ok = await admin.submit('/newsroom/settings', '/newsroom/settings', { ...valid, maxUploadMB: '5' });
    assert.equal(ok.status, 303);
    assert.equal(await site.services.repos.settings.get('media.maxUploadMB'), 5);
    await admin.submit('/newsroom/settings', '/newsroom/settings', valid);
  });

  it('uploads a logo shown in the reader header and the publisher data, and removes it', async () => {
    const page = await admin.get('/newsroom/settings');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const png = await sharp({
      create: { width: 400, height: 120, channels: 4, background: { r: 20, g: 60, b: 120, alpha: 1 } },
    })
      .png()
      .toBuffer();
    const res = await postMultipart(
      site,
      admin,
      { _csrf: csrf },
      { name: 'logo.png', type: 'image/png', data: png },
      'text/html',
      '/newsroom/settings/logo',
    );
    assert.equal(res.status, 303);
    const logoId = await site.services.repos.settings.get('site.logoMediaId');
    assert.equal(typeof logoId, 'number');
    const home = (await site.app.inject('/')).body;
    assert.match(home, /<img class="site-logo" src="\/media\//);
    assert.match(home, /"logo":\{"@type":"ImageObject","url":"[^"]*\/media\//);
    const removed = await admin.submit('/newsroom/settings', '/newsroom/settings/logo/remove', {});
    assert.equal(removed.status, 303);
    assert.doesNotMatch((await site.app.inject('/')).body, /class="site-logo"/);
  });
});

describe('offline reading limit', () => {
  it('an admin sets how many articles a device keeps; the service worker gets it; a wrong number is refused', async () => {
    const res = await admin.submit('/newsroom/settings', '/newsroom/settings', {
      ...valid,
      offlineArticles: '12',
    });
    assert.equal(res.status, 303);
    assert.equal(await site.services.repos.settings.get('offline.articles'), 12);
    assert.match((await site.app.inject('/sw.js')).body, /"keep":12\b/);
    // A form without the field keeps the stored number.
    await admin.submit('/newsroom/settings', '/newsroom/settings', valid);
    assert.equal(await site.services.repos.settings.get('offline.articles'), 12);
    for (const wrong of ['0', '501', '2.5', 'many']) {
      const refused = await admin.submit('/newsroom/settings', '/newsroom/settings', {
        ...valid,
        offlineArticles: wrong,
      });
      assert.equal(refused.status, 422, wrong);
      assert.match(refused.body, /اكتب عددًا صحيحًا بين 1 و500/);
    }
    assert.equal(await site.services.repos.settings.get('offline.articles'), 12);
    await admin.submit('/newsroom/settings', '/newsroom/settings', { ...valid, offlineArticles: '30' });
  });
});
