// The demo article read in Chromium with JavaScript off, at phone and desktop widths: every
// element a reader expects, right-to-left layout, no sideways scrolling. Also the other reader
// pages at phone width.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { articlePath } from '../../src/web/reader/urls.ts';
import {
  DESKTOP,
  horizontalOverflow,
  launchBrowser,
  overflowingElements,
  PHONE,
  readerPages,
  saveScreenshot,
  inNewPage,
} from '../support/browser.ts';
import { buildArticle } from '../support/factories.ts';
import { startTestSite, type TestSite } from '../support/site.ts';

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

/** Arabic-Indic and Persian digits to ASCII, so numbers can be compared whatever the page uses. */
function latinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

const withPage = <T>(options: BrowserContextOptions, fn: (page: Page) => Promise<T>): Promise<T> =>
  inNewPage(browser, options, fn);

async function assertNoHorizontalScroll(page: Page, what: string): Promise<void> {
  const overflow = await horizontalOverflow(page);
  if (overflow > 0) {
    const culprits = await overflowingElements(page);
    assert.fail(
      `${what} scrolls sideways by ${overflow}px; sticking out: ${culprits.join('; ') || '(none found)'}`,
    );
  }
}

/** Every element of the article page (issue 2, item 5), read from the rendered page. */
async function checkArticleElements(page: Page): Promise<void> {
  const article = site.mainArticle;
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');

  const section = await site.services.repos.sections.byId(article.sectionId!);
  const kicker = page.locator('article header a[href^="/section/"]');
  assert.equal(await kicker.count(), 1, 'one section label in the article header');
  assert.equal(await kicker.getAttribute('href'), `/section/${encodeURIComponent(section!.slug)}`);
  assert.equal((await kicker.textContent())?.trim(), section!.names.ar);

  assert.equal(await page.locator('h1').count(), 1, 'one h1');
  assert.equal((await page.locator('h1').textContent())?.trim(), article.title);
  assert.ok(article.dek !== '', 'the demo article has a dek');
  assert.equal((await page.locator('article header .dek').textContent())?.trim(), article.dek);

  const media = await site.services.repos.media.byId(article.featuredMediaId!);
  assert.ok(media, 'the demo article has a featured image');
  const figure = page.locator('article > figure');
  const img = figure.locator('img');
  assert.match((await img.getAttribute('width')) ?? '', /^[1-9]\d*$/, 'featured img has a width');
  assert.match((await img.getAttribute('height')) ?? '', /^[1-9]\d*$/, 'featured img has a height');
  assert.notEqual(await img.getAttribute('alt'), null, 'featured img has alt text');
  const loaded = await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0);
  assert.ok(loaded, `featured image ${await img.getAttribute('src')} loads`);
  const caption = ((await figure.locator('figcaption').textContent()) ?? '').trim();
  assert.ok(
    caption.includes(media.caption) && caption.includes(media.credit),
    `caption and credit: ${caption}`,
  );

  const people = await site.services.repos.people.byIds(article.authorIds);
  const authorLinks = page.locator('article header a[rel="author"]');
  assert.equal(await authorLinks.count(), article.authorIds.length, 'every author is linked in the byline');
  for (const person of people) {
    const link = page.locator(`article header a[href="/author/${encodeURIComponent(person.slug)}"]`);
    assert.equal((await link.textContent())?.trim(), person.name);
  }

  const time = page.locator('article header time[datetime]').first();
  const datetime = (await time.getAttribute('datetime')) ?? '';
  const published = Date.parse(article.publishedAt ?? '');
  assert.ok(
    Math.abs(Date.parse(datetime) - published) < 60_000,
    `datetime ${datetime} is the publication time`,
  );
  const updated = Date.parse(article.updatedAt) - published > 60 * 60_000;
  assert.equal(
    await page.locator('article header time[datetime]').count(),
    updated ? 2 : 1,
    'published, updated',
  );
  const year = String(new Date(published).getUTCFullYear());
  assert.ok(latinDigits((await time.textContent()) ?? '').includes(year), 'Gregorian date shows the year');
  const header = latinDigits((await page.locator('article header').textContent()) ?? '');
  assert.equal(header.split('هـ').length - 1, updated ? 2 : 1, 'each date also in Hijri (هـ)');
  assert.match((await page.locator('article header .reading-time').textContent()) ?? '', /دقيق|دقائق/);

  const broken = await page.evaluate(() =>
    Array.from(document.images)
      .filter((img) => !(img.complete && img.naturalWidth > 0))
      .map((img) => img.getAttribute('src')),
  );
  assert.deepEqual(broken, [], 'every image loads');

  const body = page.locator('article .article-body');
  for (const selector of ['h2', 'ol > li', 'ul > li', 'blockquote', 'img', 'a[href^="https://"]']) {
    assert.ok((await body.locator(selector).count()) > 0, `the body has ${selector}`);
  }

  const canonical = (await page.getAttribute('link[rel="canonical"]', 'href')) ?? '';
  assert.equal(canonical, url, 'canonical URL is the article URL');
  const shares: [string, RegExp][] = [
    ['X', /^https:\/\/(x|twitter)\.com\/intent\//],
    ['Facebook', /^https:\/\/www\.facebook\.com\/sharer\//],
    ['WhatsApp', /^https:\/\/(wa\.me|api\.whatsapp\.com)\//],
    ['Telegram', /^https:\/\/t\.me\/share\//],
    ['e-mail', /^mailto:/],
  ];
  const hrefs = await page
    .locator('main a[href]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  for (const [network, pattern] of shares) {
    const href = hrefs.find((h) => pattern.test(h));
    assert.ok(href, `a share link for ${network}`);
    assert.ok(decodeURIComponent(href).includes(canonical), `the ${network} link carries the article URL`);
  }
  assert.equal(await page.locator('main a[data-copy]').getAttribute('href'), canonical, 'copy link');
  assert.equal(await page.locator('script[src^="http"]').count(), 0, 'no third-party script');

  const box = page.locator('.author-box').first();
  assert.ok(await box.locator('img').isVisible(), 'author box has a photo');
  const first = people.find((p) => p.id === article.authorIds[0])!;
  assert.ok(((await box.textContent()) ?? '').includes(first.bio.slice(0, 40)), 'author box shows the bio');
  assert.ok((await box.locator(`a[href="/author/${encodeURIComponent(first.slug)}"]`).count()) > 0);

  const related = await page
    .locator('.related a[href*="/article/"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  assert.ok(related.length > 0, 'at least one related article');
  assert.ok(!related.some((h) => h.includes(`/article/${article.id}/`)), 'related never links to itself');

  const approved = await site.services.repos.comments.countApproved(article.id);
  assert.ok(approved >= 2, 'the demo article has comments');
  assert.ok((await page.locator('#comments li li [id^="comment-"]').count()) > 0, 'a nested reply');
  assert.equal(
    await page.locator('#comments [id^="comment-"]').count(),
    approved,
    'every approved comment shown',
  );
  if (approved > 2)
    assert.ok(
      latinDigits((await page.locator('#comments h2').textContent()) ?? '').includes(String(approved)),
    );
  const form = page.locator('form#respond');
  assert.equal(await form.getAttribute('method'), 'post');
  for (const name of ['name', 'email', 'body', 'token', 'parent_id']) {
    assert.equal(await form.locator(`[name="${name}"]`).count(), 1, `the form has a ${name} field`);
  }
  for (const id of ['c-name', 'c-email', 'c-body']) {
    assert.equal(await form.locator(`label[for="${id}"]`).count(), 1, `#${id} is labelled`);
  }
}

/**
 * In right-to-left, the title hugs the right edge of its column and its text starts there; on a
 * phone the column is the whole content width.
 */
async function checkRightToLeftLayout(page: Page, phone: boolean): Promise<void> {
  // No named helpers inside: tsx would wrap them in a __name() the page does not have.
  const edges = await page.evaluate(() => {
    const h1 = document.querySelector('h1')!;
    const [article, main] = [document.querySelector('main article')!, document.querySelector('main')!].map(
      (el) => el.getBoundingClientRect().right - Number.parseFloat(getComputedStyle(el).paddingRight),
    );
    const range = document.createRange();
    range.setStart(h1.firstChild!, 0);
    range.setEnd(h1.firstChild!, 1);
    return {
      h1: h1.getBoundingClientRect().right,
      article: article!,
      main: main!,
      firstLetter: range.getBoundingClientRect().right,
      bodyDirection: getComputedStyle(document.querySelector('.article-body p')!).direction,
    };
  });
  const near = (a: number, b: number) => Math.abs(a - b) <= 40;
  assert.ok(near(edges.h1, edges.article), `h1 right edge ${edges.h1} near its column's ${edges.article}`);
  if (phone)
    assert.ok(near(edges.h1, edges.main), `h1 right edge ${edges.h1} near the content's ${edges.main}`);
  assert.ok(
    edges.h1 - edges.firstLetter <= 2,
    `the title's first letter (${edges.firstLetter}) is on the right`,
  );
  assert.equal(edges.bodyDirection, 'rtl');
}

describe('the article page without JavaScript', () => {
  for (const [width, options] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`shows every element, right-to-left, at ${width} width`, async () => {
      await withPage({ ...options, javaScriptEnabled: false }, async (page) => {
        const response = await page.goto(url);
        assert.equal(response?.status(), 200);
        await saveScreenshot(page, `article-${width}`);
        await checkArticleElements(page);
        await checkRightToLeftLayout(page, width === 'phone');
        await assertNoHorizontalScroll(page, `the article at ${width} width`);
      });
    });
  }
});

describe('the article page weight', () => {
  it('sends at most 30 KB of compressed HTML and CSS, and needs no script to read', async () => {
    await withPage({ ...PHONE, javaScriptEnabled: false }, async (page) => {
      const sizes: { url: string; type: string; bytes: number }[] = [];
      page.on('requestfinished', async (request) => {
        const type = request.resourceType();
        if (type !== 'document' && type !== 'stylesheet') return;
        sizes.push({ url: request.url(), type, bytes: (await request.sizes()).responseBodySize });
      });
      await page.goto(url, { waitUntil: 'networkidle' });
      const types = sizes.map((s) => s.type).sort();
      assert.deepEqual(types, ['document', 'stylesheet'], 'one document and one stylesheet');
      const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
      const detail = sizes.map((s) => `${s.type} ${s.bytes} B`).join(', ');
      assert.ok(total > 0 && total <= 30 * 1024, `HTML+CSS on the wire: ${total} B (${detail})`);
    });
  });
});

describe('other reader pages at phone width', () => {
  it('home, section, author and the French home fit the screen', async () => {
    const pages = (await readerPages(site)).filter((p) => p.name !== 'article');
    await withPage(PHONE, async (page) => {
      for (const { name, path, lang } of pages) {
        const response = await page.goto(site.baseUrl + path);
        assert.equal(response?.status(), 200, `${path} answers 200`);
        await saveScreenshot(page, `${name}-phone`);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
        await assertNoHorizontalScroll(page, path);
      }
    });
  });
});

describe('cards at phone width', () => {
  it('give a story without a picture the whole row for its headline', async () => {
    const title = 'قافلة الملح تصل إلى تاوديني بعد أسبوعين في الصحراء';
    await buildArticle(site.services, { title, featuredMediaId: null });
    await withPage(PHONE, async (page) => {
      await page.goto(site.baseUrl + '/');
      const card = page.locator('.cards .card', { hasText: title }).first();
      assert.equal(await card.locator('.card-img').count(), 0, 'the card has no picture');
      const cardBox = await card.boundingBox();
      const titleBox = await card.locator('.card-title').boundingBox();
      assert.ok(cardBox && titleBox);
      assert.ok(
        titleBox.width > cardBox.width * 0.8,
        `the headline takes ${Math.round(titleBox.width)} of the card's ${Math.round(cardBox.width)} px`,
      );
      await saveScreenshot(page, 'card-without-picture-phone', card);
    });
  });
});
