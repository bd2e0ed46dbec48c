// The outbox dispatcher against a fake Telegram on both engines: two dispatchers, each with its
// own connection to one database as two server processes would have, send every message once;
// a failed attempt waits its back-off and is retried; a message refused for good waits for an
// admin's retry.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type FakeTelegram, startFakeTelegram } from '../../../test/support/fake-telegram.ts';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/connect.ts';
import { forEachEngine, TEST_POSTGRES_URL } from '../../db/test-databases.ts';
import { servicesFor } from '../context.ts';
import { chatKey, tokenKey } from '../telegram/channels.ts';
import { sendDueOutbox } from './dispatcher.ts';

const TOKEN = '123456:AAbbCCddEEffGGhhIIjjKKllMMnn';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-outbox-'));
let telegram: FakeTelegram;
before(async () => {
  telegram = await startFakeTelegram();
  telegram.addBot(TOKEN, ['@midad_ar']);
});
after(async () => {
  await telegram.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const post = (n: number) => ({
  channel: 'telegram' as const,
  dedupKey: `telegram:@midad_ar:article:${n}:published`,
  summary: `@midad_ar — ${n}`,
  payload: {
    lang: 'ar',
    chatId: '@midad_ar',
    articleId: n,
    title: `خبر ${n}`,
    dek: '',
    path: `/article/${n}/x`,
    imagePath: null,
  },
});

await forEachEngine((engine) => {
  describe('outbox dispatcher', () => {
    let config: ReturnType<typeof loadConfig>;
    before(() => {
      config = loadConfig(
        {},
        { dataDir: path.join(dir, engine.dialect), logLevel: 'silent', telegramApiUrl: telegram.url },
      );
    });

    it('sends each message once when two processes dispatch at the same time', async () => {
      const db = await engine.fresh();
      const other =
        db.dialect === 'postgres'
          ? await openDatabase(TEST_POSTGRES_URL, db.schema ? { schema: db.schema } : {})
          : await openDatabase(`sqlite:${db.location}`);
      try {
        const one = servicesFor(config, db);
        const two = servicesFor(config, other);
        await one.repos.settings.setMany({ [tokenKey('ar')]: TOKEN, [chatKey('ar')]: '@midad_ar' });
        const queued = [];
        for (let n = 1; n <= 20; n++) queued.push((await one.repos.outbox.enqueue(post(n)))!);
        const before = telegram.posts().length;
        const [a, b] = await Promise.all([
          sendDueOutbox(one, { concurrency: 4 }),
          sendDueOutbox(two, { concurrency: 4 }),
        ]);
        const sent = telegram
          .posts()
          .slice(before)
          .map((c) => Number(String(c.body.text).match(/خبر (\d+)/)?.[1]));
        assert.deepEqual(
          sent.sort((x, y) => x - y),
          queued.map((m) => m.payload.articleId),
          'every post arrived, none twice',
        );
        assert.equal(a.length + b.length, 20, 'no message was attempted by both');
        for (const m of queued) {
          const stored = await one.repos.outbox.byId(m.id);
          assert.equal(stored?.status, 'sent');
          assert.equal(stored?.attempts, 1);
        }
        // Both look again: nothing is left to send.
        assert.deepEqual([...(await sendDueOutbox(one)), ...(await sendDueOutbox(two))], []);
      } finally {
        await other.close();
      }
    });

    it('waits its back-off after a failure, then sends', async () => {
      const services = servicesFor(config, await engine.fresh());
      await services.repos.settings.setMany({ [tokenKey('ar')]: TOKEN, [chatKey('ar')]: '@midad_ar' });
      const t0 = new Date('2030-01-01T10:00:00.000Z');
      const message = (await services.repos.outbox.enqueue(post(100), t0.toISOString()))!;
      const at = (ms: number) => () => new Date(t0.getTime() + ms);
      telegram.failNext(1);
      const first = await sendDueOutbox(services, { now: at(0), random: () => 0.5 });
      assert.deepEqual(
        first.map((x) => [x.status, x.ok]),
        [['queued', false]],
      );
      const waiting = (await services.repos.outbox.byId(message.id))!;
      assert.equal(waiting.status, 'queued');
      assert.equal(waiting.attempts, 1);
      assert.match(waiting.lastError, /500/);
      // random 0.5: exactly the first delay, one minute.
      assert.equal(waiting.nextAttemptAt, new Date(t0.getTime() + 60_000).toISOString());
      const before = telegram.posts().length;
      assert.deepEqual(await sendDueOutbox(services, { now: at(30_000) }), [], 'not before its time');
      assert.equal(telegram.posts().length, before);
      const second = await sendDueOutbox(services, { now: at(60_000) });
      assert.deepEqual(
        second.map((x) => x.status),
        ['sent'],
      );
      assert.equal(telegram.posts().length, before + 1);
      const sent = (await services.repos.outbox.byId(message.id))!;
      assert.equal(sent.attempts, 2);
      assert.equal(sent.lastError, '');
      assert.equal(sent.sentAt, new Date(t0.getTime() + 60_000).toISOString());
    });

    it('gives up at once on a refused token, and sends after the token is fixed and the message retried', async () => {
      const services = servicesFor(config, await engine.fresh());
      await services.repos.settings.setMany({
        [tokenKey('ar')]: '999:wrong-token-wrong-token-xx',
        [chatKey('ar')]: '@midad_ar',
      });
      const message = (await services.repos.outbox.enqueue(post(200)))!;
      const [attempt] = await sendDueOutbox(services);
      assert.equal(attempt?.status, 'failed');
      const failed = (await services.repos.outbox.byId(message.id))!;
      assert.equal(failed.status, 'failed');
      assert.match(failed.lastError, /401/);
      assert.ok(!failed.lastError.includes('wrong-token'), 'the token never reaches the log');
      assert.deepEqual(await sendDueOutbox(services), [], 'a failed message waits');
      await services.repos.settings.set(tokenKey('ar'), TOKEN);
      assert.equal(await services.repos.outbox.retryNow(message.id), true);
      const [again] = await sendDueOutbox(services);
      assert.equal(again?.status, 'sent');
    });
  });
});
