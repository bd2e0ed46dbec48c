// Copy protection in Chromium with JavaScript on: copied article text carries an attribution line
// with the canonical URL and a polite notice appears, while selection and keyboard navigation keep
// working. Off (the default), the script is not even loaded. Also the "copy link" share item.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { messages } from '../../src/core/i18n.ts';
import { updateSiteSettings } from '../../src/services/settings.ts';
import { articlePath } from '../../src/web/reader/urls.ts';
import { DESKTOP, launchBrowser, saveScreenshot } from '../support/browser.ts';
import { startTestSite, type TestSite } from '../support/site.ts';

const t = messages('ar');

let site: TestSite;
let browser: Browser;
let url: string;

before(async () => {
  site = await startTestSite({ listen: true });
  browser = await launchBrowser();
  url = site.baseUrl + articlePath(site.mainArticle);
});
after(async () => {
  await browser?.close();
  await site?.close();
});

async function clipboardContext(): Promise<BrowserContext> {
  const context = await browser.newContext(DESKTOP);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.baseUrl });
  return context;
}

function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

/** Selects the whole of the n-th paragraph of the article body and returns the selected text. */
function selectParagraph(page: Page, n: number): Promise<string> {
  return page.evaluate((index) => {
    const p = document.querySelectorAll('.article-body > p')[index];
    if (!p) throw new Error(`no paragraph ${index} in the article body`);
    p.scrollIntoView({ block: 'center', behavior: 'instant' });
    const range = document.createRange();
    range.selectNodeContents(p);
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    return selection.toString();
  }, n);
}

/** The elements focused by pressing Tab `times` times from the top of the page. */
async function tabStops(page: Page, times: number): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < times; i++) {
    await page.keyboard.press('Tab');
    stops.push(
      await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return 'body';
        return `${el.tagName.toLowerCase()} ${el.getAttribute('href') ?? el.id}`;
      }),
    );
  }
  return stops;
}

/** As the settings page does: store the setting, then announce it (cached pages follow). */
async function setCopyProtection(on: boolean): Promise<void> {
  await updateSiteSettings(site.services.repos, { copyProtection: on });
  await site.services.events.emit({ type: 'settings', keys: ['copyProtection.enabled'] });
}

describe('copy protection', () => {
  it('adds the source to copied text, says so politely, and blocks nothing', async () => {
    await setCopyProtection(true);
    const context = await clipboardContext();
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(err.message));
      assert.equal((await page.goto(url))?.status(), 200);
      assert.equal(await page.locator('script[src*="copy-protect"]').count(), 1, 'the script is loaded');
      const canonical = (await page.getAttribute('link[rel="canonical"]', 'href')) ?? '';
      assert.equal(canonical, url);

      const selected = await selectParagraph(page, 1);
      assert.ok(selected.trim().length > 50, 'a paragraph is selected');
      await page.keyboard.press('Control+C');
      const copied = await readClipboard(page);
      assert.ok(
        copied.includes(selected.trim()),
        `the clipboard holds the selected text: ${copied.slice(0, 80)}…`,
      );
      assert.ok(
        copied.includes(canonical),
        `the clipboard carries the canonical URL: …${copied.slice(-120)}`,
      );
      assert.ok(copied.includes(t.copySource), 'the attribution line is labelled');

      const notice = page.locator('[role="status"]', { hasText: t.copyNotice });
      await notice.waitFor({ state: 'visible' });
      assert.equal(await notice.getAttribute('aria-live'), 'polite');
      await saveScreenshot(page, 'copy-protection-notice-desktop', 'viewport');

      // Nothing is taken away from the reader: the selection stays, text stays selectable,
      // and the usual events are not cancelled.
      assert.equal(await page.evaluate(() => window.getSelection()?.toString()), selected);
      const blocked = await page.evaluate(() => {
        const p = document.querySelector('.article-body > p')!;
        const out: string[] = [];
        if (getComputedStyle(p).userSelect === 'none') out.push('user-select: none');
        for (const type of ['selectstart', 'contextmenu', 'mousedown', 'keydown', 'dragstart']) {
          const event = new Event(type, { bubbles: true, cancelable: true });
          if (!p.dispatchEvent(event)) out.push(`${type} cancelled`);
        }
        return out;
      });
      assert.deepEqual(blocked, [], 'selection, context menu and keys are not blocked');

      await page.evaluate(() => {
        window.getSelection()?.removeAllRanges();
        window.scrollTo(0, 0);
        (document.activeElement as HTMLElement | null)?.blur();
      });
      const stops = await tabStops(page, 6);
      assert.ok(new Set(stops).size >= 5, `Tab moves focus from element to element: ${stops.join(' → ')}`);
      assert.ok(
        stops.filter((s) => s.startsWith('a ')).length >= 3,
        `Tab reaches links: ${stops.join(' → ')}`,
      );
      assert.deepEqual(errors, [], 'no script errors');
    } finally {
      await context.close();
      await setCopyProtection(false);
    }
  });

  it('when switched off, neither loads the script nor changes what is copied', async () => {
    await setCopyProtection(false);
    const context = await clipboardContext();
    try {
      const page = await context.newPage();
      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      await page.goto(url);
      assert.equal(
        await page.locator('script[src*="copy-protect"]').count(),
        0,
        'no copy-protect script tag',
      );
      assert.equal(await page.locator('[data-copy-protect]').count(), 0);
      assert.deepEqual(
        requested.filter((u) => u.includes('copy-protect')),
        [],
        'the script is never fetched',
      );
      const selected = await selectParagraph(page, 1);
      await page.keyboard.press('Control+C');
      assert.equal((await readClipboard(page)).trim(), selected.trim(), 'plain copy, no attribution');
    } finally {
      await context.close();
    }
  });

  it('the "copy link" share item copies the article URL', async () => {
    const context = await clipboardContext();
    try {
      const page = await context.newPage();
      await page.goto(url);
      await page.evaluate(() => navigator.clipboard.writeText(''));
      // A mark on this very document: it survives only if the click does not navigate.
      await page.evaluate(() => document.documentElement.setAttribute('data-still-here', ''));
      await page.locator('a[data-copy]').click();
      const notice = page.locator('[role="status"]', { hasText: t.linkCopied });
      await notice.waitFor({ state: 'visible' });
      assert.equal(await readClipboard(page), url);
      assert.equal(await page.locator('html[data-still-here]').count(), 1, 'the page did not navigate');
    } finally {
      await context.close();
    }
  });
});
