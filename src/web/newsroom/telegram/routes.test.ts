// Telegram channels from the newsroom against a fake Bot API: a wrong token or channel is said
// on save and nothing is stored; the token is never shown again; publishing posts once per
// article to its language's channel, also with two dispatchers on one database; a post refused
// with a 500 waits on the outbox page with its error until "retry now"; the WhatsApp text of
// a published article.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type FakeTelegram, startFakeTelegram } from '../../../../test/support/fake-telegram.ts';
import { csrfFrom, type NewsroomClient, staffClient } from '../../../../test/support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';
import { openDatabase } from '../../../db/connect.ts';
import { type Services, servicesFor } from '../../../services/context.ts';
import { type OutboxDispatcher, startOutboxDispatcher } from '../../../services/outbox/dispatcher.ts';
import { outboxMessages } from '../outbox/messages.ts';
import { telegramMessages } from './messages.ts';

const AR_TOKEN = '700100:AAarabicChannelTokenForTests_0001';
const FR_TOKEN = '700200:AAfrenchChannelTokenForTests_0002';
const t = telegramMessages('ar');

let site: TestSite;
let telegram: FakeTelegram;
let admin: NewsroomClient;
let editor: NewsroomClient;
let second: Services;
const dispatchers: OutboxDispatcher[] = [];

before(async () => {
  telegram = await startFakeTelegram();
  telegram.addBot(AR_TOKEN, ['@midad_ar']);
  telegram.addBot(FR_TOKEN, ['@midad_fr']);
  site = await startTestSite({ config: { telegramApiUrl: telegram.url } });
  admin = await staffClient(site, 'admin', '203.0.113.71');
  editor = await staffClient(site, 'editor', '203.0.113.72');
  // A second process on the same database, with its own dispatcher.
  second = servicesFor(site.services.config, await openDatabase(`sqlite:${site.services.db.location}`));
});
after(async () => {
  for (const d of dispatchers) await d.stop();
  await second.close();
  await site.close();
  await telegram.close();
});

const escaped = (text: string) => text.replaceAll("'", '&#39;').replaceAll('"', '&quot;');

