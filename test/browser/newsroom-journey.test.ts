// A reporter's whole morning on a phone, in Chromium: sign in, turn on two-step verification
// with a code computed from the secret the page shows, write an Arabic article with a French
// paragraph, a heading, a numbered list, a link and a photo uploaded from inside the editor,
// schedule it for the next minute, sign out and back in with a fresh code while it waits, and
// watch it appear on the reader site on time, with the photo as a responsive image and each
// paragraph running the right way. The server's own scheduler publishes it: nobody touches the
// article meanwhile.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateSync } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { utcToZonedInput } from '../../src/core/dates.ts';
import { photoWithGps } from '../../src/media/test-images.ts';
import { type Scheduler, startScheduler } from '../../src/services/articles/scheduler.ts';
import { loadSiteSettings } from '../../src/services/settings.ts';
import { addStaff } from '../../src/services/staff.ts';
import { editorChromeMessages } from '../../src/web/newsroom/articles/editor-messages.ts';
import { articleMessages } from '../../src/web/newsroom/articles/messages.ts';
import { articlePath } from '../../src/web/reader/urls.ts';
import {
  PHONE,
  horizontalOverflow,
  launchBrowser,
  openEditorSettings,
  overflowingElements,
  saveScreenshot,
  watchPageProblems,
} from '../support/browser.ts';
import { startTestSite, type TestSite } from '../support/site.ts';

const t = articleMessages('ar');
const c = editorChromeMessages('ar');
const REPORTER = {
  email: 'fatouma.reporter@example.org',
  password: 'Gao market at sunrise 2026',
  name: 'فاطمة',
};
const TITLE = 'مهرجان الموسيقى يعود إلى ضفاف النيجر في سيغو';
const ARABIC = 'افتتح المهرجان مساء الجمعة بحضور آلاف الزوار القادمين من مدن مالي والدول المجاورة.';
const FRENCH = 'Le festival a ouvert vendredi soir devant des milliers de visiteurs venus de tout le Mali.';
const HEADING = 'برنامج الأيام الثلاثة';
const LINK = 'https://example.org/segou/programme';
const ALT = 'فرقة موسيقية على منصة عائمة فوق النهر';

let site: TestSite;
let browser: Browser;
let context: BrowserContext;
let scheduler: Scheduler;
const problems: string[] = [];

before(async () => {
  site = await startTestSite({ listen: true });
  await addStaff(site.services, { ...REPORTER, role: 'author' });
  // The scheduler the server runs, on a short tick so the test waits seconds, not minutes.
  scheduler = startScheduler(site.services, { intervalMs: 1000 });
  browser = await launchBrowser();
  context = await browser.newContext(PHONE);
  watchPageProblems(context, problems);
});
after(async () => {
  scheduler?.stop();
  await context?.close();
  await browser?.close();
  await site?.close();
});

async function submitAndWait(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.locator(button).click()]);
}

async function assertFitsThePhone(page: Page, what: string): Promise<void> {
  const overflow = await horizontalOverflow(page);
  assert.equal(overflow, 0, `${what} scrolls sideways: ${(await overflowingElements(page)).join(', ')}`);
}

/** A TOTP code from a time step later than `afterStep`: a code is accepted once only. */
async function freshCode(secret: string, afterStep: number): Promise<{ code: string; step: number }> {
  for (;;) {
    const step = Math.floor(Date.now() / 30_000);
    if (step > afterStep) return { code: generateSync({ secret }), step };
    await new Promise((r) => setTimeout(r, 30_000 - (Date.now() % 30_000) + 50));
  }
}

