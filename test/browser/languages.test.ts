// Languages in Chromium: a Persian article inside the French edition is right to left, with
// lang="fa", in the home page's cards, the related list of a French article, the search
// results and the feeds; imported exports (a Persian blog whose WordPress language says en-US,
// a Japanese site) show each title and body in its text's language and direction.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Article } from '../../src/core/types.ts';
import { setTextLanguage } from '../../src/services/articles/text-language.ts';
import { importWordPress, rebuildAfterImport } from '../../src/services/import/run-import.ts';
import { changeContentLanguages } from '../../src/services/settings/content-languages.ts';
import { addStaff } from '../../src/services/staff.ts';
import { articlePath } from '../../src/web/reader/urls.ts';
import { buildArticle, buildTag } from '../support/factories.ts';
import { DESKTOP, launchBrowser, PHONE } from '../support/browser.ts';
import { startTestSite, type TestSite } from '../support/site.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/wxr/languages');
const PERSIAN_TITLE = 'بازارچهٔ کتاب در کنار رود نیجر';
const SHOTS = process.env.MIDAD_SCREENSHOTS ?? '/tmp';

let site: TestSite;
let browser: Browser;
let phone: BrowserContext;
let desktop: BrowserContext;
let persian: Article;
let persianNeighbour: Article;
let french: Article;

/** The lang of the nearest element that says one, and the computed direction, of the element holding `text`. */
async function textLanguage(page: Page, selector: string, text: string) {
  return page.evaluate(
    ([sel, wanted]) => {
      const el = [...document.querySelectorAll(sel)].find((e) => e.textContent?.includes(wanted));
      if (!el) return null;
      return {
        lang: el.closest('[lang]')?.getAttribute('lang') ?? null,
        dir: getComputedStyle(el).direction,
      };
    },
    [selector, text] as const,
  );
}

before(
  async () => {
    site = await startTestSite({ listen: true });
    const { person } = await addStaff(site.services, {
      email: 'languages-admin@midad.example',
      name: 'Admin',
      role: 'admin',
      password: 'manuscrits de tombouctou 2026',
    });
    const actor = { person, ipHash: '' };
    await changeContentLanguages(site.services, actor, {
      languages: [
        { tag: 'ar', fallback: 'ar' },
        { tag: 'fr', fallback: 'fr' },
        { tag: 'en', fallback: 'en' },
        { tag: 'fa', fallback: 'fr' },
      ],
    });
    const tag = await buildTag(site.services, { name: 'livres-niger' });
    french = await buildArticle(site.services, {
      lang: 'fr',
      title: 'Un marché aux livres au bord du fleuve Niger',
      bodyHtml: '<p>Le marché aux livres du bord du fleuve attire des lecteurs de toute la ville.</p>',
      tagIds: [tag.id],
    });
    const built = await buildArticle(site.services, {
      lang: 'fr',
      title: PERSIAN_TITLE,
      dek: 'کتاب‌فروشان هر جمعه در کنار رود بساط می‌کنند.',
      bodyHtml: '<p>کتاب‌فروشان هر جمعه در کنار رود نیجر بساط می‌کنند و خوانندگان از همه جای شهر می‌آیند.</p>',
      tagIds: [tag.id],
    });
    persian = await setTextLanguage(site.services, actor, { articleId: built.id, language: 'fa' });
    // A second Persian story on the same subject: its related list holds the first.
    const second = await buildArticle(site.services, {
      lang: 'fr',
      title: 'کتاب‌فروشان رود نیجر در باران',
      bodyHtml: '<p>باران جمعه کتاب‌فروشان کنار رود نیجر را به زیر سایبان‌ها برد و خوانندگان باز هم آمدند.</p>',
      tagIds: [tag.id],
    });
    persianNeighbour = await setTextLanguage(site.services, actor, { articleId: second.id, language: 'fa' });
    await rebuildAfterImport(site.services);
    browser = await launchBrowser();
    phone = await browser.newContext({ ...PHONE, serviceWorkers: 'block' });
    desktop = await browser.newContext({ ...DESKTOP, serviceWorkers: 'block' });
  },
  { timeout: 120_000 },
);
after(async () => {
  await phone?.close();
  await desktop?.close();
  await browser?.close();
  await site?.close();
});

