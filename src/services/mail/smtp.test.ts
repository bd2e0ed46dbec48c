// The SMTP sender against real servers on loopback: a server that offers STARTTLS gets the mail
// over TLS; a refused connection is a failure to retry, not a throw.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startSmtpServer } from '../../../test/support/smtp-server.ts';
import { sendSmtp } from './smtp.ts';

const mail = {
  to: 'reader@example.org',
  subject: 'Essai',
  text: 'Bonjour.\n',
  html: '<p>Bonjour.</p>',
  lang: 'fr' as const,
};

describe('sending over SMTP', () => {
  it('upgrades to TLS when the server offers STARTTLS', async () => {
    const server = await startSmtpServer({ starttls: true });
    try {
      // The test server's certificate is self-signed: accepted here through nodemailer's URL options.
      const result = await sendSmtp(
        { smtpUrl: `${server.url}/?tls.rejectUnauthorized=false`, from: 'news@midad.example' },
        mail,
      );
      assert.deepEqual(result, { ok: true, error: '', permanent: false });
      const [received] = await server.waitFor(1);
      assert.equal(received?.secure, true, 'sent inside TLS');
      assert.equal(received?.parsed.headers.get('content-language'), 'fr');
    } finally {
      await server.stop();
    }
  });

  it('refuses an untrusted certificate rather than sending in the clear', async () => {
    const server = await startSmtpServer({ starttls: true });
    try {
      const result = await sendSmtp({ smtpUrl: server.url, from: 'news@midad.example' }, mail);
      assert.equal(result.ok, false);
      assert.equal(result.permanent, false);
      assert.equal(server.mails.length, 0);
    } finally {
      await server.stop();
    }
  });

  it('reports a server that is down as a failure to retry', async () => {
    const server = await startSmtpServer();
    const url = server.url;
    await server.stop();
    const result = await sendSmtp({ smtpUrl: url, from: 'news@midad.example' }, mail);
    assert.equal(result.ok, false);
    assert.equal(result.permanent, false);
    assert.match(result.error, /ECONNREFUSED|ESOCKET|ECONNECTION/);
  });
});
