// The installable, offline-capable reader site in Chromium (issue 17, items 4 and 5): the web
// app manifest and its icons, the service worker, articles read before opening with the browser
// offline, the site's own offline page for the rest, the newsroom and signed-in pages never kept,
// "save for offline", data saver holding images back until tapped, and the page weight figure.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import sharp from 'sharp';
import { messages } from '../../src/core/i18n.ts';
import type { Article } from '../../src/core/types.ts';
import { articlePath } from '../../src/web/reader/urls.ts';
import { launchBrowser, PHONE, readerPages, signInNewsroom, watchPageProblems } from '../support/browser.ts';
import { startTestSite, type TestSite } from '../support/site.ts';

let site: TestSite;
let browser: Browser;
let articles: Article[];

before(async () => {
  site = await startTestSite({ listen: true });
  browser = await launchBrowser();
  const page = await site.services.repos.articles.listPublished({ lang: 'ar', limit: 10, offset: 0 });
  articles = page.items.filter((a) => a.id !== site.mainArticle.id);
  assert.ok(articles.length >= 4, 'the demo site has enough Arabic articles');
});
after(async () => {
  await browser?.close();
  await site?.close();
});

async function withContext<T>(fn: (context: BrowserContext, page: Page) => Promise<T>): Promise<T> {
  const context = await browser.newContext(PHONE);
  const problems: string[] = [];
  watchPageProblems(context, problems);
  try {
    const result = await fn(context, await context.newPage());
    assert.deepEqual(problems, [], 'no script error and no CSP refusal');
    return result;
  } finally {
    await context.close();
  }
}

/** Opens the home page and waits until the site's worker is active and controls the page. */
async function withWorker(page: Page): Promise<void> {
  await page.goto(`${site.baseUrl}/`);
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated');
}

/** The paths the worker keeps as articles. */
function keptArticles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const cache = await caches.open('midad-articles');
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
}

/** Every URL in every cache the worker made. */
function everythingKept(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys())
      for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    return urls;
  });
}

/** Reads an article online and waits until the worker has kept it. */
async function read(page: Page, article: Article): Promise<void> {
  const path = articlePath(article);
  await page.goto(site.baseUrl + path);
  await page.waitForFunction(
    async (p) => (await (await caches.open('midad-articles')).keys()).some((r) => r.url.endsWith(p)),
    path,
  );
}

/**
 * Makes every lazy image eager, as a reader scrolling through the page would, and waits for the
 * requests to settle. An image data saver holds has no address left, so it still loads nothing.
 */
async function loadEveryImage(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const img of Array.from(document.images)) img.loading = 'eager';
  });
  await page.waitForLoadState('networkidle');
  await page.evaluate(() =>
    Promise.all(Array.from(document.images).map((img) => (img.src ? img.decode().catch(() => {}) : null))),
  );
}

describe('the web app manifest', () => {
  it('is linked from every reader page, with name, icons, start_url, display, lang and dir', async () => {
    await withContext(async (_context, page) => {
      for (const { path, lang } of await readerPages(site)) {
        await page.goto(site.baseUrl + path);
        const href = await page.getAttribute('link[rel="manifest"]', 'href');
        assert.equal(href, lang === 'ar' ? '/manifest.webmanifest' : `/${lang}/manifest.webmanifest`, path);
        assert.match(
          (await page.getAttribute('meta[name="theme-color"]', 'content')) ?? '',
          /^#[0-9a-f]{6}$/,
        );
        const response = await page.request.get(site.baseUrl + href);
        assert.equal(response.headers()['content-type'], 'application/manifest+json; charset=utf-8');
        const manifest = (await response.json()) as Record<string, unknown>;
        assert.equal(manifest.name, 'مداد');
        assert.ok(typeof manifest.short_name === 'string' && manifest.short_name.length > 0);
        assert.equal(manifest.start_url, lang === 'ar' ? '/' : `/${lang}/`);
        assert.equal(manifest.display, 'standalone');
        assert.equal(manifest.lang, lang);
        assert.equal(manifest.dir, lang === 'ar' ? 'rtl' : 'ltr');
        const icons = manifest.icons as { src: string; sizes: string; type: string; purpose?: string }[];
        const png = icons.filter((i) => i.type === 'image/png');
        assert.deepEqual(png.map((i) => `${i.sizes} ${i.purpose}`).sort(), [
          '192x192 any',
          '512x512 any',
          '512x512 maskable',
        ]);
        for (const icon of png) {
          const file = await page.request.get(site.baseUrl + icon.src);
          assert.equal(file.status(), 200, icon.src);
          assert.equal(file.headers()['content-type'], 'image/png');
          const meta = await sharp(await file.body()).metadata();
          assert.equal(`${meta.width}x${meta.height}`, icon.sizes, `${icon.src} is ${icon.sizes}`);
          assert.equal(meta.format, 'png');
        }
      }
    });
  });
});

