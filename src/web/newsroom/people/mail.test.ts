// Inviting from the team page on a site with SMTP (a real smtp-server on loopback): the admin
// is told the link was mailed and still sees it, and the mail carrying it arrives.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { staffClient } from '../../../../test/support/newsroom-client.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../../test/support/smtp-server.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';
import { sendDueOutbox } from '../../../services/outbox/dispatcher.ts';
import { peopleMessages } from './messages.ts';

let smtp: TestSmtpServer;
let site: TestSite;
before(async () => {
  smtp = await startSmtpServer();
  site = await startTestSite({ config: { mail: { smtpUrl: smtp.url, from: 'newsroom@midad.example' } } });
});
after(async () => {
  await site.close();
  await smtp.stop();
});

describe('inviting from the newsroom with SMTP', () => {
  it('says the link was mailed, still shows it, and the mail arrives', async () => {
    const client = await staffClient(site, 'admin', '203.0.113.81');
    const res = await client.submit('/newsroom/people', '/newsroom/people', {
      email: 'awa@example.org',
      name: 'Awa Traoré',
      role: 'editor',
    });
    assert.equal(res.status, 201, res.body.slice(0, 300));
    const notice = peopleMessages('ar').invitationMailed.replace('{email}', 'awa@example.org');
    assert.ok(res.body.includes(notice), 'the admin is told it was mailed');
    const link = /value="(http[^"]+\/newsroom\/invite\/[^"]+)"/.exec(res.body)?.[1];
    assert.ok(link, 'the link is still shown');
    await sendDueOutbox(site.services);
    const [mail] = await smtp.waitFor(1);
    assert.deepEqual(mail?.to, ['awa@example.org']);
    assert.ok(mail?.parsed.text?.includes(link));
    const outbox = await client.get('/newsroom/outbox?status=sent');
    assert.ok(outbox.body.includes('awa@example.org'), 'the outbox page lists it');
  });
});
