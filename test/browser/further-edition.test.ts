// A Persian edition read in Chromium at phone and desktop widths: the page is laid out right to
// left in Persian, its dates are in Persian digits with no middle dot beside them, the language
// switcher leads there from the Arabic home page, an English name in a Persian card stays
// isolated, and nothing scrolls sideways.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { addStaff } from '../../src/services/staff.ts';
import { changeContentLanguages } from '../../src/services/settings/content-languages.ts';
import { articlePath } from '../../src/web/reader/urls.ts';
import {
  DESKTOP,
  horizontalOverflow,
  launchBrowser,
  PHONE,
  saveScreenshot,
  inNewPage,
} from '../support/browser.ts';
import { buildArticle, buildPerson } from '../support/factories.ts';
import { startTestSite, type TestSite } from '../support/site.ts';

let site: TestSite;
let browser: Browser;
let path: string;

before(async () => {
  site = await startTestSite({ listen: true });
  const { person } = await addStaff(site.services, {
    email: 'fa-browser@midad.example',
    name: 'Shirin',
    role: 'admin',
    password: 'harmattan over agadez 2026',
  });
  await changeContentLanguages(
    site.services,
    { person, ipHash: '' },
    {
      languages: [
        { tag: 'ar', fallback: 'ar' },
        { tag: 'fr', fallback: 'fr' },
        { tag: 'en', fallback: 'en' },
        { tag: 'fa', fallback: 'ar', edition: true },
      ],
    },
  );
  const author = await buildPerson(site.services, { name: 'Daniel Okafor' });
  const article = await buildArticle(site.services, {
    lang: 'fa',
    title: 'کاروان نمک از تائودنی به تمبکتو رسید',
    dek: 'شترداران پس از سه هفته راه به شهر رسیدند.',
    bodyHtml:
      '<p>کاروان نمک امروز صبح پس از سه هفته راه از معدن‌های تائودنی به تمبکتو رسید.</p><p>بازرگانان می‌گویند قیمت نمک امسال بالاتر است.</p>',
    authorIds: [author.id],
  });
  path = articlePath(article);
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

const withPage = <T>(options: BrowserContextOptions, fn: (page: Page) => Promise<T>): Promise<T> =>
  inNewPage(browser, options, fn);

describe('the Persian edition in Chromium', () => {
  for (const [label, options] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`lays out the home page and the article right to left in Persian (${label})`, async () => {
      await withPage(options, async (page) => {
        await page.goto(`${site.baseUrl}/fa/`);
        assert.equal(await page.getAttribute('html', 'lang'), 'fa');
        assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
        const card = page.locator('.card-meta').first();
        // The Arabic comma separates the author and the date: a dot beside Persian digits reads as zero.
        assert.match((await card.textContent()) ?? '', /Daniel Okafor، [۰-۹]+ /);
        assert.equal(await horizontalOverflow(page), 0, 'the home page scrolls sideways');
        await saveScreenshot(page, `further-edition-home-${label}`, 'viewport');

        await page.goto(site.baseUrl + path);
        const title = page.locator('h1.article-title');
        assert.equal(await title.evaluate((el) => getComputedStyle(el).direction), 'rtl');
        assert.match(
          (await page.locator('.article-meta time').first().textContent()) ?? '',
          /^[۰-۹]+ \S+ [۰-۹]{4}$/,
        );
        assert.equal(await horizontalOverflow(page), 0, 'the article scrolls sideways');
        await saveScreenshot(page, `further-edition-article-${label}`, 'viewport');
      });
    });
  }

  it('is reached from the Arabic home page through the language switcher', async () => {
    await withPage(DESKTOP, async (page) => {
      await page.goto(`${site.baseUrl}/`);
      await page.getByRole('link', { name: 'فارسی' }).first().click();
      await page.waitForURL(`${site.baseUrl}/fa/`);
      assert.equal(await page.getAttribute('html', 'lang'), 'fa');
    });
  });
});