describe('the service worker', () => {
  it('becomes active, and opens an article read before with the browser offline', async () => {
    await withContext(async (context, page) => {
      await withWorker(page);
      const [first, second] = articles as [Article, Article];
      await read(page, first);
      await read(page, second);
      await context.setOffline(true);
      const response = await page.goto(site.baseUrl + articlePath(first));
      assert.ok(response?.fromServiceWorker(), 'answered by the worker');
      assert.equal(response?.status(), 200);
      assert.equal((await page.locator('h1').textContent())?.trim(), first.title);
      assert.ok(await page.locator('link[rel="stylesheet"]').count(), 'the article keeps its stylesheet');
      const styled = await page.evaluate(
        () => getComputedStyle(document.querySelector('.site-footer')!).paddingTop,
      );
      assert.notEqual(styled, '0px', 'the stylesheet came from the worker');
      // A page kept before a deploy names the stylesheet of its day: the current one stands in.
      const older = await page.evaluate(async () => {
        const response = await fetch('/assets/site.0123456789.css');
        return { ok: response.ok, type: response.headers.get('content-type') };
      });
      assert.deepEqual(older, { ok: true, type: 'text/css; charset=utf-8' });
    });
  });

  it('answers the site offline page, listing the saved articles, for a page never opened', async () => {
    await withContext(async (context, page) => {
      await withWorker(page);
      const [first, , third] = articles as [Article, Article, Article];
      await read(page, first);
      await context.setOffline(true);
      const response = await page.goto(site.baseUrl + articlePath(third));
      assert.ok(response?.fromServiceWorker(), 'answered by the worker, not the browser error page');
      const t = messages('ar');
      assert.equal((await page.locator('h1').textContent())?.trim(), t.offlineTitle);
      assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
      assert.equal(await page.getAttribute('html', 'lang'), 'ar');
      const saved = page.locator('.saved-list a');
      assert.equal(await saved.count(), 1);
      assert.equal(await saved.getAttribute('href'), articlePath(first));
      assert.equal((await saved.textContent())?.trim(), first.title);
      assert.ok(await page.locator('.saved-none').isHidden(), 'the "nothing saved" line is hidden');
      assert.equal((await page.locator('.saved-intro').textContent())?.trim(), t.offlineSaved);
      assert.ok(await page.locator('.saved-intro').isVisible());

      // Any other page of the site, in its own language.
      const french = await page.goto(`${site.baseUrl}/fr/`);
      assert.ok(french?.fromServiceWorker());
      assert.equal((await page.locator('h1').textContent())?.trim(), messages('fr').offlineTitle);
      assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
      // A saved article opens from the offline page's link.
      await page.goto(`${site.baseUrl}/offline`);
      await page.locator('.saved-list a').click();
      await page.waitForURL((url) => url.pathname === articlePath(first));
      assert.equal((await page.locator('h1').textContent())?.trim(), first.title);
    });
  });

  it('keeps only the last N articles (the reader-site setting), dropping the oldest', async () => {
    await site.services.repos.settings.setMany({ 'offline.articles': 2 });
    try {
      await withContext(async (_context, page) => {
        await withWorker(page);
        const script = await page.request.get(`${site.baseUrl}/sw.js`);
        assert.match(await script.text(), /"keep":2\b/);
        const [a, b, c] = articles as [Article, Article, Article];
        await read(page, a);
        await read(page, b);
        await read(page, c);
        assert.deepEqual(await keptArticles(page), [articlePath(b), articlePath(c)]);
        // Reading an article again makes it the newest.
        await read(page, b);
        assert.deepEqual(await keptArticles(page), [articlePath(c), articlePath(b)]);
      });
    } finally {
      await site.services.repos.settings.setMany({ 'offline.articles': 30 });
    }
  });

  it('updates itself when what it keeps changes, dropping the old shell and keeping the articles', async () => {
    await withContext(async (_context, page) => {
      await withWorker(page);
      const article = articles[0] as Article;
      await read(page, article);
      const shells = () =>
        page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('midad-shell-')));
      const [before] = await shells();
      await site.services.repos.settings.setMany({ 'offline.articles': 29 });
      try {
        await page.evaluate(async () => {
          const registration = await navigator.serviceWorker.ready;
          await registration.update();
        });
        await page.waitForFunction(async (old) => {
          const names = (await caches.keys()).filter((n) => n.startsWith('midad-shell-'));
          return names.length === 1 && names[0] !== old;
        }, before);
        assert.deepEqual(await keptArticles(page), [articlePath(article)], 'the articles stay');
      } finally {
        await site.services.repos.settings.setMany({ 'offline.articles': 30 });
      }
    });
  });

  it('never keeps the newsroom or a page fetched with a session, and never answers them', async () => {
    await withContext(async (context, page) => {
      await withWorker(page);
      await signInNewsroom(page, site.baseUrl, site.admin.email, site.admin.password);
      await page.goto(`${site.baseUrl}/newsroom/articles`);
      const signedInRead = articles[3] as Article;
      await page.goto(site.baseUrl + articlePath(signedInRead));
      // A moment for a (wrong) write to land: the worker writes before the page's load ends.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
      const kept = await everythingKept(page);
      assert.deepEqual(
        kept.filter((u) => u.startsWith('/newsroom') || u.includes('/article/')),
        [],
        'neither the newsroom nor the signed-in article is kept',
      );
      await context.setOffline(true);
      const article = await page.goto(site.baseUrl + articlePath(signedInRead));
      assert.equal((await page.locator('h1').textContent())?.trim(), messages('ar').offlineTitle);
      assert.equal(article?.status(), 503);
      const newsroom = await page.goto(`${site.baseUrl}/newsroom/articles`).catch(() => null);
      assert.ok(!newsroom?.fromServiceWorker(), 'the newsroom is not answered by the worker');
      assert.ok(!newsroom?.ok(), 'the newsroom does not open offline');
    });
  });

  it('"save for offline" appears with the worker and says when the article is saved', async () => {
    await withContext(async (context, page) => {
      await withWorker(page);
      const article = articles[0] as Article;
      await page.goto(site.baseUrl + articlePath(article));
      const button = page.locator('button.save-offline');
      const t = messages('ar');
      await button.waitFor({ state: 'visible' });
      assert.equal((await button.textContent())?.trim(), t.saveOffline);
      await button.click();
      await page.waitForFunction(
        (text) => document.querySelector('button.save-offline')?.textContent === text,
        t.savedOffline,
      );
      assert.equal(await button.getAttribute('aria-pressed'), 'true');
      assert.equal((await page.locator('#live').textContent())?.trim(), t.savedOffline);
      await page.reload();
      await page.waitForFunction(
        (text) => document.querySelector('button.save-offline')?.textContent === text,
        t.savedOffline,
      );
      await context.setOffline(true);
      await page.goto(site.baseUrl + articlePath(article));
      assert.equal((await page.locator('h1').textContent())?.trim(), article.title);
    });
  });

  it('shows no "save for offline" button without JavaScript', async () => {
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(site.baseUrl + articlePath(site.mainArticle));
      assert.ok(await page.locator('button.save-offline').isHidden());
      assert.ok(await page.locator('button.data-saver').isHidden());
    } finally {
      await context.close();
    }
  });
});

