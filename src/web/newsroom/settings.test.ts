// Site settings from the newsroom: only admins, every change audited, and copy protection
// switched on from here reaches the reader pages.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { NewsroomClient, staffClient } from '../../../test/support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../../test/support/site.ts';
import { articlePath } from '../reader/urls.ts';

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

  it('an editor may not open or change settings: 403, nothing changed', async () => {
    assert.equal((await editor.get('/newsroom/settings')).status, 403);
    const res = await editor.submit('/newsroom', '/newsroom/settings', { ...valid, name: 'اختراق' });
    assert.equal(res.status, 403);
    assert.notEqual(await site.services.repos.settings.get('site.name'), 'اختراق');
  });
});
