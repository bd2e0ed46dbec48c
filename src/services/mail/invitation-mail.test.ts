// Invitations by mail through a real SMTP server (smtp-server on loopback): the mail arrives
// multipart, in the newsroom's language with the link; with the server down it waits in the
// outbox and goes once when the server is back; without SMTP nothing is queued.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSmtpServer, type TestSmtpServer } from '../../../test/support/smtp-server.ts';
import { startTestSite, type TestSite } from '../../../test/support/site.ts';
import type { Actor } from '../actor.ts';
import { sendDueOutbox } from '../outbox/dispatcher.ts';
import { invitePerson, reinvitePerson } from '../people/invite.ts';

let smtp: TestSmtpServer;
let site: TestSite;
let admin: Actor;
before(async () => {
  smtp = await startSmtpServer();
  site = await startTestSite({
    config: { mail: { smtpUrl: smtp.url, from: 'Midad Newsroom <newsroom@midad.example>' } },
  });
  const person = await site.services.repos.people.byEmail(site.admin.email);
  assert.ok(person);
  admin = { person, ipHash: 'test' };
});
after(async () => {
  await site.close();
  await smtp.stop();
});

describe('invitation mail', () => {
  it('reaches the SMTP server as text and RTL HTML in the newsroom language, with the link', async () => {
    const before = smtp.mails.length;
    const { token, mailed } = await invitePerson(site.services, admin, {
      email: 'Salma@Example.org',
      name: 'سلمى',
      role: 'author',
    });
    assert.equal(mailed, true);
    const attempts = await sendDueOutbox(site.services);
    assert.deepEqual(
      attempts.map((a) => a.status),
      ['sent'],
    );
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    assert.ok(mail);
    assert.deepEqual(mail.to, ['salma@example.org']);
    assert.match(mail.raw, /Content-Type: multipart\/alternative/i);
    const link = `${site.services.config.publicUrl}/newsroom/invite/${token}`;
    assert.ok(mail.parsed.text?.includes(link), 'the text part carries the link');
    assert.ok(typeof mail.parsed.html === 'string' && mail.parsed.html.includes(`href="${link}"`));
    assert.match(mail.parsed.html as string, /<html lang="ar" dir="rtl">/);
    assert.match(mail.parsed.subject ?? '', /دعوة/);
    assert.equal(mail.parsed.from?.value[0]?.address, 'newsroom@midad.example');
    assert.deepEqual(await sendDueOutbox(site.services), [], 'sent once');
    const [stored] = await site.services.repos.outbox.list({ status: 'sent', limit: 1 });
    assert.ok(stored && !JSON.stringify(stored).includes(token), 'a sent mail keeps no copy of the link');
  });

  it('waits while the SMTP server is down and goes once when it is back', async () => {
    const person = await site.services.repos.people.byEmail('salma@example.org');
    assert.ok(person);
    await site.services.repos.people.update(person.id, { locale: 'fr' });
    const before = smtp.mails.length;
    await smtp.stop();
    const { token } = await reinvitePerson(site.services, admin, { personId: person.id });
    const t0 = Date.now();
    const [down] = await sendDueOutbox(site.services, { random: () => 0.5 });
    assert.equal(down?.status, 'queued');
    const waiting = await site.services.repos.outbox.byId(down!.id);
    assert.equal(waiting?.attempts, 1);
    assert.notEqual(waiting?.lastError, '');
    assert.ok(new Date(waiting!.nextAttemptAt!).getTime() >= t0 + 60_000, 'it waits its back-off');

    await smtp.start();
    const later = () => new Date(Date.now() + 61_000);
    const [up] = await sendDueOutbox(site.services, { now: later });
    assert.equal(up?.status, 'sent');
    const [mail] = (await smtp.waitFor(before + 1)).slice(before);
    assert.ok(mail?.parsed.text?.includes(`/newsroom/invite/${token}`));
    assert.match(mail?.parsed.html as string, /<html lang="fr" dir="ltr">/, "in the person's language");
    assert.deepEqual(await sendDueOutbox(site.services, { now: later }), []);
    assert.equal(smtp.mails.length, before + 1, 'delivered once');
  });
});

describe('without SMTP', () => {
  it('queues no mail: the admin passes the link on', async () => {
    const plain = await startTestSite();
    try {
      const person = (await plain.services.repos.people.byEmail(plain.admin.email))!;
      const result = await invitePerson(
        plain.services,
        { person, ipHash: 'test' },
        {
          email: 'moussa@example.org',
          name: 'Moussa',
          role: 'author',
        },
      );
      assert.equal(result.mailed, false);
      assert.ok(result.token.length > 20);
      assert.deepEqual(await plain.services.repos.outbox.list({ limit: 10 }), []);
    } finally {
      await plain.close();
    }
  });
});