describe('a Persian article in the French edition', () => {
  it('is right to left in the home page cards', async () => {
    const page = await desktop.newPage();
    await page.goto(`${site.baseUrl}/fr/`);
    assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
    assert.deepEqual(await textLanguage(page, '.card-title', PERSIAN_TITLE), { lang: 'fa', dir: 'rtl' });
    await page.screenshot({ path: `${SHOTS}/languages-fr-home.png` });
    await page.close();
  });

  it('is right to left in a related list, while French articles stay left to right', async () => {
    const page = await phone.newPage();
    await page.goto(site.baseUrl + articlePath(persianNeighbour));
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.deepEqual(await textLanguage(page, '.related .card-title', PERSIAN_TITLE), {
      lang: 'fa',
      dir: 'rtl',
    });
    await page.screenshot({ path: `${SHOTS}/languages-fa-related-phone.png`, fullPage: true });
    await page.goto(site.baseUrl + articlePath(french));
    const h1 = await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).direction);
    assert.equal(h1, 'ltr');
    await page.close();
  });

  it('is right to left on its own page, inside French interface text', async () => {
    const page = await phone.newPage();
    await page.goto(site.baseUrl + articlePath(persian));
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.deepEqual(await textLanguage(page, 'h1', PERSIAN_TITLE), { lang: 'fa', dir: 'rtl' });
    const ld = await page.evaluate(() =>
      [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? ''),
    );
    assert.ok(ld.some((json) => json.includes('"inLanguage":"fa"')));
    await page.screenshot({ path: `${SHOTS}/languages-fa-article-phone.png`, fullPage: true });
    await page.close();
  });

  it('is right to left in the search results', async () => {
    const page = await desktop.newPage();
    await page.goto(`${site.baseUrl}/fr/search?q=${encodeURIComponent('کتاب')}`);
    assert.deepEqual(await textLanguage(page, '.search-result', 'بازارچ'), { lang: 'fa', dir: 'rtl' });
    await page.screenshot({ path: `${SHOTS}/languages-fr-search.png` });
    await page.close();
  });

  it('says its language in each feed entry', async () => {
    const atom = await (await fetch(`${site.baseUrl}/fr/feed.atom`)).text();
    const entry = atom.split('<entry').find((e) => e.includes(PERSIAN_TITLE));
    assert.ok(entry, 'the Persian article is in the French Atom feed');
    assert.match(entry, /^[^>]*xml:lang="fa"/);
    const json = (await (await fetch(`${site.baseUrl}/fr/feed.json`)).json()) as {
      items: { title: string; language?: string }[];
    };
    assert.equal(json.items.find((i) => i.title === PERSIAN_TITLE)?.language, 'fa');
  });
});

describe('imported exports in Chromium', () => {
  it('shows the Persian blog (declared en-US) right to left, its English post left to right, Japanese as ja', async () => {
    const persianBlog = await importWordPress(site.services, {
      file: path.join(FIXTURES, 'persian-blog.xml'),
    });
    assert.equal(persianBlog.languageChangeCount, 3);
    await importWordPress(site.services, { file: path.join(FIXTURES, 'japanese-site.xml') });
    await rebuildAfterImport(site.services);
    const page = await phone.newPage();
    const check = async (slug: string, lang: string, dir: string, shot: string) => {
      const found = await site.services.db.kysely
        .selectFrom('articles')
        .select(['id', 'slug', 'lang'])
        .where('slug', '=', slug)
        .executeTakeFirstOrThrow();
      const prefix = found.lang === 'ar' ? '' : `/${found.lang}`;
      const res = await page.goto(
        `${site.baseUrl}${prefix}/article/${found.id}/${encodeURIComponent(found.slug)}`,
      );
      assert.equal(res?.status(), 200);
      const seen = await page.evaluate(() => {
        const article = document.querySelector('article.article')!;
        const body = article.querySelector('h1 ~ *, .article-body') ?? article;
        return {
          lang: article.closest('[lang]')?.getAttribute('lang'),
          title: getComputedStyle(article.querySelector('h1')!).direction,
          body: getComputedStyle(body).direction,
        };
      });
      assert.deepEqual(seen, { lang, title: dir, body: dir }, slug);
      await page.screenshot({ path: `${SHOTS}/${shot}.png`, fullPage: true });
    };
    await check('yazd', 'fa', 'rtl', 'languages-import-persian');
    await check('notes-in-english', 'en-US', 'ltr', 'languages-import-english-post');
    await check('autumn-walk', 'ja', 'ltr', 'languages-import-japanese');
    await page.close();
  });
});
