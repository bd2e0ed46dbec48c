// The outbox's settings: SMTP and the sender are optional together, refused with a one-line
// reason when malformed (a password never repeated), and the Telegram API origin.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from './config.ts';
import { SetupError } from './core/errors.ts';

const from = 'Newsroom <news@example.org>';

describe('mail and Telegram configuration', () => {
  it('has no mail without MIDAD_SMTP_URL, and Telegram at its public origin', () => {
    const config = loadConfig({});
    assert.equal(config.mail, null);
    assert.equal(config.telegramApiUrl, 'https://api.telegram.org');
  });

  it('reads smtp:// and smtps:// addresses with a sender', () => {
    for (const smtpUrl of [
      'smtp://127.0.0.1:2525',
      'smtps://user:p%40ss@mail.example.org:465',
      'smtp://mail.example.org',
    ]) {
      assert.deepEqual(loadConfig({ MIDAD_SMTP_URL: smtpUrl, MIDAD_MAIL_FROM: from }).mail, {
        smtpUrl,
        from,
      });
    }
    assert.equal(
      loadConfig({ MIDAD_SMTP_URL: 'smtp://h:25', MIDAD_MAIL_FROM: 'news@example.org' }).mail?.from,
      'news@example.org',
    );
    assert.equal(
      loadConfig({ MIDAD_TELEGRAM_API_URL: 'http://127.0.0.1:9/' }).telegramApiUrl,
      'http://127.0.0.1:9',
    );
  });

  it('refuses a malformed address, sender or origin in one line, without the password', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ MIDAD_SMTP_URL: 'http://mail.example.org', MIDAD_MAIL_FROM: from }, /MIDAD_SMTP_URL/],
      [{ MIDAD_SMTP_URL: 'mail.example.org:25', MIDAD_MAIL_FROM: from }, /MIDAD_SMTP_URL/],
      [{ MIDAD_SMTP_URL: 'smtps://u:secret@/x', MIDAD_MAIL_FROM: from }, /MIDAD_SMTP_URL/],
      [{ MIDAD_SMTP_URL: 'smtp://mail.example.org:25' }, /MIDAD_MAIL_FROM must be set/],
      [
        { MIDAD_SMTP_URL: 'smtp://mail.example.org:25', MIDAD_MAIL_FROM: 'not an address' },
        /MIDAD_MAIL_FROM/,
      ],
      [{ MIDAD_MAIL_FROM: 'News <news@example.org' }, /MIDAD_MAIL_FROM/],
      [{ MIDAD_TELEGRAM_API_URL: 'ftp://example.org' }, /MIDAD_TELEGRAM_API_URL/],
    ];
    for (const [env, pattern] of cases) {
      assert.throws(
        () => loadConfig(env),
        (err: unknown) =>
          err instanceof SetupError &&
          pattern.test(err.message) &&
          !err.message.includes('\n') &&
          !err.message.includes('secret'),
        JSON.stringify(env),
      );
    }
  });
});
