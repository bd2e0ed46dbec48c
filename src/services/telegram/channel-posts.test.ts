// Channel posts on their own: queued inside the publishing transaction (rolled back with it),
// by the scheduler too, only for a language with a channel; sent as a photo when the public
// address can serve one, as a message otherwise or when Telegram refuses the photo; text
// escaped for Telegram's HTML and a caption within 1,024 characters.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildArticle } from '../../../test/support/factories.ts';
import { type FakeTelegram, startFakeTelegram } from '../../../test/support/fake-telegram.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { publishDue } from '../articles/scheduler.ts';
import { recordPublish } from '../articles/workflow.ts';
import { type Services, servicesFor } from '../context.ts';
import { queueChannelPosts } from './channel-posts.ts';
import { chatKey, tokenKey } from './channels.ts';
import { postText, publiclyReachable, sendChannelPost } from './send-post.ts';

const TOKEN = '555000:AAchannelPostsTestToken_000001';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-channel-posts-'));
let telegram: FakeTelegram;
let services: Services;
before(async () => {
  telegram = await startFakeTelegram();
  telegram.addBot(TOKEN, ['@midad_fr']);
  const config = loadConfig({}, { dataDir: dir, logLevel: 'silent', telegramApiUrl: telegram.url });
  const db = await openDatabase(`sqlite:${path.join(dir, 'midad.db')}`);
  await migrateToLatest(db);
  services = servicesFor(config, db);
  await services.repos.settings.setMany({ [tokenKey('fr')]: TOKEN, [chatKey('fr')]: '@midad_fr' });
});
after(async () => {
  await services.close();
  await telegram.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('queueing channel posts', () => {
  it('queues one post for a language with a channel, none for one without', async () => {
    const fr = await buildArticle(services, { lang: 'fr', status: 'draft', title: 'Récolte à Mopti' });
    const ar = await buildArticle(services, { lang: 'ar', status: 'draft', title: 'حصاد في موبتي' });
    assert.equal(await services.transaction((trx) => queueChannelPosts(trx, fr)), 1);
    assert.equal(await services.transaction((trx) => queueChannelPosts(trx, fr)), 0, 'never twice');
    assert.equal(await services.transaction((trx) => queueChannelPosts(trx, ar)), 0, 'no Arabic channel');
    const queued = await services.repos.outbox.byDedupKey(`telegram:@midad_fr:article:${fr.id}:published`);
    assert.equal(queued?.status, 'queued');
    assert.equal(queued?.payload.path, `/fr/article/${fr.id}/${fr.slug}`);
  });

  it('leaves nothing when the publishing transaction rolls back', async () => {
    const fr = await buildArticle(services, { lang: 'fr', status: 'draft' });
    await assert.rejects(
      services.transaction(async (trx) => {
        await recordPublish(trx, fr, null);
        throw new Error('the save failed after the post was queued');
      }),
    );
    assert.equal(
      await services.repos.outbox.byDedupKey(`telegram:@midad_fr:article:${fr.id}:published`),
      null,
    );
  });

  it('queues the post of an article the scheduler publishes', async () => {
    const at = new Date(Date.now() + 60_000).toISOString();
    const fr = await buildArticle(services, { lang: 'fr', status: 'scheduled', publishedAt: at });
    assert.deepEqual(await publishDue(services, new Date(Date.now() + 120_000)), [fr.id]);
    const queued = await services.repos.outbox.byDedupKey(`telegram:@midad_fr:article:${fr.id}:published`);
    assert.equal(queued?.status, 'queued');
  });
});

describe('sending a channel post', () => {
  const payload = {
    lang: 'fr' as const,
    chatId: '@midad_fr',
    articleId: 7,
    title: 'Prix du mil < 300 F & plus',
    dek: 'Le marché de Ségou.',
    path: '/fr/article/7/prix-du-mil',
    imagePath: '/media/2026/12/mil-1200.jpg',
  };

  it('knows which public addresses Telegram can fetch an image from', () => {
    for (const url of ['https://news.example.org', 'http://203.0.113.9:8080', 'https://[2001:db8::1]'])
      assert.equal(publiclyReachable(url), true, url);
    for (const url of [
      'http://127.0.0.1:3000',
      'http://localhost:3000',
      'http://192.168.1.20',
      'http://10.0.0.5',
      'http://172.20.0.2',
      'http://midad.local',
      'http://[::1]:3000',
      'http://intranet',
    ])
      assert.equal(publiclyReachable(url), false, url);
  });

  it('sends a photo with the text as caption from a public address', async () => {
    const before = telegram.posts().length;
    const config = { publicUrl: 'https://news.example.org', telegramApiUrl: telegram.url };
    const sent = await sendChannelPost(services.repos, config, payload);
    const [post] = telegram.posts().slice(before);
    // The id Telegram gave the post comes back, for a correction to reply to later.
    const { messageId, ...rest } = sent;
    assert.deepEqual(rest, { ok: true, error: '', permanent: false });
    assert.equal(typeof messageId, 'number');
    assert.equal(post?.method, 'sendPhoto');
    assert.equal(post?.body.photo, 'https://news.example.org/media/2026/12/mil-1200.jpg');
    assert.equal(
      post?.body.caption,
      '<b>Prix du mil &lt; 300 F &amp; plus</b>\n\nLe marché de Ségou.\n\nhttps://news.example.org/fr/article/7/prix-du-mil',
    );
    assert.equal(post?.body.parse_mode, 'HTML');
  });

  it('falls back to a message with the link when Telegram refuses the photo, or the address is local', async () => {
    const before = telegram.posts().length;
    telegram.refusePhotos = true;
    try {
      const config = { publicUrl: 'https://news.example.org', telegramApiUrl: telegram.url };
      assert.equal((await sendChannelPost(services.repos, config, payload)).ok, true);
    } finally {
      telegram.refusePhotos = false;
    }
    const local = { publicUrl: 'http://127.0.0.1:3000', telegramApiUrl: telegram.url };
    assert.equal((await sendChannelPost(services.repos, local, payload)).ok, true);
    const posts = telegram.posts().slice(before);
    assert.deepEqual(
      posts.map((p) => p.method),
      ['sendMessage', 'sendMessage'],
    );
    assert.ok(String(posts[1]?.body.text).endsWith('http://127.0.0.1:3000/fr/article/7/prix-du-mil'));
  });

  it('keeps a long caption within 1,024 characters, title and link whole', async () => {
    const before = telegram.posts().length;
    const config = { publicUrl: 'https://news.example.org', telegramApiUrl: telegram.url };
    await sendChannelPost(services.repos, config, {
      ...payload,
      dek: 'Une phrase assez longue. '.repeat(80),
    });
    const caption = String(telegram.posts()[before]?.body.caption);
    assert.ok(caption.length <= 1024, String(caption.length));
    assert.ok(caption.startsWith('<b>Prix du mil &lt; 300 F &amp; plus</b>'));
    assert.ok(caption.endsWith('…\n\nhttps://news.example.org/fr/article/7/prix-du-mil'));
    assert.equal(postText({ title: 'T', dek: '  ' }, 'https://x.org/a'), '<b>T</b>\n\nhttps://x.org/a');
  });
});
