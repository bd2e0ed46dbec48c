// The newsletters' settings: the mail rate and the bounce endpoint's secret.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from './config.ts';
import { SetupError } from './core/errors.ts';

describe('newsletter configuration', () => {
  it('defaults to 10 mails a second and a closed bounce endpoint', () => {
    const config = loadConfig({});
    assert.equal(config.mailRate, 10);
    assert.equal(config.bounceSecret, null);
  });

  it('reads MIDAD_MAIL_RATE and MIDAD_BOUNCE_SECRET', () => {
    const config = loadConfig({ MIDAD_MAIL_RATE: '0', MIDAD_BOUNCE_SECRET: 'a long shared secret' });
    assert.equal(config.mailRate, 0);
    assert.equal(config.bounceSecret, 'a long shared secret');
  });

  it('refuses a mail rate that is not a whole number, naming the variable', () => {
    for (const value of ['fast', '-1', '2.5', '100000'])
      assert.throws(
        () => loadConfig({ MIDAD_MAIL_RATE: value }),
        (err: unknown) => err instanceof SetupError && err.message.includes('MIDAD_MAIL_RATE'),
      );
  });
});
