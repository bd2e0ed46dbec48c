// Newsletters end to end over HTTP, with a real SMTP server on loopback: sign-up, double
// opt-in, refusals, digests and breaking alerts to confirmed subscribers only, one-click
// unsubscribe (RFC 8058) and the bounce endpoint.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildArticle, buildSection } from '../../../../test/support/factories.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../../test/support/smtp-server.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';
import { actorFrom } from '../../../services/actor.ts';
import { sendDueOutbox } from '../../../services/outbox/dispatcher.ts';
import { resumeAlerts, runDigests, sendBreakingAlert } from '../../../services/newsletters/sending.ts';
import { NEWSLETTER_TEXT } from './text.ts';

let smtp: TestSmtpServer;
let site: TestSite;
const SECRET = 'bounce-secret-for-tests';
before(async () => {
  smtp = await startSmtpServer();
  site = await startTestSite({
    config: { mail: { smtpUrl: smtp.url, from: 'news@midad.example' }, bounceSecret: SECRET },
  });
});
after(async () => {
  await site.close();
  await smtp.stop();
});

let ipCounter = 10;
const form = (fields: Record<string, string | string[]>) =>
  Object.entries(fields)
    .flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).map((x) => `${k}=${encodeURIComponent(x)}`))
    .join('&');
async function signUp(
  path: string,
  fields: Record<string, string | string[]>,
  ip = `198.51.100.${ipCounter++}`,
) {
  return site.app.inject({
    method: 'POST',
    url: path,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form(fields),
    remoteAddress: ip,
  });
}
const repo = () => site.services.repos.newsletters;
async function mailsTo(address: string) {
  await sendDueOutbox(site.services);
  return smtp.mails.filter((m) => m.to.includes(address));
}
async function confirmed(
  email: string,
  fields: Record<string, string | string[]> = {},
  path = '/newsletter/subscribe',
) {
  const res = await signUp(path, { email, digest: 'daily', alerts: '1', ...fields });
  assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  const [mail] = await mailsTo(email);
  const link = /https?:\/\/\S+\/newsletter\/confirm\/[A-Za-z0-9_-]+/.exec(mail?.parsed.text ?? '')?.[0];
  assert.ok(link, 'the confirmation mail carries its link');
  const page = await site.app.inject({ method: 'GET', url: new URL(link).pathname });
  assert.equal(page.statusCode, 200);
  const s = await repo().byEmail(email);
  assert.equal(s?.status, 'confirmed');
  return s!;
}

