// Live coverage in Chromium. A reader has a live article open (the site's CSP in force); an
// editor, signed in to the newsroom in another browser context, adds an entry through the live
// coverage form; within 5 s the reader's open page offers "1 new update" without reloading or
// moving, announces it in the polite live region, and pressing the button shows the entry at
// the top of the list with focus on it. Then axe finds nothing serious on the live page at 390
// and 1280 px, with the button showing and after it was pressed, and nothing scrolls sideways.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { AxeResults } from 'axe-core';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { addStaff } from '../../src/services/staff.ts';
import { articlePath } from '../../src/web/reader/urls.ts';
import {
  DESKTOP,
  horizontalOverflow,
  launchBrowser,
  PHONE,
  saveScreenshot,
  signInNewsroom,
  watchPageProblems,
} from '../support/browser.ts';
import { buildArticle } from '../support/factories.ts';
import { startTestSite, type TestSite } from '../support/site.ts';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');
const EDITOR = { email: 'hawa.live@example.org', password: 'Agadez-2026-caravane', name: 'حواء' };
const UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';

let site: TestSite;
let browser: Browser;
let newsroom: BrowserContext;
const problems: string[] = [];

before(
  async () => {
    site = await startTestSite({ listen: true });
    await addStaff(site.services, { ...EDITOR, role: 'editor' });
    browser = await launchBrowser();
    newsroom = await browser.newContext(DESKTOP);
    watchPageProblems(newsroom, problems);
    const page = await newsroom.newPage();
    await signInNewsroom(page, site.baseUrl, EDITOR.email, EDITOR.password);
    await page.close();
  },
  { timeout: 60_000 },
);
after(async () => {
  await newsroom?.close();
  await browser?.close();
  await site?.close();
});

/** Adds an entry the way an editor does: the compact form of the live coverage page. */
async function addEntry(articleId: number, text: string): Promise<void> {
  const page = await newsroom.newPage();
  await page.goto(`${site.baseUrl}/newsroom/articles/${articleId}/live`);
  await page.locator('#live-body').fill(text);
  await Promise.all([
    page.waitForURL(/\/live\?done=added$/),
    page.locator(`form[action="/newsroom/articles/${articleId}/live/entries"] button[type="submit"]`).click(),
  ]);
  await page.close();
}

async function readerContext(options: BrowserContextOptions, axe: boolean): Promise<BrowserContext> {
  // axe is added as a script: only a context that lets it past the CSP may run it.
  const context = await browser.newContext({
    ...options,
    userAgent: UA,
    ...(axe ? { bypassCSP: true } : {}),
  });
  watchPageProblems(context, problems);
  return context;
}

