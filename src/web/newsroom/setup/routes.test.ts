// The setup page over HTTP on a site as its first start leaves it: reachable signed out, in
// Arabic by default and in French or English on request; every refusal (form token, a field
// given twice, a weak password, an altered link) is a page, never a 500, and makes nobody; the
// right form makes the admin, signs them in and opens the newsroom; then the link is dead.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { NewsroomClient } from '../../../../test/support/newsroom-client.ts';
import { startTestSiteWithoutAdmin } from '../../../../test/support/site.ts';
import { setupMessages } from './messages.ts';

let site: Awaited<ReturnType<typeof startTestSiteWithoutAdmin>>;
let path: string;
let people: number;
before(async () => {
  site = await startTestSiteWithoutAdmin();
  path = new URL(site.setupLink.url).pathname;
  people = await site.services.repos.people.count();
});
after(() => site?.close());

const ADMIN = {
  name: 'Aminata Diallo',
  email: 'aminata@midad.example',
  password: 'sunrise over the niger bend',
  confirm: 'sunrise over the niger bend',
};

async function assertNobodyMade(): Promise<void> {
  assert.equal(await site.services.repos.people.count(), people, 'no account was made');
}

describe('the setup link, before it is used', () => {
  it('shows the form signed out, in Arabic, right to left, private and kept out of Referers', async () => {
    const res = await site.app.inject({ url: path });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="ar" dir="rtl">/);
    assert.ok(res.body.includes(setupMessages('ar').title));
    for (const name of ['name', 'email', 'password', 'confirm', '_csrf']) {
      assert.match(res.body, new RegExp(`name="${name}"`), name);
    }
    assert.ok(!res.body.includes('admin@example.com'), 'the example.com default is not offered');
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
    assert.equal(res.headers['cache-control'], 'private, no-store');
  });

  it('is what the sign-in page points to while the site has no admin', async () => {
    const res = await site.app.inject({ url: '/newsroom/sign-in?lang=en' });
    assert.equal(res.statusCode, 200);
    assert.ok(res.body.includes(setupMessages('en').noAdminYet.replaceAll("'", '&#39;')));
  });

  it('speaks French and English when asked', async () => {
    for (const lang of ['fr', 'en'] as const) {
      const res = await site.app.inject({ url: `${path}?lang=${lang}` });
      assert.equal(res.statusCode, 200);
      assert.match(res.body, new RegExp(`<html lang="${lang}" dir="ltr">`));
      assert.ok(res.body.includes(setupMessages(lang).create), lang);
    }
  });

  it('answers an altered or unknown link with the dead-link page', async () => {
    const altered = `${path.slice(0, -1)}${path.endsWith('A') ? 'B' : 'A'}`;
    for (const url of [altered, '/newsroom/setup/nothing-here', `${altered}?lang=en`]) {
      const res = await site.app.inject({ url });
      assert.equal(res.statusCode, 404, url);
      const t = setupMessages(url.endsWith('lang=en') ? 'en' : 'ar');
      assert.ok(res.body.includes(t.dead), url);
      assert.ok(res.body.includes('midad init'), 'says how to get a new link');
      assert.ok(!res.body.includes('name="password"'), 'no form');
    }
  });

  it('refuses a post without the form token, a field given twice, a weak password', async () => {
    const client = new NewsroomClient(site.app, '192.0.2.30');
    const noToken = await client.post(path, ADMIN);
    assert.equal(noToken.status, 403);
    const twice = await client.submit(path, path, { ...ADMIN, email: [ADMIN.email, 'other@midad.example'] });
    assert.equal(twice.status, 400);
    const weak = await client.submit(path, path, { ...ADMIN, password: 'short', confirm: 'short' });
    assert.equal(weak.status, 422);
    assert.ok(weak.body.includes(setupMessages('ar').fixErrors));
    assert.ok(weak.body.includes('12'), 'the password rule is named');
    assert.ok(weak.body.includes(`value="${ADMIN.email}"`), 'the e-mail is kept');
    assert.ok(weak.body.includes(`value="${ADMIN.name}"`), 'the name is kept');
    const altered = `${path.slice(0, -1)}${path.endsWith('A') ? 'B' : 'A'}`;
    const dead = await client.submit(path, altered, ADMIN);
    assert.equal(dead.status, 404);
    await assertNobodyMade();
  });
});

describe('using the setup link', () => {
  it('makes the admin, signs them in in the page language and opens the newsroom', async () => {
    const client = new NewsroomClient(site.app, '192.0.2.31');
    const done = await client.submit(`${path}?lang=fr`, `${path}?lang=fr`, ADMIN);
    assert.equal(done.status, 303, done.body.slice(0, 500));
    assert.equal(done.location, '/newsroom');
    const dashboard = await client.get('/newsroom');
    assert.equal(dashboard.status, 200);
    assert.ok(dashboard.body.includes('Bonjour Aminata Diallo'), 'signed in, in French');
    const admin = await site.services.repos.people.byEmail(ADMIN.email);
    assert.equal(admin?.role, 'admin');
    assert.equal(await site.services.repos.people.count(), people + 1);
    const signInPage = await site.app.inject({ url: '/newsroom/sign-in?lang=en' });
    assert.ok(!signInPage.body.includes('no admin yet'), 'the sign-in page no longer sends people here');
    const signIn = await new NewsroomClient(site.app, '192.0.2.32').signIn(ADMIN.email, ADMIN.password);
    assert.equal(signIn.status, 303, 'the password works at sign-in');
  });

  it('is dead afterwards, for a view and for a post', async () => {
    const client = new NewsroomClient(site.app, '192.0.2.33');
    const view = await client.get(path);
    assert.equal(view.status, 404);
    assert.ok(view.body.includes(setupMessages('ar').dead));
    const page = await client.get('/newsroom/sign-in');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const again = await client.post(path, { _csrf: csrf, ...ADMIN, email: 'second@midad.example' });
    assert.equal(again.status, 404);
    assert.equal(await site.services.repos.people.byEmail('second@midad.example'), null);
    assert.equal(await site.services.repos.people.count(), people + 1);
  });

  it('holds back an address that keeps trying dead links, as sign-in does', async () => {
    const client = new NewsroomClient(site.app, '192.0.2.34');
    let last = 0;
    for (let i = 0; i < 21; i++) last = (await client.get(`/newsroom/setup/${'z'.repeat(43)}`)).status;
    assert.equal(last, 429);
    const other = await new NewsroomClient(site.app, '192.0.2.35').get(path);
    assert.equal(other.status, 404, 'another address is not held back');
  });
});
