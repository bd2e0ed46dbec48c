// The tokens page in the newsroom: in the person's language, right-to-left in Arabic, usable
// without scripts; refusals shown beside the field or as a page, nothing written; a person sees
// and revokes only their own tokens; the two-step requirement holds.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { csrfFrom, staffClient } from '../../../../test/support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';

let site: TestSite;
before(async () => {
  site = await startTestSite();
});
after(() => site.close());

const PAGE = '/newsroom/account/tokens';

async function personOf(email: string) {
  const person = await site.services.repos.people.byEmail(email);
  assert.ok(person);
  return person;
}

describe('API tokens page', () => {
  it('speaks the person’s language, and is linked from the account page', async () => {
    const client = await staffClient(site, 'author', '192.0.2.31');
    const ar = await client.get(PAGE);
    assert.equal(ar.status, 200);
    assert.match(ar.body, /<html lang="ar" dir="rtl"/);
    assert.match(ar.body, /مفاتيح الواجهة البرمجية/);
    assert.match(ar.body, /لا مفاتيح بعد/);
    assert.match((await client.get('/newsroom/account')).body, /href="\/newsroom\/account\/tokens"/);
    const person = await personOf('author-1920231@midad.example');
    for (const [lang, words] of [
      ['fr', /Jetons d&#39;API|Jetons d'API/],
      ['en', /API tokens/],
    ] as const) {
      await site.services.repos.people.update(person.id, { locale: lang });
      const page = await client.get(PAGE);
      assert.match(page.body, new RegExp(`<html lang="${lang}" dir="ltr"`));
      assert.match(page.body, words);
    }
  });

  it('creates with the secret shown once, refuses a bad form beside the field, revokes', async () => {
    const client = await staffClient(site, 'editor', '192.0.2.32');
    const person = await personOf('editor-1920232@midad.example');
    const empty = await client.submit(PAGE, PAGE, { name: '   ', expires: '30' });
    assert.equal(empty.status, 422);
    assert.match(empty.body, /اكتب اسمًا للمفتاح/);
    const twice = await client.submit(PAGE, PAGE, { name: ['a', 'b'], expires: '30' });
    assert.equal(twice.status, 400);
    const badExpiry = await client.submit(PAGE, PAGE, { name: 'x', expires: '7' });
    assert.equal(badExpiry.status, 400);
    const noToken = await client.post(PAGE, { name: 'forged', expires: '30' });
    assert.equal(noToken.status, 403);
    assert.deepEqual(await site.services.repos.apiTokens.listForPerson(person.id), [], 'nothing written');

    const made = await client.submit(PAGE, PAGE, { name: 'تطبيق <الهاتف>', expires: '365' });
    assert.equal(made.status, 201);
    const secret = /data-secret="(midad_[^"]+)"/.exec(made.body)?.[1];
    assert.ok(secret);
    assert.match(made.body, /تطبيق &lt;الهاتف>/);
    assert.ok(!made.body.includes('<الهاتف>'), 'the name is escaped');
    const [token] = await site.services.repos.apiTokens.listForPerson(person.id);
    assert.ok(token?.expiresAt && token.expiresAt > new Date(Date.now() + 364 * 86_400_000).toISOString());
    const list = await client.get(PAGE);
    assert.ok(!list.body.includes(secret));

    // Someone else cannot revoke it: it is unknown to them.
    const other = await staffClient(site, 'admin', '192.0.2.33');
    const foreign = await other.submit(PAGE, `${PAGE}/${token.id}/revoke`, {});
    assert.equal(foreign.status, 404);
    assert.equal((await site.services.repos.apiTokens.byId(token.id))?.revokedAt, null);
    assert.ok(!(await other.get(PAGE)).body.includes('&lt;الهاتف'), 'nor listed for them');

    const revoked = await client.submit(PAGE, `${PAGE}/${token.id}/revoke`, {});
    assert.equal(revoked.status, 303);
    assert.equal(revoked.location, `${PAGE}?revoked=1`);
    const after = await client.get(revoked.location);
    assert.match(after.body, /أُلغي المفتاح/);
    assert.ok(!after.body.includes(`${PAGE}/${token.id}/revoke`), 'no revoke button on a revoked token');
    assert.match(after.body, /ملغى/);
  });

  it('offers no token while the site requires two-step verification and the person lacks it', async () => {
    const client = await staffClient(site, 'author', '192.0.2.34');
    const csrf = csrfFrom((await client.get(PAGE)).body);
    await site.services.repos.settings.set('security.requireTwoFactor', true);
    try {
      const page = await client.get(PAGE);
      assert.equal(page.status, 200);
      assert.ok(!page.body.includes(`action="${PAGE}"`), 'no form');
      assert.match(page.body, /يشترط الموقع التحقق بخطوتين/);
      const refused = await client.post(PAGE, { _csrf: csrf, name: 'x', expires: '30' });
      assert.equal(refused.status, 403);
    } finally {
      await site.services.repos.settings.set('security.requireTwoFactor', false);
    }
    const person = await personOf('author-1920234@midad.example');
    assert.deepEqual(await site.services.repos.apiTokens.listForPerson(person.id), []);
  });
});
