// The first run on a phone, in Chromium: the operator opens the setup link the server printed,
// gets a mistyped password back with their name and e-mail kept, makes the first admin, and lands
// signed in in the newsroom; the same link opened again shows the dead-link page, and nobody
// else is made. The page is right to left, fits 390 px, and has no serious axe-core violation.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { AxeResults } from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { setupMessages } from '../../src/web/newsroom/setup/messages.ts';
import {
  horizontalOverflow,
  launchBrowser,
  overflowingElements,
  PHONE,
  saveScreenshot,
  watchPageProblems,
} from '../support/browser.ts';
import { startTestSiteWithoutAdmin } from '../support/site.ts';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');
const t = setupMessages('ar');
const ADMIN = {
  name: 'خديجة ميغا',
  email: 'khadija@midad.example',
  password: 'the ferry leaves mopti at dawn',
};

let site: Awaited<ReturnType<typeof startTestSiteWithoutAdmin>>;
let browser: Browser;
let context: BrowserContext;
const problems: string[] = [];

before(async () => {
  site = await startTestSiteWithoutAdmin({ listen: true });
  browser = await launchBrowser();
  context = await browser.newContext(PHONE);
  watchPageProblems(context, problems);
});
after(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
});

async function assertFitsThePhone(page: Page, what: string): Promise<void> {
  const overflow = await horizontalOverflow(page);
  assert.equal(overflow, 0, `${what} scrolls sideways: ${(await overflowingElements(page)).join(', ')}`);
}

/** Serious or critical axe-core violations of the page as it is (axe added in its own context). */
async function graveViolations(url: string): Promise<string[]> {
  const axeContext = await browser.newContext({ ...PHONE, bypassCSP: true });
  try {
    const page = await axeContext.newPage();
    await page.goto(url);
    await page.addScriptTag({ content: axeSource });
    const results = await page.evaluate(() =>
      (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResults> } }).axe.run(
        document,
        { resultTypes: ['violations'] },
      ),
    );
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  } finally {
    await axeContext.close();
  }
}

describe('the first run on a phone', () => {
  it('opens the printed link, makes the admin, lands signed in; the link is then dead', async () => {
    const people = await site.services.repos.people.count();
    const page = await context.newPage();
    const opened = await page.goto(site.setupLink.url);
    assert.equal(opened?.status(), 200);
    assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
    assert.equal(await page.locator('h1').textContent(), t.title);
    assert.deepEqual(await graveViolations(site.setupLink.url), [], 'no serious accessibility problem');
    await assertFitsThePhone(page, 'the setup page');
    await saveScreenshot(page, 'first-run-setup-phone');

    // A mistyped confirmation: the form comes back with the name and e-mail kept.
    await page.locator('#setup-name').fill(ADMIN.name);
    await page.locator('#setup-email').fill(ADMIN.email);
    await page.locator('#setup-password').fill(ADMIN.password);
    await page.locator('#setup-confirm').fill(`${ADMIN.password}!`);
    await Promise.all([page.waitForNavigation(), page.locator('form button[type="submit"]').click()]);
    assert.equal(await page.locator('#setup-confirm-error').textContent(), t.errConfirm);
    assert.equal(await page.locator('#setup-name').inputValue(), ADMIN.name);
    assert.equal(await page.locator('#setup-email').inputValue(), ADMIN.email);
    assert.equal(await site.services.repos.people.count(), people, 'nobody was made');
    await assertFitsThePhone(page, 'the setup page with an error');

    await page.locator('#setup-password').fill(ADMIN.password);
    await page.locator('#setup-confirm').fill(ADMIN.password);
    await Promise.all([
      page.waitForURL(`${site.baseUrl}/newsroom`),
      page.locator('form button[type="submit"]').click(),
    ]);
    assert.ok(
      (await page.locator('h1').textContent())?.includes(ADMIN.name),
      'the dashboard greets the admin',
    );
    assert.equal(await page.locator('form[action="/newsroom/sign-out"]').count(), 1, 'signed in');
    await assertFitsThePhone(page, 'the newsroom home');
    const admin = await site.services.repos.people.byEmail(ADMIN.email);
    assert.equal(admin?.role, 'admin');

    // The same link again, even signed in: the dead-link page, no form.
    const again = await page.goto(site.setupLink.url);
    assert.equal(again?.status(), 404);
    assert.equal(await page.locator('.nr-notice').first().textContent(), t.dead);
    assert.equal(await page.locator('#setup-password').count(), 0);
    await assertFitsThePhone(page, 'the dead-link page');
    await saveScreenshot(page, 'first-run-setup-dead-link-phone');
    assert.equal(await site.services.repos.people.count(), people + 1, 'one admin, once');
    assert.deepEqual(problems, [], 'no script errors or CSP refusals');
  });
});
