// A correction of an article posted to a Telegram channel goes to the channel as a reply to the
// post: the post keeps the id Telegram gave it once sent, the reply waits while the post is not
// sent yet, then answers it with reply_parameters; an update, or an article never posted, sends
// nothing.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildArticle, buildPerson } from '../../../test/support/factories.ts';
import { type FakeTelegram, startFakeTelegram } from '../../../test/support/fake-telegram.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import type { Actor } from '../actor.ts';
import { addCorrection } from '../articles/corrections.ts';
import { type Services, servicesFor } from '../context.ts';
import { attemptOutboxMessage } from '../outbox/dispatcher.ts';
import { channelPostKey, queueChannelPosts } from './channel-posts.ts';
import { chatKey, tokenKey } from './channels.ts';

const TOKEN = '555000:AAcorrectionRepliesTestToken_01';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-correction-replies-'));
let telegram: FakeTelegram;
let services: Services;
let editor: Actor;
before(async () => {
  telegram = await startFakeTelegram();
  telegram.addBot(TOKEN, ['@midad_ar']);
  const config = loadConfig({}, { dataDir: dir, logLevel: 'silent', telegramApiUrl: telegram.url });
  const db = await openDatabase(`sqlite:${path.join(dir, 'midad.db')}`);
  await migrateToLatest(db);
  services = servicesFor(config, db);
  await services.repos.settings.setMany({ [tokenKey('ar')]: TOKEN, [chatKey('ar')]: '@midad_ar' });
  editor = { person: await buildPerson(services, { role: 'editor' }), ipHash: 'test' };
});
after(async () => {
  await services.close();
  await telegram.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function attempt(key: string) {
  const message = await services.repos.outbox.byDedupKey(key);
  assert.ok(message, `${key} is queued`);
  return attemptOutboxMessage(services, message);
}

describe('correction replies on Telegram', () => {
  it('replies to the channel post with the correction once the post is sent', async () => {
    const article = await buildArticle(services, { lang: 'ar', title: 'افتتاح جسر نيامي' });
    await services.transaction((trx) => queueChannelPosts(trx, article));
    const postKey = channelPostKey('@midad_ar', article.id);
    const { correction } = await addCorrection(services, editor, {
      articleId: article.id,
      kind: 'correction',
      body: 'طول الجسر ٨٠٠ متر لا ٨ كيلومترات.',
    });
    const replyKey = `telegram:@midad_ar:correction:${correction.id}`;
    assert.equal((await services.repos.outbox.byDedupKey(replyKey))?.status, 'queued');

    // The post is not sent yet: the reply waits for it.
    const early = await attempt(replyKey);
    assert.equal(early?.ok, false);
    assert.equal(early?.status, 'queued');
    assert.equal(telegram.posts().length, 0);

    assert.equal((await attempt(postKey))?.ok, true);
    const post = await services.repos.outbox.byDedupKey(postKey);
    const postId = post?.payload.messageId;
    assert.equal(typeof postId, 'number', 'the post keeps its Telegram id');
    assert.equal(post?.payload.title, 'افتتاح جسر نيامي', 'and the rest of its payload');

    await services.repos.outbox.retryNow((await services.repos.outbox.byDedupKey(replyKey))!.id);
    assert.equal((await attempt(replyKey))?.ok, true);
    const reply = telegram.posts().at(-1)!;
    assert.equal(reply.method, 'sendMessage');
    assert.equal(reply.body.chat_id, '@midad_ar');
    assert.equal(reply.body.text, 'تصحيح: طول الجسر ٨٠٠ متر لا ٨ كيلومترات.');
    assert.deepEqual(reply.body.reply_parameters, { message_id: postId, allow_sending_without_reply: true });
    assert.equal((await services.repos.outbox.byDedupKey(replyKey))?.status, 'sent');
  });

  it('sends nothing for an update, or for an article that was never posted', async () => {
    const posted = await buildArticle(services, { lang: 'ar' });
    await services.transaction((trx) => queueChannelPosts(trx, posted));
    const { correction: update } = await addCorrection(services, editor, {
      articleId: posted.id,
      kind: 'update',
      body: 'افتتح الجسر رسميًا.',
    });
    assert.equal(await services.repos.outbox.byDedupKey(`telegram:@midad_ar:correction:${update.id}`), null);
    const unposted = await buildArticle(services, { lang: 'ar' });
    const { correction } = await addCorrection(services, editor, {
      articleId: unposted.id,
      kind: 'correction',
      body: 'خطأ في الاسم.',
    });
    assert.equal(
      await services.repos.outbox.byDedupKey(`telegram:@midad_ar:correction:${correction.id}`),
      null,
    );
  });
});