describe('newsletter sign-up', () => {
  it('shows the form on the home page, the same for everyone', async () => {
    const home = await site.app.inject({ method: 'GET', url: '/' });
    assert.match(home.body, /<form method="post" action="\/newsletter\/subscribe"/);
    assert.match(home.body, /name="email"/);
    assert.doesNotMatch(home.body.slice(home.body.indexOf('action="/newsletter/subscribe"')), /name="token"/);
  });

  it('sends a confirmation mail whose link confirms the subscription', async () => {
    const res = await signUp('/newsletter/subscribe', {
      email: 'Awa@Example.org',
      digest: 'weekly',
      alerts: '1',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/newsletter/check-inbox');
    const [mail, ...more] = await mailsTo('awa@example.org');
    assert.equal(more.length, 0);
    assert.ok(mail, 'the confirmation mail arrived');
    assert.match(String(mail.parsed.html), /dir="rtl"/);
    const link = /https?:\/\/\S+\/newsletter\/confirm\/[A-Za-z0-9_-]+/.exec(mail.parsed.text ?? '')?.[0];
    assert.ok(link);
    assert.equal((await repo().byEmail('awa@example.org'))?.status, 'pending');
    const page = await site.app.inject({ method: 'GET', url: new URL(link).pathname });
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(NEWSLETTER_TEXT.ar.confirmedTitle));
    assert.match(String(page.headers['cache-control']), /no-store/);
    const s = await repo().byEmail('awa@example.org');
    assert.equal(s?.status, 'confirmed');
    assert.equal(s?.digest, 'weekly');
    const again = await site.app.inject({ method: 'GET', url: new URL(link).pathname });
    assert.equal(again.statusCode, 404, 'a used link says so');
  });

  it('answers an invalid address with the form and the reason in the page language', async () => {
    const ar = await signUp('/newsletter/subscribe', { email: 'not-an-address', digest: 'daily' });
    assert.equal(ar.statusCode, 400);
    assert.ok(ar.body.includes(NEWSLETTER_TEXT.ar.badEmail));
    assert.ok(ar.body.includes('value="not-an-address"'), 'the typed value is kept');
    const en = await signUp('/en/newsletter/subscribe', { email: 'x@', digest: 'daily' });
    if (en.statusCode !== 404) {
      assert.equal(en.statusCode, 400);
      assert.ok(en.body.includes(NEWSLETTER_TEXT.en.badEmail));
    }
    const none = await signUp('/newsletter/subscribe', { email: 'nothing@example.org', digest: 'none' });
    assert.equal(none.statusCode, 400);
    assert.ok(none.body.includes(NEWSLETTER_TEXT.ar.chooseSomething));
    assert.equal(await repo().byEmail('not-an-address'), null);
    assert.equal(await repo().byEmail('nothing@example.org'), null);
  });

  it('keeps one subscription and one confirmation mail an hour for the same address', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await signUp('/newsletter/subscribe', { email: 'twice@example.org', digest: 'daily' });
      assert.equal(res.statusCode, 303);
    }
    const mails = await mailsTo('twice@example.org');
    assert.equal(mails.length, 1);
    const rows = await repo().list({ search: 'twice@', limit: 10 });
    assert.equal(rows.length, 1);
  });

  it('changes nothing for an altered or expired confirmation link', async () => {
    await signUp('/newsletter/subscribe', { email: 'late@example.org', digest: 'daily' });
    const [mail] = await mailsTo('late@example.org');
    const link = new URL(
      /https?:\/\/\S+\/newsletter\/confirm\/[A-Za-z0-9_-]+/.exec(mail?.parsed.text ?? '')![0],
    );
    const altered = link.pathname.slice(0, -1) + (link.pathname.endsWith('A') ? 'B' : 'A');
    const bad = await site.app.inject({ method: 'GET', url: altered });
    assert.equal(bad.statusCode, 404);
    assert.ok(bad.body.includes(NEWSLETTER_TEXT.ar.invalidTitle));
    const junk = await site.app.inject({ method: 'GET', url: '/newsletter/confirm/%E2%80%AE..%2F' });
    assert.ok(junk.statusCode < 500);
    const s = await repo().byEmail('late@example.org');
    assert.equal(s?.status, 'pending');
    await site.services.db.kysely
      .updateTable('newsletter_subscribers')
      .set({ confirm_expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', s!.id)
      .execute();
    const expired = await site.app.inject({ method: 'GET', url: link.pathname });
    assert.equal(expired.statusCode, 410);
    assert.ok(expired.body.includes(NEWSLETTER_TEXT.ar.expiredTitle));
    assert.equal((await repo().byEmail('late@example.org'))?.status, 'pending');
  });

  it('rate-limits a flood of sign-ups from one address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await signUp(
        '/newsletter/subscribe',
        { email: `flood${i}@example.org`, digest: 'daily' },
        '203.0.113.250',
      );
      statuses.push(res.statusCode);
    }
    assert.equal(statuses[0], 303);
    assert.equal(statuses.at(-1), 429);
    assert.ok(statuses.every((s) => s === 303 || s === 429));
  });
});