async function until<T>(
  what: string,
  fn: () => Promise<T | null | undefined | false>,
  ms = 10_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function publish(id: number, title: string, lang: 'ar' | 'fr', intent = 'publish') {
  const page = await editor.get(`/newsroom/articles/${id}`);
  const res = await editor.post(`/newsroom/articles/${id}`, {
    _csrf: csrfFrom(page.body),
    version: /name="version" value="(\d+)"/.exec(page.body)![1]!,
    title,
    slug: '',
    dek: lang === 'ar' ? 'افتتاح مكتبة متنقلة في القرى.' : 'Une bibliothèque mobile dans les villages.',
    body_html: '<p>Texte court écrit pour l’essai.</p>',
    lang,
    tags: '',
    intent,
  });
  assert.equal(res.status, 303, res.body.slice(0, 300));
}

async function newArticle(): Promise<number> {
  const created = await editor.submit('/newsroom/articles', '/newsroom/articles/new', {});
  return Number(/\/newsroom\/articles\/(\d+)$/.exec(created.location ?? '')?.[1]);
}

describe('Telegram channel settings', () => {
  it('refuses a wrong token, a wrong format and an unknown channel on save, storing nothing', async () => {
    const refused = await admin.submit('/newsroom/settings/telegram', '/newsroom/settings/telegram/ar', {
      token: '700999:AAthisTokenIsUnknownToTelegram_99',
      chatId: '@midad_ar',
    });
    assert.equal(refused.status, 422);
    assert.ok(refused.body.includes(escaped(t.errTokenRefused)), 'the page says the token is wrong');
    assert.ok(!refused.body.includes('AAthisTokenIsUnknownToTelegram'), 'the typed token is not echoed');
    assert.ok(refused.body.includes('value="@midad_ar"'), 'the channel comes back as typed');

    const badFormat = await admin.submit('/newsroom/settings/telegram', '/newsroom/settings/telegram/ar', {
      token: 'not a token',
      chatId: 'midad ar',
    });
    assert.equal(badFormat.status, 422);
    assert.ok(badFormat.body.includes(escaped(t.errTokenFormat)));
    assert.ok(badFormat.body.includes(escaped(t.errChatFormat)));

    const noChat = await admin.submit('/newsroom/settings/telegram', '/newsroom/settings/telegram/ar', {
      token: AR_TOKEN,
      chatId: '@someone_else',
    });
    assert.equal(noChat.status, 422);
    assert.ok(noChat.body.includes(escaped(t.errChatNotFound)));
    const page = await admin.get('/newsroom/settings/telegram');
    assert.ok(page.body.includes(t.tokenUnset), 'nothing was stored');
  });

  it('saves after the test calls and never shows the token again', async () => {
    const saved = await admin.submit('/newsroom/settings/telegram', '/newsroom/settings/telegram/ar', {
      token: AR_TOKEN,
      chatId: '@midad_ar',
    });
    assert.equal(saved.status, 303, saved.body.slice(0, 300));
    const calls = telegram.calls.filter((c) => c.token === AR_TOKEN).map((c) => c.method);
    assert.deepEqual(calls.slice(-2), ['getMe', 'getChat']);
    const fr = await admin.submit('/newsroom/settings/telegram', '/newsroom/settings/telegram/fr', {
      token: FR_TOKEN,
      chatId: '@midad_fr',
    });
    assert.equal(fr.status, 303);
    const page = await admin.get('/newsroom/settings/telegram');
    assert.equal(page.status, 200);
    assert.ok(page.body.includes('data-token-set="yes"'));
    assert.ok(page.body.includes('value="@midad_ar"'));
    for (const token of [AR_TOKEN, FR_TOKEN]) {
      assert.ok(!page.body.includes(token), 'the token is not in the page');
      assert.ok(!page.body.includes(token.split(':')[1]!), 'nor any part of its secret');
    }
    // Keeping the token: an empty token field changes only the channel (checked with the stored one).
    const kept = await admin.submit('/newsroom/settings/telegram', '/newsroom/settings/telegram/ar', {
      token: '',
      chatId: '@midad_ar',
    });
    assert.equal(kept.status, 303);
    const audit = await site.services.repos.audit.list({ limit: 50, action: 'telegram.saved' });
    assert.equal(audit.length, 3);
    assert.ok(!JSON.stringify(audit).includes(AR_TOKEN.split(':')[1]!), 'the audit log has no token');
    const settings = await admin.get('/newsroom/settings');
    assert.ok(settings.body.includes('href="/newsroom/settings/telegram"'), 'the settings page links here');
  });

  it('is for admins only', async () => {
    assert.equal((await editor.get('/newsroom/settings/telegram')).status, 403);
    assert.equal((await editor.get('/newsroom/outbox')).status, 403);
    const page = await editor.get('/newsroom');
    const res = await editor.post('/newsroom/settings/telegram/ar/remove', { _csrf: csrfFrom(page.body) });
    assert.equal(res.status, 403);
  });
});

describe('posting on publish', () => {
  before(() => {
    // As `serve` runs it, in two processes on one database.
    dispatchers.push(startOutboxDispatcher(site.services, { intervalMs: 100 }));
    dispatchers.push(startOutboxDispatcher(second, { intervalMs: 100 }));
  });

  it('posts once per article to its language channel, across two dispatchers and a second publish', async () => {
    const before = telegram.posts().length;
    const arId = await newArticle();
    await publish(arId, 'مكتبة متنقلة تجوب قرى الساحل', 'ar');
    const frId = await newArticle();
    await publish(frId, 'Une bibliothèque mobile au Sahel', 'fr');
    await until('both posts', async () => telegram.posts().length >= before + 2);
    // Unpublished and published again: no second post.
    await publish(arId, 'مكتبة متنقلة تجوب قرى الساحل', 'ar', 'unpublish');
    await publish(arId, 'مكتبة متنقلة تجوب قرى الساحل', 'ar');
    await until('everything handled', async () => (await site.services.repos.outbox.counts()).queued === 0);
    await new Promise((r) => setTimeout(r, 300));
    const posts = telegram.posts().slice(before);
    assert.equal(posts.length, 2, 'one post per article');
    const ar = posts.find((p) => p.body.chat_id === '@midad_ar');
    const fr = posts.find((p) => p.body.chat_id === '@midad_fr');
    assert.equal(ar?.token, AR_TOKEN);
    assert.equal(ar?.method, 'sendMessage', 'a loopback site cannot offer Telegram a photo URL');
    assert.match(String(ar?.body.text), /<b>مكتبة متنقلة تجوب قرى الساحل<\/b>/);
    assert.ok(String(ar?.body.text).includes(`${site.services.config.publicUrl}/article/${arId}/`));
    assert.equal(fr?.token, FR_TOKEN);
    assert.ok(String(fr?.body.text).includes(`/fr/article/${frId}/`));
  });

  it('keeps a post refused with a 500 on the outbox page with its error, and sends it on "retry now"', async () => {
    for (const d of dispatchers.splice(1)) await d.stop();
    const before = telegram.posts().length;
    telegram.failNext(1);
    const id = await newArticle();
    await publish(id, 'سوق أسبوعي جديد في موبتي', 'ar');
    const waiting = await until('the failed attempt', async () => {
      const [m] = await site.services.repos.outbox.list({ limit: 1 });
      return m?.attempts === 1 && m.status === 'queued' ? m : null;
    });
    assert.match(waiting.lastError, /500/);
    assert.equal(telegram.posts().length, before);
    const o = outboxMessages('ar');
    const page = await admin.get('/newsroom/outbox');
    assert.equal(page.status, 200);
    const row = new RegExp(`<tr id="message-${waiting.id}"[^]*?</tr>`).exec(page.body)?.[0] ?? '';
    assert.ok(row.includes(o.status_queued), 'listed as waiting');
    assert.ok(row.includes('500'), 'with its last error');
    assert.ok(row.includes(`/newsroom/outbox/${waiting.id}/retry`), 'with retry now');

    const retried = await admin.post(`/newsroom/outbox/${waiting.id}/retry`, { _csrf: csrfFrom(page.body) });
    assert.equal(retried.status, 303);
    assert.match(retried.location ?? '', /done=retried/);
    await until('the post', async () => telegram.posts().length === before + 1);
    const sent = await until('sent', async () => {
      const m = await site.services.repos.outbox.byId(waiting.id);
      return m?.status === 'sent' ? m : null;
    });
    assert.equal(sent.attempts, 2);
    const audit = await site.services.repos.audit.list({ limit: 10, action: 'outbox.retried' });
    assert.equal(audit[0]?.targetId, String(waiting.id));
    const again = await admin.post(`/newsroom/outbox/${waiting.id}/retry`, { _csrf: csrfFrom(page.body) });
    assert.match(again.location ?? '', /done=not-retried/, 'a sent message is not sent again');
    const sentList = await admin.get('/newsroom/outbox?status=sent');
    assert.ok(sentList.body.includes(`id="message-${waiting.id}"`));
    assert.equal((await admin.get('/newsroom/outbox?status=bogus&page=-3')).status, 200);
  });

  it('shows a published article the text to copy for WhatsApp, and a draft none', async () => {
    const id = await newArticle();
    const draft = await editor.get(`/newsroom/articles/${id}`);
    assert.ok(!draft.body.includes('id="whatsapp-text"'));
    await publish(id, 'Les pluies arrivent tôt à Ségou', 'fr');
    const page = await editor.get(`/newsroom/articles/${id}`);
    const area = /<textarea id="whatsapp-text"[^>]*>([^<]*)<\/textarea>/.exec(page.body);
    assert.ok(area, page.body.slice(0, 200));
    assert.match(area[0], /readonly/);
    const text = area[1]!.replaceAll('&#39;', "'").replaceAll('&amp;', '&');
    assert.ok(text.startsWith('*Les pluies arrivent tôt à Ségou*'));
    assert.ok(text.includes('Une bibliothèque mobile dans les villages.'));
    assert.ok(text.endsWith(`/fr/article/${id}/les-pluies-arrivent-tot-a-segou`), text);
  });
});
