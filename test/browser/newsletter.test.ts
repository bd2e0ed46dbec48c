// Subscribing from the home page in Chromium, with JavaScript off (the form needs none): the
// confirmation mail reaches a real SMTP server on loopback, and its link confirms.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { sendDueOutbox } from '../../src/services/outbox/dispatcher.ts';
import { NEWSLETTER_TEXT } from '../../src/web/reader/newsletter/text.ts';
import { launchBrowser, PHONE, saveScreenshot } from '../support/browser.ts';
import { startTestSite, type TestSite } from '../support/site.ts';
import { startSmtpServer, type TestSmtpServer } from '../support/smtp-server.ts';

const t = NEWSLETTER_TEXT.ar;
let site: TestSite;
let smtp: TestSmtpServer;
let browser: Browser;

before(async () => {
  smtp = await startSmtpServer();
  site = await startTestSite({
    listen: true,
    config: { mail: { smtpUrl: smtp.url, from: 'news@midad.example' } },
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.close();
  await smtp?.stop();
});

describe('newsletter sign-up in the browser', () => {
  it('subscribes from the home page; the mailed link confirms', async () => {
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.baseUrl}/`);
    const form = page.locator('form[action="/newsletter/subscribe"]');
    await form.getByLabel(t.email).fill('fatouma@example.org');
    await saveScreenshot(page, 'newsletter-form', page.locator('section.newsletter'));
    await form.getByLabel(t.weekly).check();
    await form.getByRole('button', { name: t.submit }).click();
    await page.waitForURL(/\/newsletter\/check-inbox$/);
    assert.equal(await page.locator('h1').textContent(), t.checkMailTitle);

    await sendDueOutbox(site.services);
    const [mail] = await smtp.waitFor(1);
    assert.deepEqual(mail?.to, ['fatouma@example.org']);
    const link = /https?:\/\/\S+\/newsletter\/confirm\/[A-Za-z0-9_-]+/.exec(mail?.parsed.text ?? '')?.[0];
    assert.ok(link, 'the mail carries the confirmation link');
    assert.ok(String(mail?.parsed.html).includes(link), 'in its HTML part too');
    await page.goto(site.baseUrl + new URL(link).pathname);
    assert.equal(await page.locator('h1').textContent(), t.confirmedTitle);
    await saveScreenshot(page, 'newsletter-confirmed');
    const s = await site.services.repos.newsletters.byEmail('fatouma@example.org');
    assert.equal(s?.status, 'confirmed');
    assert.equal(s?.digest, 'weekly');
    await context.close();
  });
});