describe('data saver', () => {
  /** The /media/ requests an article page makes, after it settles. */
  async function mediaRequests(page: Page, path: string): Promise<string[]> {
    const seen: string[] = [];
    const listener = (request: { url(): string }) => {
      if (new URL(request.url()).pathname.startsWith('/media/')) seen.push(request.url());
    };
    page.on('request', listener);
    await page.goto(site.baseUrl + path, { waitUntil: 'networkidle' });
    await loadEveryImage(page);
    page.off('request', listener);
    return seen;
  }

  it('holds the article images back until tapped; off, they load', async () => {
    const path = articlePath(site.mainArticle);
    await withContext(async (_context, page) => {
      const loaded = await mediaRequests(page, path);
      assert.ok(loaded.length >= 2, `with data saver off the article loads its images (${loaded.length})`);
    });
    // A new browser profile: images already in its cache would be shown at no cost, and asked for.
    await withContext(async (_context, page) => {
      await page.goto(`${site.baseUrl}/privacy`);
      const toggle = page.locator('button.data-saver');
      await toggle.waitFor({ state: 'visible' });
      assert.equal((await toggle.textContent())?.trim(), messages('ar').dataSaverOff);
      await toggle.click();
      assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
      assert.equal(await page.evaluate(() => localStorage.getItem('midad-data-saver')), '1');
      assert.deepEqual(await page.context().cookies(), [], 'the choice is no cookie');

      const held = await mediaRequests(page, path);
      const inMain = await page.evaluate(() =>
        Array.from(document.querySelectorAll('main img')).map((img) => img.getAttribute('data-src')),
      );
      assert.deepEqual(held, [], 'no image requested with data saver on');
      assert.ok(inMain.length >= 2 && inMain.every((src) => src?.startsWith('/media/')), 'every image held');
      assert.equal(
        (await page.locator('button.data-saver').textContent())?.trim(),
        messages('ar').dataSaverOn,
      );

      const figure = page.locator('article > figure img');
      const requested = page.waitForRequest((r) => new URL(r.url()).pathname.startsWith('/media/'));
      await figure.click();
      await requested;
      await page.waitForFunction(() => {
        const img = document.querySelector<HTMLImageElement>('article > figure img');
        return Boolean(img?.complete && img.naturalWidth > 0);
      });
      assert.ok((await figure.getAttribute('alt')) !== null);
      assert.equal(await figure.getAttribute('data-src'), null, 'the tapped image is released');
      assert.ok(
        (await page.locator('.article-body img[data-src]').count()) > 0,
        'the other images stay held',
      );
    });
  });
});

