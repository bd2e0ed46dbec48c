// Embeds as privacy facades, in Chromium. An article with a YouTube embed asks no other host
// for anything on load; pressing play inserts the youtube-nocookie.com player (answered here,
// never from the internet) and the page's CSP lets it in. In the newsroom, a YouTube address
// pasted into an empty paragraph becomes the embed card, and once published the reader page
// has the facade. axe finds nothing serious at phone and desktop widths.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { AxeResults } from 'axe-core';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { Article } from '../../src/core/types.ts';
import { addStaff } from '../../src/services/staff.ts';
import { articleMessages } from '../../src/web/newsroom/articles/messages.ts';
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
const EDITOR = { email: 'salma.embeds@example.org', password: 'Nouakchott-2026-dunes-vent', name: 'سلمى' };
const t = articleMessages('ar');
const VIDEO = 'dQw4w9WgXcQ';
const PASTED = 'Fl00dN1ght9';
/** A normal browser's UA: headless Chrome's counts as a bot for readership. */
const UA =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';

let site: TestSite;
let browser: Browser;
let article: Article;

before(async () => {
  site = await startTestSite({ listen: true });
  await addStaff(site.services, { ...EDITOR, role: 'editor' });
  article = await buildArticle(site.services, {
    lang: 'ar',
    title: 'فيضان الوادي في صور',
    bodyHtml:
      '<p>شاهد ما صوّره أحد السكان صباح الأحد.</p>' +
      `<figure data-embed="youtube" data-embed-id="${VIDEO}"><a href="https://www.youtube.com/watch?v=${VIDEO}">الماء يغمر السوق القديم</a><figcaption>تصوير أحد القراء</figcaption></figure>` +
      '<p>وتستمر فرق الإنقاذ في عملها.</p>',
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

interface Watched {
  context: BrowserContext;
  page: Page;
  /** Every request, by URL, in order. */
  requests: string[];
  /** Content Security Policy refusals and script errors. */
  problems: string[];
}

/** A context recording every request; a player address is answered locally, anything else outside is refused. */
async function watched(options: BrowserContextOptions): Promise<Watched> {
  const context = await browser.newContext({ ...options, userAgent: UA, serviceWorkers: 'block' });
  const requests: string[] = [];
  const problems: string[] = [];
  watchPageProblems(context, problems);
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    requests.push(url);
    if (url.startsWith(site.baseUrl) || url.startsWith('data:')) return route.continue();
    if (url.startsWith('https://www.youtube-nocookie.com/embed/')) {
      return route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<!doctype html><title>player</title><p>player</p>',
      });
    }
    return route.abort();
  });
  const page = await context.newPage();
  return { context, page, requests, problems };
}

const outside = (requests: string[]) => requests.filter((u) => !u.startsWith(site.baseUrl));

