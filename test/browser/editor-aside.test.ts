// Editing a published article in Chromium at phone width: autosave keeps the change aside
// (the reader page does not move), the change comes back after a reload with a notice, and
// discarding it returns the published text.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { addStaff } from '../../src/services/staff.ts';
import { editorChromeMessages } from '../../src/web/newsroom/articles/editor-messages.ts';
import { articleMessages } from '../../src/web/newsroom/articles/messages.ts';
import { articlePath } from '../../src/web/reader/urls.ts';
import {
  horizontalOverflow,
  launchBrowser,
  openEditorSettings,
  PHONE,
  saveScreenshot,
  signInNewsroom,
  watchPageProblems,
} from '../support/browser.ts';
import { startTestSite, type TestSite } from '../support/site.ts';

const t = articleMessages('ar');
const c = editorChromeMessages('ar');
const AUTHOR = { email: 'aissata.author@example.org', password: 'Agadez-2026-caravanes', name: 'عيساتا' };
const PUBLISHED = 'بدأ موسم حصاد الدخن في منطقة مرادي مع تحسن الأمطار.';
const TYPED = 'وأفاد مزارعون بأن المحصول أفضل من العام الماضي';

let site: TestSite;
let browser: Browser;
let context: BrowserContext;
const problems: string[] = [];

before(
  async () => {
    site = await startTestSite({ listen: true });
    await addStaff(site.services, { ...AUTHOR, role: 'author' });
    browser = await launchBrowser();
    context = await browser.newContext(PHONE);
    watchPageProblems(context, problems);
    const page = await context.newPage();
    await signInNewsroom(page, site.baseUrl, AUTHOR.email, AUTHOR.password);
    await page.close();
  },
  { timeout: 60_000 },
);
after(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
});

describe('editing a published article', { timeout: 120_000 }, () => {
  it('autosaves aside, restores after a reload, and discards back to the published text', async () => {
    const page = await context.newPage();
    await page.goto(`${site.baseUrl}/newsroom/articles`);
    await Promise.all([
      page.waitForURL(/\/newsroom\/articles\/\d+$/),
      page.locator('form[action="/newsroom/articles/new"] button').click(),
    ]);
    const url = page.url();
    const id = Number(/articles\/(\d+)/.exec(url)?.[1]);
    await page.locator('#title').fill('حصاد الدخن في مرادي');
    await page.locator('.nr-rte-content').click();
    await page.keyboard.type(PUBLISHED);
    await openEditorSettings(page);
    await Promise.all([
      page.waitForURL(/done=publish/),
      page.locator('button[name="intent"][value="publish"]').click(),
    ]);
    const published = (await site.services.repos.articles.byId(id))!;
    assert.equal(published.status, 'published');

    // Typing in the published article: autosave says the change is not on the site yet.
    await page.locator('.nr-rte-content p').last().click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(` ${TYPED}`);
    const status = page.locator('.nr-autosave[data-state="saved"]');
    await status.waitFor({ timeout: 15_000 });
    assert.equal(await status.textContent(), t.autosavedAside);
    const live = (await site.services.repos.articles.byId(id))!;
    assert.equal(live.version, published.version);
    assert.ok(!live.bodyHtml.includes(TYPED), 'the published body is unchanged');
    const reader = await context.request.get(`${site.baseUrl}${articlePath(live)}`);
    assert.ok(!(await reader.text()).includes(TYPED), 'the reader page is unchanged');

    // A lost connection or a closed tab: the change comes back with a notice.
    await page.goto(url);
    const notice = page.locator('.nr-aside');
    await notice.waitFor();
    assert.match((await notice.textContent()) ?? '', /هذه تعديلاتك غير المنشورة/);
    assert.ok(((await page.locator('.nr-rte-content').textContent()) ?? '').includes(TYPED));
    assert.equal(await horizontalOverflow(page), 0, 'the editor with the notice fits the phone');
    await saveScreenshot(page, 'editor-published-autosave-aside-phone');

    // Discarding it: the form shows the published text again.
    // It asks first, in a dialog: the changes kept aside would be lost.
    await notice.locator('button').click();
    const confirm = page.locator('dialog.nr-dialog-confirm');
    assert.equal(await confirm.locator('h2').textContent(), c.editor_confirmDiscard);
    await Promise.all([
      page.waitForURL(/done=discarded/),
      confirm.getByRole('button', { name: c.editor_confirmYes }).click(),
    ]);
    assert.equal(await page.locator('.nr-aside').count(), 0);
    assert.ok(!((await page.locator('.nr-rte-content').textContent()) ?? '').includes(TYPED));
    assert.equal(await site.services.repos.autosaves.find(id, live.authorIds[0]!), null);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