describe('the article page', () => {
  it('shows its weight, close to what the browser received', async () => {
    await withContext(async (_context, page) => {
      const finished: Request[] = [];
      page.on('requestfinished', (request) => {
        if (['document', 'stylesheet', 'script', 'image'].includes(request.resourceType()))
          finished.push(request);
      });
      await page.goto(site.baseUrl + articlePath(site.mainArticle), { waitUntil: 'networkidle' });
      await loadEveryImage(page);
      const sizes = await Promise.all(finished.map(async (r) => (await r.sizes()).responseBodySize));
      const received = sizes.reduce((sum, n) => sum + n, 0);
      const text = (await page.locator('.article-meta .page-weight').textContent()) ?? '';
      const match = /^حجم الصفحة: ≈ (\d+) كيلوبايت$/.exec(text.trim());
      assert.ok(match, `the weight reads "≈ N KB" in Arabic: ${text}`);
      const shown = Number(match[1]) * 1024;
      assert.ok(
        shown >= received * 0.5 && shown <= received * 2,
        `shown ${shown} B, received ${received} B (${finished.map((r, i) => `${r.url().slice(-30)} ${sizes[i]}`).join(', ')})`,
      );
    });
  });

  it('keeps HTML + CSS + JS within 30 KB compressed with every script on', async () => {
    await withContext(async (_context, page) => {
      const finished: Request[] = [];
      page.on('requestfinished', (request) => {
        if (['document', 'stylesheet', 'script'].includes(request.resourceType())) finished.push(request);
      });
      await page.goto(site.baseUrl + articlePath(site.mainArticle), { waitUntil: 'networkidle' });
      const sizes = await Promise.all(
        finished.map(async (r) => ({ type: r.resourceType(), bytes: (await r.sizes()).responseBodySize })),
      );
      const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
      const detail = sizes.map((s) => `${s.type} ${s.bytes} B`).join(', ');
      assert.ok(
        sizes.some((s) => s.type === 'script'),
        'scripts counted',
      );
      assert.ok(total <= 30 * 1024, `HTML+CSS+JS on the wire: ${total} B (${detail})`);
    });
  });
});