describe('a reporter on a phone', () => {
  it('signs in, enrols two-step verification, schedules an illustrated article, signs in with a code, and sees the article go live on time', async () => {
    const page = await context.newPage();

    // Sign in with the password.
    await page.goto(`${site.baseUrl}/newsroom/sign-in`);
    await page.locator('#email').fill(REPORTER.email);
    await page.locator('#password').fill(REPORTER.password);
    await submitAndWait(page, 'form button[type="submit"]');
    assert.equal(new URL(page.url()).pathname, '/newsroom');
    await assertFitsThePhone(page, 'the newsroom home');

    // Enrol: the page shows a QR code and the secret as text; the code comes from that secret.
    await page.goto(`${site.baseUrl}/newsroom/account`);
    await submitAndWait(page, 'form[action="/newsroom/account/2fa/start"] button');
    assert.equal(await page.locator('.nr-qr svg').count(), 1, 'the QR code is an inline SVG');
    const secret = (await page.locator('.nr-secret').getAttribute('data-secret')) ?? '';
    assert.match(secret, /^[A-Z2-7]{16,}$/);
    assert.equal((await page.locator('.nr-secret').textContent())?.replace(/\s/g, ''), secret);
    await saveScreenshot(page, 'journey-enrol-phone');
    const first = await freshCode(secret, 0);
    await page.locator('input[name="code"]').fill(first.code);
    await submitAndWait(page, 'form[action="/newsroom/account/2fa/confirm"] button');
    assert.equal(await page.locator('.nr-codes li').count(), 10, 'ten recovery codes are shown once');
    await assertFitsThePhone(page, 'the recovery codes');
    await saveScreenshot(page, 'journey-recovery-codes-phone');

    // A new draft: Arabic and French paragraphs, a heading, a numbered list and a link.
    await page.goto(`${site.baseUrl}/newsroom/articles`);
    await Promise.all([
      page.waitForURL(/\/newsroom\/articles\/\d+$/),
      page.locator('form[action="/newsroom/articles/new"] button').click(),
    ]);
    const id = Number(/articles\/(\d+)/.exec(page.url())?.[1]);
    await page.locator('#title').fill(TITLE);
    const tool = (label: string) => page.locator(`.nr-rte-toolbar button[aria-label="${label}"]`);
    await page.locator('.nr-rte-content').click();
    await page.keyboard.type(ARABIC);
    await page.keyboard.press('Enter');
    await page.keyboard.type(FRENCH);
    await page.keyboard.press('Enter');
    await tool(t.editor_h2).click();
    await page.keyboard.type(HEADING);
    await page.keyboard.press('Enter');
    await tool(t.editor_orderedList).click();
    await page.keyboard.type('حفلات الافتتاح على الضفة');
    await page.keyboard.press('Enter');
    await page.keyboard.type('ورشات الآلات التقليدية');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('البرنامج الكامل: ');
    await tool(t.editor_link).click();
    const linkDialog = page.locator('dialog.nr-link-dialog');
    await linkDialog.getByLabel(c.editor_linkUrl).fill(LINK);
    await linkDialog.getByRole('button', { name: c.editor_linkApply }).click();
    await linkDialog.waitFor({ state: 'detached' });
    await page.keyboard.press('Enter');

    // A photo from the phone, uploaded from inside the editor's image dialog.
    await tool(t.editor_image).click();
    const dialog = page.locator('dialog.nr-picker');
    await dialog.waitFor();
    await dialog.locator('summary', { hasText: t.editor_mediaUpload }).click();
    await dialog.locator('#nr-picker-file').setInputFiles({
      name: 'segou-festival.jpg',
      mimeType: 'image/jpeg',
      buffer: await photoWithGps(1600, 1000),
    });
    await dialog.locator('#nr-picker-alt').fill(ALT);
    await dialog.locator('#nr-picker-caption').fill('المنصة العائمة في ليلة الافتتاح');
    await assertFitsThePhone(page, 'the image dialog');
    await saveScreenshot(page, 'journey-upload-dialog-phone', 'viewport');
    await dialog.locator('button', { hasText: t.editor_mediaUploadSend }).click();
    await dialog.waitFor({ state: 'detached', timeout: 30_000 });
    const figure = page.locator('.nr-rte-content figure');
    await figure.waitFor();
    assert.equal(await figure.locator('img').getAttribute('alt'), ALT);
    assert.match((await figure.locator('img').getAttribute('srcset')) ?? '', /\d+w/);
    const uploaded = (await site.services.repos.media.list({ q: 'منصة عائمة', limit: 5, offset: 0 })).items;
    assert.equal(uploaded.length, 1, 'the photo is in the media library');

    // Schedule for the next minute, in the site's time zone.
    const { timezone } = await loadSiteSettings(site.services.repos);
    const due = new Date(Math.floor((Date.now() + 60_000) / 60_000) * 60_000);
    await openEditorSettings(page);
    await page.locator('#publish_at').fill(utcToZonedInput(due.toISOString(), timezone));
    await assertFitsThePhone(page, 'the editor');
    await saveScreenshot(page, 'journey-editor-phone');
    await submitAndWait(page, 'button[name="intent"][value="schedule"]');
    const scheduled = await site.services.repos.articles.byId(id);
    assert.equal(
      scheduled?.status,
      'scheduled',
      await page.locator('.nr-notice, .nr-error').allTextContents().then(String),
    );
    assert.equal(scheduled?.publishedAt, due.toISOString());
    const readerUrl = site.baseUrl + articlePath(scheduled!);
    if (due.getTime() - Date.now() > 3000) {
      const early = await page.goto(readerUrl);
      assert.equal(early?.status(), 404, 'not on the reader site before its time');
    }

    // Nobody touches the article: the server's scheduler publishes it when the minute comes.
    // That is watched from now on, while the reporter signs out and in again: a fresh code needs
    // the next 30-second step, so both waits run at once instead of one after the other.
    const publication = (async () => {
      await new Promise((r) => setTimeout(r, Math.max(0, due.getTime() - Date.now())));
      const deadline = Date.now() + 15_000;
      while ((await site.services.repos.articles.byId(id))?.status !== 'published') {
        if (Date.now() >= deadline) return false;
        await new Promise((r) => setTimeout(r, 250));
      }
      return true;
    })();

    // Sign out, then in again: the password alone is no longer enough.
    await page.goto(`${site.baseUrl}/newsroom`);
    await submitAndWait(page, 'form[action="/newsroom/sign-out"] button');
    assert.equal(new URL(page.url()).pathname, '/newsroom/sign-in');
    await page.locator('#email').fill(REPORTER.email);
    await page.locator('#password').fill(REPORTER.password);
    await submitAndWait(page, 'form button[type="submit"]');
    assert.equal(new URL(page.url()).pathname, '/newsroom/sign-in/code');
    const second = await freshCode(secret, first.step);
    await page.locator('#code').fill(second.code);
    await submitAndWait(page, 'form button[type="submit"]');
    assert.equal(new URL(page.url()).pathname, '/newsroom');

    assert.ok(await publication, 'published within seconds of its time');
    const home = await page.goto(`${site.baseUrl}/`);
    assert.equal(home?.status(), 200);
    assert.equal(
      await page
        .locator(`a[href="${articlePath(scheduled!)}"]`)
        .first()
        .count(),
      1,
      'on the home page',
    );

    const res = await page.goto(readerUrl);
    assert.equal(res?.status(), 200);
    assert.equal(await page.locator('h1').first().textContent(), TITLE);
    const arabic = page.locator('p', { hasText: ARABIC });
    const french = page.locator('p', { hasText: FRENCH });
    assert.equal(await arabic.evaluate((p) => getComputedStyle(p).direction), 'rtl');
    assert.equal(await french.evaluate((p) => getComputedStyle(p).direction), 'ltr');
    assert.equal(await page.locator('h2', { hasText: HEADING }).count(), 1);
    assert.equal(await page.locator('ol > li').filter({ hasText: 'الآلات التقليدية' }).count(), 1);
    assert.equal(await page.locator(`a[href="${LINK}"]`).count(), 1);
    const photo = page.locator(`img[alt="${ALT}"]`);
    assert.equal(await photo.count(), 1);
    assert.match(
      (await photo.getAttribute('srcset')) ?? '',
      /\.jpe?g \d+w,/,
      'the photo has a srcset of widths',
    );
    assert.ok(
      Number(await photo.getAttribute('width')) > 0 && Number(await photo.getAttribute('height')) > 0,
    );
    assert.ok(
      await photo.evaluate(
        (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
      ),
    );
    await assertFitsThePhone(page, 'the published article');
    await saveScreenshot(page, 'journey-published-phone');
    await page.close();
    assert.deepEqual(problems, [], 'no CSP refusals or script errors');
  });
});