describe('newsletter sending', () => {
  it('sends a digest and an alert to confirmed subscribers only, in their language, with List-Unsubscribe', async () => {
    const politics = await buildSection(site.services, { name: 'Politique' });
    const culture = await buildSection(site.services, { name: 'Culture' });
    const daily = await confirmed('daily-ar@example.org');
    const picky = await confirmed('picky@example.org', { sections: String(culture.id) });
    await signUp('/newsletter/subscribe', { email: 'pending@example.org', digest: 'daily', alerts: '1' });
    const french = await confirmed('daily-fr@example.org', {}, '/fr/newsletter/subscribe');
    assert.equal(french.lang, 'fr', 'the language of the page, unless another is chosen');
    const now = new Date('2031-03-10T07:00:00.000Z'); // a Monday, after 06:00 UTC
    const article = await buildArticle(site.services, {
      lang: 'ar',
      title: 'قافلة المساعدات تصل إلى تمبكتو',
      dek: 'وصلت الشاحنات صباحًا بعد أسبوع على الطريق.',
      sectionId: politics.id,
      publishedAt: '2031-03-10T05:00:00.000Z',
    });
    const frenchArticle = await buildArticle(site.services, {
      lang: 'fr',
      title: 'Le convoi humanitaire arrive à Tombouctou',
      publishedAt: '2031-03-10T04:00:00.000Z',
    });
    const queued = await runDigests(site.services, now);
    // The daily readers of every section (Arabic, French) and the weekly one (awa@, confirmed
    // above); the culture reader has nothing new and gets nothing.
    assert.equal(queued, 3);
    const [fr] = (await mailsTo(french.email)).filter((m) => m.parsed.text?.includes(frenchArticle.title));
    assert.ok(fr, 'the French reader gets the French digest');
    assert.ok(fr.parsed.subject?.includes('l’essentiel du jour'));
    assert.match(String(fr.parsed.html), /<html lang="fr" dir="ltr">/);
    assert.ok(!fr.parsed.text?.includes(article.title), 'and not the Arabic articles');
    const weekly = (await mailsTo('awa@example.org')).filter((m) => m.parsed.text?.includes(article.title));
    assert.equal(weekly.length, 1, 'the weekly digest');
    const [digest] = await mailsTo(daily.email).then((m) =>
      m.filter((x) => x.parsed.subject?.includes('(1)')),
    );
    assert.ok(digest, 'the daily digest arrived');
    assert.ok(digest.parsed.text?.includes(article.title));
    assert.match(String(digest.parsed.html), /dir="rtl"/);
    assert.match(
      digest.raw,
      new RegExp(
        `(^|\r\n)List-Unsubscribe:\\s+<http[^>]+/newsletter/unsubscribe/${daily.unsubscribeToken}>\r\n`,
      ),
    );
    assert.match(digest.raw, /\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n/);
    assert.equal((await mailsTo(picky.email)).length, 1, 'only its confirmation');
    assert.equal((await mailsTo('pending@example.org')).length, 1, 'only its confirmation');
    assert.equal(await runDigests(site.services, now), 0, 'an edition is sent once');
    assert.equal(
      await runDigests(site.services, new Date('2031-03-11T07:00:00.000Z')),
      0,
      'nothing new, nothing sent',
    );

    const admin = await site.services.repos.people.byEmail(site.admin.email);
    const actor = await actorFrom(site.services, admin!, '127.0.0.1');
    const { whenQueued } = await sendBreakingAlert(site.services, actor, site.mainArticle.id);
    const alerts = await whenQueued;
    assert.ok(alerts >= 2, `confirmed alert subscribers of the article's language (${alerts})`);
    await sendDueOutbox(site.services);
    const title = site.mainArticle.title;
    const got = (email: string) =>
      smtp.mails.filter((m) => m.to.includes(email) && m.parsed.subject?.includes(title));
    assert.equal(got(daily.email).length, 1);
    assert.equal(got('pending@example.org').length, 0, 'an unconfirmed address gets no alert');
    assert.match(got(daily.email)[0]?.raw ?? '', /\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n/);
    const again = await sendBreakingAlert(site.services, actor, site.mainArticle.id);
    assert.equal(await again.whenQueued, 0, 'an alert is sent once');
  });

  it('finishes an alert that a stopped process left half queued', async () => {
    const reader = await confirmed('resumed@example.org');
    const article = await buildArticle(site.services, { lang: 'ar', title: 'انقطاع الكهرباء في نيامي' });
    const started = new Date(Date.now() - 3_600_000).toISOString();
    // What a process leaves when it stops after recording the alert and before its mails.
    await site.services.repos.newsletters.claimEdition('alert', 'ar', String(article.id), started, started);
    assert.ok((await resumeAlerts(site.services)) >= 1);
    const key = `alert:${article.id}:${reader.id}`;
    assert.ok(await site.services.repos.outbox.byDedupKey(key), 'the alert is queued');
    assert.equal(await resumeAlerts(site.services), 0, 'and done: nothing more to resume');
    const fresh = await buildArticle(site.services, { lang: 'ar', title: 'خبر لم يكتمل إرساله للتو' });
    const now = new Date().toISOString();
    await site.services.repos.newsletters.claimEdition('alert', 'ar', String(fresh.id), now, now);
    assert.equal(await resumeAlerts(site.services), 0, 'an alert just started is left to its own process');
  });

  it('unsubscribes with one POST (RFC 8058) and asks first on a GET', async () => {
    const s = await confirmed('leaving@example.org');
    const path = `/newsletter/unsubscribe/${s.unsubscribeToken}`;
    const ask = await site.app.inject({ method: 'GET', url: path });
    assert.equal(ask.statusCode, 200);
    assert.ok(ask.body.includes(NEWSLETTER_TEXT.ar.unsubscribeButton));
    assert.ok(await repo().byEmail('leaving@example.org'), 'a GET changes nothing');
    const altered = `${path.slice(0, -1)}${path.endsWith('A') ? 'B' : 'A'}`;
    for (const method of ['GET', 'POST'] as const) {
      const res = await site.app.inject({
        method,
        url: altered,
        payload: method === 'POST' ? '' : undefined,
      });
      assert.equal(res.statusCode, 404, `${method} of an altered link`);
      assert.ok(res.body.includes(NEWSLETTER_TEXT.ar.invalidTitle));
    }
    assert.ok(await repo().byEmail('leaving@example.org'), 'an altered link changes nothing');
    const before = (await repo().counts()).unsubscribed;
    const res = await site.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    assert.equal(res.statusCode, 200);
    assert.equal(await repo().byEmail('leaving@example.org'), null, 'the subscriber is deleted');
    assert.equal((await repo().counts()).unsubscribed, before + 1, 'only a count remains');
    const twice = await site.app.inject({ method: 'POST', url: path, payload: '' });
    assert.equal(twice.statusCode, 404);
    assert.ok(twice.body.includes(NEWSLETTER_TEXT.ar.invalidTitle));
    const multipart = await confirmed('multipart@example.org');
    const boundary = 'xyz';
    const mp = await site.app.inject({
      method: 'POST',
      url: `/newsletter/unsubscribe/${multipart.unsubscribeToken}`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
    });
    assert.equal(mp.statusCode, 200);
    assert.equal(await repo().byEmail('multipart@example.org'), null);
  });

  it('stops sending to an address reported as bounced, with the shared secret only', async () => {
    const s = await confirmed('dead@example.org');
    const body = JSON.stringify({ email: 'dead@example.org', type: 'bounce' });
    const headers = { 'content-type': 'application/json' };
    const refused = await site.app.inject({
      method: 'POST',
      url: '/newsletter/bounce',
      headers,
      payload: body,
    });
    assert.equal(refused.statusCode, 401);
    const wrong = await site.app.inject({
      method: 'POST',
      url: '/newsletter/bounce',
      headers: { ...headers, authorization: 'Bearer nope' },
      payload: body,
    });
    assert.equal(wrong.statusCode, 401);
    assert.equal((await repo().byId(s.id))?.status, 'confirmed');
    const ok = await site.app.inject({
      method: 'POST',
      url: '/newsletter/bounce',
      headers: { ...headers, authorization: `Bearer ${SECRET}` },
      payload: body,
    });
    assert.equal(ok.statusCode, 200);
    assert.equal((await repo().byId(s.id))?.status, 'bounced');
    const malformed = await site.app.inject({
      method: 'POST',
      url: '/newsletter/bounce',
      headers: { ...headers, authorization: `Bearer ${SECRET}` },
      payload: '{"email":1}',
    });
    assert.equal(malformed.statusCode, 400);
    const article = await buildArticle(site.services, { lang: 'ar', title: 'خبر عاجل للاختبار' });
    const admin = await site.services.repos.people.byEmail(site.admin.email);
    const { whenQueued } = await sendBreakingAlert(
      site.services,
      await actorFrom(site.services, admin!, '127.0.0.1'),
      article.id,
    );
    await whenQueued;
    await sendDueOutbox(site.services);
    assert.equal(
      smtp.mails.filter((m) => m.to.includes('dead@example.org') && m.parsed.subject?.includes(article.title))
        .length,
      0,
    );
  });
});