async function seriousAxeViolations(page: Page): Promise<string[]> {
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

describe('embeds as privacy facades in Chromium', () => {
  it('an article with a YouTube embed asks no other host on load; play inserts the nocookie player the CSP allows', async () => {
    const w = await watched(PHONE);
    try {
      const response = await w.page.goto(site.baseUrl + articlePath(article), { waitUntil: 'load' });
      assert.equal(response?.status(), 200);
      const csp = response?.headers()['content-security-policy'] ?? '';
      assert.match(csp, /frame-src [^;]*https:\/\/www\.youtube-nocookie\.com/);
      await w.page.waitForTimeout(300);
      assert.ok(w.requests.length > 2, 'requests were recorded');
      assert.deepEqual(outside(w.requests), [], 'nothing was asked of another host on load');

      const figure = w.page.locator('.article-body figure.embed');
      assert.equal(await figure.count(), 1);
      assert.equal(await w.page.locator('iframe').count(), 0, 'no frame before play');
      assert.equal(await figure.locator('.embed-provider').innerText(), 'YouTube');
      assert.equal(await figure.locator('.embed-title').innerText(), 'الماء يغمر السوق القديم');
      assert.equal(
        await figure.locator('.embed-source a').getAttribute('href'),
        `https://www.youtube.com/watch?v=${VIDEO}`,
      );
      const play = figure.getByRole('button', { name: 'تشغيل الفيديو' });
      await play.waitFor({ state: 'visible' });
      await saveScreenshot(w.page, 'embed-facade-phone-ar', figure);

      await play.click();
      const frame = w.page.locator(`iframe[src^="https://www.youtube-nocookie.com/embed/${VIDEO}"]`);
      await frame.waitFor({ timeout: 5000 });
      assert.equal(await frame.getAttribute('title'), 'YouTube: الماء يغمر السوق القديم');
      assert.match((await frame.getAttribute('sandbox')) ?? '', /allow-scripts/);
      assert.equal(await figure.locator('figcaption').innerText(), 'تصوير أحد القراء');
      // The player's page loaded (answered by the route above), so the CSP let the frame in.
      await w.page.waitForFunction(() => document.querySelector('iframe')?.contentWindow !== null);
      const playerRequests = outside(w.requests);
      assert.ok(playerRequests.length >= 1, 'the player was requested');
      assert.ok(
        playerRequests.every((u) =>
          u.startsWith(`https://www.youtube-nocookie.com/embed/${VIDEO}?autoplay=1`),
        ),
        playerRequests.join(' '),
      );
      assert.deepEqual(w.problems, [], 'no CSP refusal and no script error');
    } finally {
      await w.context.close();
    }
  });

  it('without JavaScript the facade still links to the original and shows no dead button', async () => {
    const context = await browser.newContext({ ...DESKTOP, javaScriptEnabled: false, userAgent: UA });
    try {
      const page = await context.newPage();
      await page.goto(site.baseUrl + articlePath(article));
      const figure = page.locator('.article-body figure.embed');
      assert.equal(await figure.locator('.embed-play').isVisible(), false);
      assert.equal(await figure.getByRole('link').first().isVisible(), true);
    } finally {
      await context.close();
    }
  });

  for (const [width, options] of [
    ['390 px', PHONE],
    ['1280 px', DESKTOP],
  ] as const) {
    it(`the article with the facade is axe clean (no serious or critical) at ${width}`, async () => {
      // The site's CSP forbids inline scripts; this context bypasses it for axe only.
      const w = await watched({ ...options, bypassCSP: true });
      try {
        await w.page.goto(site.baseUrl + articlePath(article));
        await w.page.locator('.embed-play').waitFor({ state: 'visible' });
        assert.equal(await horizontalOverflow(w.page), 0, 'no sideways scrolling');
        assert.deepEqual(await seriousAxeViolations(w.page), []);
      } finally {
        await w.context.close();
      }
    });
  }

  it('in the newsroom, a pasted YouTube address becomes the embed card, and the published page has the facade', async () => {
    const w = await watched(DESKTOP);
    try {
      await signInNewsroom(w.page, site.baseUrl, EDITOR.email, EDITOR.password);
      await w.page.goto(`${site.baseUrl}/newsroom/articles`);
      await Promise.all([
        w.page.waitForURL(/\/newsroom\/articles\/\d+$/),
        w.page.locator('form[action="/newsroom/articles/new"] button').click(),
      ]);
      const id = Number(/articles\/(\d+)/.exec(w.page.url())?.[1]);
      await w.page.locator('#title').fill('سيول في الليل');
      const content = w.page.locator('.nr-rte-content');
      await content.click();
      await w.page.keyboard.type('فيديو من القراء:');
      await w.page.keyboard.press('Enter');
      // A paste as the browser delivers it: plain text on the clipboard event.
      await content.evaluate((element, url) => {
        const data = new DataTransfer();
        data.setData('text/plain', url);
        element.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      }, `https://youtu.be/${PASTED}?t=30`);
      const card = content.locator(`figure.nr-embed[data-embed="youtube"]`);
      await card.waitFor();
      assert.match(await card.innerText(), /YouTube/);
      // An address of no registered provider, pasted the same way, stays text with a link.
      await content.evaluate((element) => {
        const data = new DataTransfer();
        data.setData('text/plain', 'https://example.org/not-a-video');
        element.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      });
      const html = await w.page.locator('#body_html').inputValue();
      assert.ok(
        html.includes(
          `<figure data-embed="youtube" data-embed-id="${PASTED}"><a href="https://www.youtube.com/watch?v=${PASTED}&amp;t=30s">https://www.youtube.com/watch?v=${PASTED}&amp;t=30s</a></figure>`,
        ),
        html,
      );
      assert.equal((html.match(/data-embed=/g) ?? []).length, 1, html);
      assert.match(html, /<a href="https:\/\/example\.org\/not-a-video">/);
      await saveScreenshot(w.page, 'embed-editor-card', card);

      // The toolbar's embed button opens a dialog in the newsroom's language; a refused address
      // is said next to the field and the dialog stays open.
      await w.page.locator(`.nr-rte-toolbar button[aria-label="${t.editor_embed}"]`).click();
      const dialog = w.page.getByRole('dialog', { name: t.editor_embed });
      await dialog.waitFor();
      await dialog
        .getByLabel(t.editor_embedPrompt)
        .fill('https://youtube.com.evil.example/watch?v=aaaaaaaaaaa');
      await dialog.getByRole('button', { name: t.editor_embedInsert }).click();
      assert.equal(await dialog.locator('.nr-error').innerText(), t.editor_embedInvalid);
      assert.equal(await dialog.getByLabel(t.editor_embedPrompt).getAttribute('aria-invalid'), 'true');
      await saveScreenshot(w.page, 'embed-editor-dialog', dialog);
      await dialog.getByLabel(t.editor_embedPrompt).fill('https://vimeo.com/76979871');
      await dialog.getByLabel(t.editor_embedCaption).fill('لقطات من الجو');
      await dialog.getByRole('button', { name: t.editor_embedInsert }).click();
      await dialog.waitFor({ state: 'detached' });
      const vimeo = content.locator('figure.nr-embed[data-embed="vimeo"]');
      await vimeo.waitFor();
      // The card's own button opens the same dialog, filled in, and the change is saved in place.
      await vimeo.getByRole('button', { name: t.editor_embedEdit }).click();
      const editing = w.page.getByRole('dialog', { name: t.editor_embed });
      assert.equal(await editing.getByLabel(t.editor_embedPrompt).inputValue(), 'https://vimeo.com/76979871');
      await editing.getByLabel(t.editor_embedTitle).fill('الحقول المغمورة');
      await editing.getByRole('button', { name: t.editor_embedInsert }).click();
      await editing.waitFor({ state: 'detached' });
      await content
        .locator('figure.nr-embed[data-embed="vimeo"] .nr-embed-title', { hasText: 'الحقول المغمورة' })
        .waitFor();

      await Promise.all([
        w.page.waitForNavigation(),
        w.page.locator('button[name="intent"][value="publish"]').click(),
      ]);
      assert.match(w.page.url(), /done=publish/);
      const published = await site.services.repos.articles.byId(id);
      assert.equal(published?.status, 'published');
      assert.ok(
        published?.bodyHtml.includes(`data-embed="youtube" data-embed-id="${PASTED}"`),
        published?.bodyHtml,
      );
      assert.ok(
        published?.bodyHtml.includes(
          '<figure data-embed="vimeo" data-embed-id="76979871"><a href="https://vimeo.com/76979871">الحقول المغمورة</a><figcaption>لقطات من الجو</figcaption></figure>',
        ),
        published?.bodyHtml,
      );

      const before = w.requests.length;
      await w.page.goto(site.baseUrl + articlePath(published!));
      const facade = w.page.locator('.article-body figure.embed[data-embed="youtube"]');
      await facade.locator('.embed-play').waitFor({ state: 'visible' });
      assert.equal(
        await facade.getAttribute('data-embed-player'),
        `https://www.youtube-nocookie.com/embed/${PASTED}?autoplay=1&start=30`,
      );
      assert.deepEqual(outside(w.requests.slice(before)), []);
      assert.deepEqual(w.problems, []);
    } finally {
      await w.context.close();
    }
  });
});
