// Readership in Chromium, as readers would have it: fresh browser profiles read one article six
// times and two others once each, pages mostly answered from the page cache. None of them gets
// a cookie or anything in storage, no request leaves the site, reloads within the window count
// once, a bot counts for nothing, and once the counts are written the cached home page's
// "الأكثر قراءة" list leads with the article read most. With counting off, pages carry no
// beacon script and send nothing. Screenshots at 390 and 1366 px for the eye.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Article } from '../../src/core/types.ts';
import { updateSiteSettings } from '../../src/services/settings.ts';
import { articlePath } from '../../src/web/reader/urls.ts';
import { launchBrowser, PHONE, saveScreenshot } from '../support/browser.ts';
import { startTestSite, type TestSite } from '../support/site.ts';

const WIDE = { viewport: { width: 1366, height: 900 }, reducedMotion: 'reduce' as const };

/** A distinct reader: one browser build among many (readers differ by address and browser). */
const readerAgent = (n: number) =>
  `Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.6478.${n} Mobile Safari/537.36`;
const BOT = 'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)';

let site: TestSite;
let browser: Browser;
let articles: Article[];
const contexts: BrowserContext[] = [];
/** Every request any reader's browser made, for the same-host check. */
const requested: string[] = [];
let readers = 0;

before(async () => {
  site = await startTestSite({ listen: true });
  browser = await launchBrowser();
  const page = await site.services.repos.articles.listPublished({ lang: 'ar', limit: 4 });
  articles = page.items;
  assert.equal(articles.length, 4, 'the demo content has four Arabic articles');
});
after(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await site?.close();
});

async function freshReader(
  userAgent = readerAgent(++readers),
  options: object = PHONE,
): Promise<BrowserContext> {
  const context = await browser.newContext({ ...options, userAgent });
  context.on('request', (r) => requested.push(r.url()));
  contexts.push(context);
  return context;
}

/** Opens a page and waits until its beacon has been answered (or for the page alone without one). */
async function read(page: Page, path: string, beacon = true): Promise<string | undefined> {
  const answered = beacon
    ? page.waitForEvent('requestfinished', { predicate: (r) => new URL(r.url()).pathname === '/hit' })
    : null;
  const res = await page.goto(site.baseUrl + path);
  assert.equal(res?.status(), 200, path);
  if (answered) await answered;
  return res?.headers()['x-cache'];
}

async function viewsOf(id: number): Promise<number> {
  const rows = await site.services.db.kysely
    .selectFrom('readership_hours')
    .select('views')
    .where('article_id', '=', id)
    .execute();
  return rows.reduce((n, r) => n + r.views, 0);
}

describe('readership in the browser', () => {
  it('counts readers (cached pages included) without cookies, storage or other hosts; the home page lists the most read', async () => {
    const [most, second, third, botRead] = articles as [Article, Article, Article, Article];
    // The home page is cached before anyone reads: the list must still come through.
    const early = await (await freshReader()).newPage();
    await read(early, '/');
    assert.equal(await read(early, '/'), 'HIT');

    const caches: (string | undefined)[] = [];
    for (let i = 0; i < 6; i++) {
      const page = await (await freshReader()).newPage();
      caches.push(await read(page, articlePath(most)));
      if (i === 0) {
        // The same reader reloading within the window counts once.
        await page.reload();
        await page.waitForEvent('requestfinished', {
          predicate: (r) => new URL(r.url()).pathname === '/hit',
        });
      }
    }
    // Reads after the first were answered by the page cache (but one, should the counter's own
    // timer have moved the list in between), and every one of them was counted (below).
    const hits = caches.filter((c) => c === 'HIT').length;
    assert.ok(hits >= 3, `only ${hits} of 6 reads came from the page cache: ${caches.join(', ')}`);
    for (const a of [second, third]) await read(await (await freshReader()).newPage(), articlePath(a));
    const bot = await (await freshReader(BOT)).newPage();
    for (let i = 0; i < 3; i++) await read(bot, articlePath(botRead));

    for (const context of contexts) {
      assert.deepEqual(await context.cookies(), [], 'no cookie is set');
      for (const page of context.pages()) {
        assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
      }
    }
    const origin = new URL(site.baseUrl).origin;
    const elsewhere = requested.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:'));
    assert.deepEqual(elsewhere, [], 'no request leaves the site');

    await site.app.readership.flush({ lists: true });
    assert.equal(await viewsOf(most.id), 6);
    assert.equal(await viewsOf(second.id), 1);
    assert.equal(await viewsOf(third.id), 1);
    assert.equal(await viewsOf(botRead.id), 0);

    // The cached home page was dropped by the list's change and shows the new list.
    const home = await (await freshReader()).newPage();
    assert.notEqual(await read(home, '/'), 'HIT');
    const items = home.locator('.most-read li a');
    assert.equal(await home.locator('.most-read h2').textContent(), 'الأكثر قراءة');
    assert.equal(await items.first().getAttribute('href'), articlePath(most));
    assert.equal(await items.count(), 3);
    assert.equal(await home.locator('.most-read').evaluate((el) => getComputedStyle(el).direction), 'rtl');
    await home.locator('.most-read').scrollIntoViewIfNeeded();
    await saveScreenshot(home, 'readership-home-390', 'viewport');

    const wide = await (await freshReader(readerAgent(900), WIDE)).newPage();
    await read(wide, '/');
    await wide.locator('.most-read').scrollIntoViewIfNeeded();
    await saveScreenshot(wide, 'readership-home-1366', 'viewport');
    await read(wide, articlePath(second));
    // Under an article: the list without the article itself, led by the most read.
    assert.equal(await wide.locator('.most-read li a').first().getAttribute('href'), articlePath(most));
    await wide.locator('.most-read').scrollIntoViewIfNeeded();
    await saveScreenshot(wide, 'readership-article-1366', 'viewport');
    const phone = await (await freshReader()).newPage();
    await read(phone, articlePath(second));
    await phone.locator('.most-read').scrollIntoViewIfNeeded();
    await saveScreenshot(phone, 'readership-article-390', 'viewport');
  });

  it('with counting off, pages carry no beacon script and nothing is counted', async () => {
    const [, , , article] = articles as [Article, Article, Article, Article];
    await updateSiteSettings(site.services.repos, { readership: false });
    await site.services.events.emit({ type: 'settings', keys: ['readership'] });
    try {
      const before = await viewsOf(article.id);
      const page = await (await freshReader()).newPage();
      const hits: string[] = [];
      page.on('request', (r) => {
        if (new URL(r.url()).pathname === '/hit') hits.push(r.url());
      });
      await read(page, articlePath(article), false);
      await read(page, '/', false);
      assert.equal(await page.locator('script[src*="/assets/count."]').count(), 0);
      assert.equal(await page.locator('.most-read').count(), 0);
      await site.app.readership.flush({ lists: true });
      assert.deepEqual(hits, []);
      assert.equal(await viewsOf(article.id), before);
    } finally {
      await updateSiteSettings(site.services.repos, { readership: true });
      await site.services.events.emit({ type: 'settings', keys: ['readership'] });
    }
  });
});
