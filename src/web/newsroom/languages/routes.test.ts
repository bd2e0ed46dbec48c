// The article languages page over HTTP: admins see the languages with their article counts,
// add one by its tag, and are told why a bad tag or switching off a language with articles
// is refused; editors may not come in.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HttpClient } from '../../../../test/support/http-client.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';
import { addStaff } from '../../../services/staff.ts';

const PAGE = '/newsroom/settings/languages';
const password = 'manuscrits de tombouctou 2026';
let site: TestSite;
let admin: HttpClient;

before(async () => {
  site = await startTestSite({ listen: true });
  await addStaff(site.services, {
    email: 'langs-admin@midad.example',
    name: 'Admin',
    role: 'admin',
    password,
  });
  await addStaff(site.services, {
    email: 'langs-editor@midad.example',
    name: 'Editor',
    role: 'editor',
    password,
  });
  admin = new HttpClient(site.baseUrl);
  assert.equal((await admin.signIn('langs-admin@midad.example', password)).status, 303);
});
after(() => site.close());

describe('article languages page', () => {
  it('lists the languages, Arabic first, with their articles and the ready choices', async () => {
    const page = await admin.get(PAGE);
    assert.equal(page.status, 200);
    assert.ok(page.body.indexOf('value="ar"') < page.body.indexOf('value="fr"'));
    assert.match(page.body, /<option value="fa">فارسی<\/option>/);
    assert.match(page.body, /<option value="ses">/);
  });

  it('adds Persian with its interface fallback', async () => {
    const res = await admin.submit(PAGE, PAGE, {
      tag: ['ar', 'fr', 'en', 'FA'],
      fallback: ['ar', 'fr', 'en', 'fr'],
    });
    assert.equal(res.status, 303);
    const page = await admin.get(`${PAGE}?saved=1`);
    assert.match(page.body, /value="fa"/);
    assert.match(page.body, /<bdi lang="fa" dir="rtl">فارسی<\/bdi>/);
  });

  it('refuses a bad tag with the reason, in the page', async () => {
    const res = await admin.submit(PAGE, PAGE, {
      tag: ['ar', 'fr', 'en', 'zz'],
      fallback: ['ar', 'fr', 'en', 'en'],
    });
    assert.equal(res.status, 422);
    // In the admin's language (Arabic here), naming the tag.
    assert.ok(res.body.includes('«zz» ليس وسم لغة معروفًا'));
  });

  it('refuses to switch off a language that has articles, naming how many', async () => {
    const res = await admin.submit(PAGE, PAGE, { tag: ['ar', 'en', 'fa'], fallback: ['ar', 'en', 'fr'] });
    assert.equal(res.status, 422);
    assert.match(res.body, /لا تُوقف اللغة fr ما دامت بها مقالات \(\d+\)/);
  });

  it('is for admins only', async () => {
    const editor = new HttpClient(site.baseUrl);
    assert.equal((await editor.signIn('langs-editor@midad.example', password)).status, 303);
    assert.equal((await editor.get(PAGE)).status, 403);
  });
});
