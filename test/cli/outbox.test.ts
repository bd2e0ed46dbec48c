// `midad serve` runs the outbox dispatcher: a mail queued in its database reaches a real SMTP
// server on loopback without anyone visiting the site; a malformed MIDAD_SMTP_URL stops the
// start with one line that names it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openDatabase } from '../../src/db/connect.ts';
import { createRepositories } from '../../src/db/repositories/index.ts';
import { type MidadProcess, startMidad } from '../support/midad-process.ts';
import { freePort } from '../support/site.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server.ts';

const BIN = path.resolve('bin/midad.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-outbox-cli-'));
let smtp: TestSmtpServer;
let midad: MidadProcess | null = null;
before(async () => {
  smtp = await startSmtpServer();
});
after(async () => {
  await midad?.kill();
  await smtp.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('midad serve and the outbox', () => {
  it('sends a queued mail through the SMTP server of MIDAD_SMTP_URL', async () => {
    const dataDir = path.join(dir, 'data');
    midad = await startMidad({
      port: await freePort(),
      env: {
        MIDAD_DATA_DIR: dataDir,
        MIDAD_SMTP_URL: smtp.url,
        MIDAD_MAIL_FROM: 'Midad <newsroom@midad.example>',
      },
      startTimeoutMs: 60_000,
    });
    const db = await openDatabase(`sqlite:${path.join(dataDir, 'midad.db')}`);
    try {
      const queued = await createRepositories(db.kysely).outbox.enqueue({
        channel: 'mail',
        dedupKey: 'mail:cli-test',
        summary: 'reader@example.org — Essai',
        payload: {
          to: 'reader@example.org',
          subject: 'Essai',
          text: 'Bonjour.\n',
          html: '<p>Bonjour.</p>',
          lang: 'fr',
        },
      });
      assert.ok(queued);
      // Queued by another process: the server finds it on its next look (every 5 s).
      const [mail] = await smtp.waitFor(1, 20_000);
      assert.deepEqual(mail?.to, ['reader@example.org']);
      assert.equal(mail?.parsed.from?.value[0]?.address, 'newsroom@midad.example');
    } finally {
      await db.close();
    }
    const stopped = await midad.stop(20_000);
    assert.equal(stopped.code, 0, midad.output());
  });

  it('refuses a malformed MIDAD_SMTP_URL at start, in one line', () => {
    const base: Record<string, string | undefined> = { ...process.env };
    for (const name of ['DATABASE_URL', 'MIDAD_DATA_DIR', 'REDIS_URL', 'LOG_LEVEL']) delete base[name];
    const r = spawnSync(process.execPath, [BIN, 'serve', '--port', '0'], {
      cwd: dir,
      env: {
        ...base,
        MIDAD_DATA_DIR: path.join(dir, 'refused'),
        MIDAD_SMTP_URL: 'mail.example.org:25',
        MIDAD_MAIL_FROM: 'news@example.org',
      },
      encoding: 'utf8',
      timeout: 120_000,
    });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /MIDAD_SMTP_URL must look like smtp:\/\/host:587/);
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, r.stderr);
  });
});