/** Opens the article and waits until its event stream is connected. */
async function openLive(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  const stream = page.waitForResponse(
    (r) => /\/live\/\d+\/stream\?after=\d+$/.test(r.url()) && r.status() === 200,
  );
  await page.goto(site.baseUrl + path);
  await stream;
  return page;
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResults> } }).axe.run(document, {
      resultTypes: ['violations'],
    }),
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('live coverage in a browser', { timeout: 180_000 }, () => {
  it('brings an entry added in the newsroom into an open reader page within 5 s, without reload', async () => {
    const article = await buildArticle(site.services, {
      lang: 'ar',
      title: 'الانتخابات البلدية: تغطية مباشرة',
    });
    const start = await newsroom.newPage();
    await start.goto(`${site.baseUrl}/newsroom/articles/${article.id}`);
    await Promise.all([
      start.waitForURL(/\/live$/),
      start.locator(`a[href="/newsroom/articles/${article.id}/live"]`).first().click(),
    ]);
    await Promise.all([
      start.waitForURL(/done=started$/),
      start.locator('button', { hasText: 'ابدأ التغطية المباشرة' }).click(),
    ]);
    await start.close();
    await addEntry(article.id, 'فُتحت مكاتب الاقتراع في نيامي عند الثامنة.');

    const context = await readerContext(PHONE, false);
    const reader = await openLive(context, articlePath(article));
    assert.equal(await reader.locator('.live-feed .live-entry').count(), 1);
    await reader.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
    });
    const scrollBefore = await reader.evaluate(() => window.scrollY);

    const added = Date.now();
    await addEntry(article.id, 'أُعلنت أولى النتائج في دائرة زيندر.');
    const button = reader.locator('.live-show');
    await button.waitFor({ state: 'visible', timeout: 5000 });
    assert.ok(Date.now() - added < 5000, `shown after ${Date.now() - added} ms`);
    assert.equal(await button.textContent(), 'مستجد جديد واحد');
    await reader.locator('.live-announce', { hasText: 'وصلت مستجدات جديدة: 1' }).waitFor({ timeout: 5000 });
    assert.equal(await reader.locator('.live-announce').getAttribute('aria-live'), 'polite');
    assert.equal(
      await reader.locator('.live-feed .live-entry').count(),
      1,
      'nothing inserted before the reader asks',
    );
    assert.equal(await reader.evaluate(() => window.scrollY), scrollBefore, 'the page did not move');

    await button.click();
    const first = reader.locator('.live-feed .live-entry').first();
    assert.match((await first.textContent()) ?? '', /أولى النتائج في دائرة زيندر/);
    assert.match((await first.locator('time').getAttribute('datetime')) ?? '', /^\d{4}-\d{2}-\d{2}T/);
    assert.equal(await reader.locator('.live-feed .live-entry').count(), 2);
    assert.equal(await reader.evaluate(() => document.activeElement?.classList.contains('live-entry')), true);
    assert.equal(
      await reader.evaluate(() => (window as unknown as { stayed?: boolean }).stayed),
      true,
      'no reload',
    );
    assert.equal(await button.isVisible(), false);
    await saveScreenshot(reader, 'live-article-phone', 'viewport');
    await context.close();
    assert.deepEqual(problems, []);
  });

  it('falls back to polling the cached JSON where the browser has no event streams', async () => {
    const article = await buildArticle(site.services, { lang: 'en', title: 'Flood watch, live' });
    const desk = await newsroom.newPage();
    await desk.goto(`${site.baseUrl}/newsroom/articles/${article.id}/live`);
    await Promise.all([
      desk.waitForURL(/done=started$/),
      desk.locator(`form[action$="/live/start"] button`).click(),
    ]);
    await desk.close();
    const context = await readerContext(DESKTOP, false);
    await context.addInitScript(() => {
      // A browser without EventSource, as some proxies and old engines leave readers.
      delete (window as unknown as { EventSource?: unknown }).EventSource;
    });
    const reader = await context.newPage();
    const polled = reader.waitForResponse((r) => /\/live\/\d+\/updates\.json\?after=\d+$/.test(r.url()), {
      timeout: 20_000,
    });
    await reader.goto(site.baseUrl + articlePath(article));
    await addEntry(article.id, 'The river is rising at the bridge.');
    await polled;
    await reader.locator('.live-show').waitFor({ state: 'visible', timeout: 20_000 });
    assert.equal(await reader.locator('.live-show').textContent(), '1 new update');
    await reader.locator('.live-show').click();
    assert.match(
      (await reader.locator('.live-feed .live-entry').first().textContent()) ?? '',
      /river is rising/,
    );
    await context.close();
    assert.deepEqual(problems, []);
  });

  it('gives the newsroom a live page that fits a phone and that axe finds nothing serious on', async () => {
    const article = await buildArticle(site.services, { lang: 'ar', title: 'حريق في سوق مرادي: مباشر' });
    const context = await browser.newContext({ ...PHONE, bypassCSP: true });
    watchPageProblems(context, problems);
    const page = await context.newPage();
    await signInNewsroom(page, site.baseUrl, EDITOR.email, EDITOR.password);
    await page.goto(`${site.baseUrl}/newsroom/articles/${article.id}/live`);
    await Promise.all([
      page.waitForURL(/done=started$/),
      page.locator(`form[action$="/live/start"] button`).click(),
    ]);
    await page.locator('#live-body').fill('وصلت فرق الإطفاء إلى السوق.');
    await Promise.all([
      page.waitForURL(/done=added$/),
      page.locator(`form[action$="/live/entries"] button[type="submit"]`).click(),
    ]);
    assert.equal(await page.locator('ol.nr-queue > li').count(), 1);
    assert.equal(await horizontalOverflow(page), 0, 'the newsroom page fits 390 px');
    assert.deepEqual(await seriousViolations(page), []);
    await page.locator('a', { hasText: 'احذف' }).click();
    await page.waitForURL(/\/delete$/);
    assert.deepEqual(await seriousViolations(page), [], 'the confirmation page');
    await saveScreenshot(page, 'live-newsroom-delete-phone', 'viewport');
    await context.close();
    assert.deepEqual(problems, []);
  });

  for (const [name, options] of [
    ['390 px', PHONE],
    ['1280 px', DESKTOP],
  ] as const) {
    it(`is accessible at ${name}, with new updates waiting and shown`, async () => {
      const article = await buildArticle(site.services, {
        lang: 'fr',
        title: `Sommet régional en direct (${name})`,
      });
      const start = await newsroom.newPage();
      await start.goto(`${site.baseUrl}/newsroom/articles/${article.id}/live`);
      await Promise.all([
        start.waitForURL(/done=started$/),
        start.locator(`form[action$="/live/start"] button`).click(),
      ]);
      await start.close();
      await addEntry(article.id, 'Les délégations arrivent au palais des congrès.');
      // A key event, pinned from the newsroom: the page shows it above the list.
      const desk = await newsroom.newPage();
      await desk.goto(`${site.baseUrl}/newsroom/articles/${article.id}/live`);
      await Promise.all([
        desk.waitForURL(/done=pinned$/),
        desk.locator(`form[action$="/pin"] button`).first().click(),
      ]);
      await desk.close();

      const context = await readerContext(options, true);
      const reader = await openLive(context, articlePath(article));
      await addEntry(article.id, 'Ouverture officielle : le président de séance prend la parole.');
      await reader.locator('.live-show').waitFor({ state: 'visible', timeout: 5000 });
      assert.deepEqual(await seriousViolations(reader), [], 'button showing');
      assert.equal(await horizontalOverflow(reader), 0);
      await reader.locator('.live-show').click();
      await reader.locator('.live-feed .live-entry').nth(1).waitFor();
      assert.deepEqual(await seriousViolations(reader), [], 'after showing the updates');
      assert.equal(await horizontalOverflow(reader), 0);
      await saveScreenshot(reader, `live-article-${name.replace(' ', '')}`);
      await context.close();
      assert.deepEqual(problems, []);
    });
  }
});
