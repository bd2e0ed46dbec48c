// Galleries, pull quotes and info boxes in Chromium. Reader side: an Arabic article with a
// gallery of library images shows them from this site with srcset and their captions, each
// opens at full size from the keyboard, the pull quote and info box sit right to left at
// 390 px (marks and borders on the right), and axe finds nothing serious at 390 and 1280 px.
// Newsroom side: an editor builds a gallery from library images (ordered, a caption changed,
// one moved), adds a pull quote and an info box, publishes, and the stored body is exactly
// the stored formats, which the editor reads back unchanged.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { AxeResults } from 'axe-core';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { sanitizeArticleHtml } from '../../src/core/html-policy.ts';
import { infoBoxHtml, pullQuoteHtml } from '../../src/core/story-blocks/callout.ts';
import { galleryHtml } from '../../src/core/story-blocks/gallery.ts';
import type { Article, Media } from '../../src/core/types.ts';
import { bestFallback, srcsetFor } from '../../src/media/images.ts';
import { photoWithGps } from '../../src/media/test-images.ts';
import { ingestUpload } from '../../src/services/media/upload-media.ts';
import { addStaff } from '../../src/services/staff.ts';
import { articleMessages } from '../../src/web/newsroom/articles/messages.ts';
import { articlePath } from '../../src/web/reader/urls.ts';
import {
  DESKTOP,
  horizontalOverflow,
  launchBrowser,
  PHONE,
  signInNewsroom,
  watchPageProblems,
  inNewPage,
} from '../support/browser.ts';
import { buildArticle } from '../support/factories.ts';
import { startTestSite, type TestSite } from '../support/site.ts';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');
const t = articleMessages('ar');
const EDITOR = { email: 'salma.gallery@example.org', password: 'Nouadhibou-2026-marees', name: 'سلمى' };
const PHOTOS = [
  { alt: 'قوارب الصيد على شاطئ نواذيبو', caption: 'عودة القوارب قبل الغروب', credit: 'تصوير: سلمى' },
  { alt: 'سوق السمك المزدحم', caption: 'المزاد الصباحي', credit: '' },
  { alt: 'شباك صيد زرقاء', caption: '', credit: 'تصوير: الدار' },
];
const QUOTE = 'البحر يعطينا كل يوم، لكنه لا يعطي من لا يصبر.';
const SOURCE = 'صياد من نواذيبو';
const BOX_TITLE = 'الصيد في أرقام';

let site: TestSite;
let browser: Browser;
let media: Media[];
let article: Article;

const local = (m: Media) => ({
  src: bestFallback(m, '/media/').src,
  srcset: srcsetFor(m, 'jpeg', '/media/'),
  alt: m.alt,
  width: bestFallback(m, '/media/').width,
  height: bestFallback(m, '/media/').height,
  captionHtml: [m.caption, m.credit].filter(Boolean).join(' — '),
});

before(async () => {
  site = await startTestSite({ listen: true });
  await addStaff(site.services, { ...EDITOR, role: 'editor' });
  media = [];
  for (const [i, text] of PHOTOS.entries()) {
    media.push(await ingestUpload(site.services, { buffer: await photoWithGps(1400 + i * 100, 900), text }));
  }
  const body = [
    '<p>يبدأ يوم الصيادين قبل الفجر.</p>',
    galleryHtml(media.map(local), 'يوم في ميناء نواذيبو'),
    pullQuoteHtml(QUOTE, SOURCE),
    '<p>ثم يأتي المزاد.</p>',
    infoBoxHtml(BOX_TITLE, '<ul><li>٣٠٠ قارب</li><li>١٢ طنًا في اليوم</li></ul>'),
  ].join('');
  article = await buildArticle(site.services, {
    lang: 'ar',
    title: 'يوم في ميناء نواذيبو',
    bodyHtml: sanitizeArticleHtml(body).html,
  });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

const withPage = <T>(options: BrowserContextOptions, fn: (page: Page) => Promise<T>): Promise<T> =>
  inNewPage(browser, options, fn);

describe('a gallery, a pull quote and an info box on the reader page', () => {
  it('shows the local images with srcset, size and captions, as a list that says its count', async () => {
    await withPage(PHONE, async (page) => {
      await page.goto(site.baseUrl + articlePath(article));
      const grid = page.locator('.article-body figure.gallery ul.gallery-grid');
      assert.equal(await grid.getAttribute('role'), 'list');
      assert.equal(await grid.getAttribute('aria-label'), 'معرض صور: 3 صور');
      const items = grid.locator(':scope > li');
      assert.equal(await items.count(), 3);
      for (const [i, m] of media.entries()) {
        const img = items.nth(i).locator('img');
        const src = (await img.getAttribute('src')) ?? '';
        assert.ok(src.startsWith('/media/'), `image ${i + 1} comes from this site: ${src}`);
        assert.match((await img.getAttribute('srcset')) ?? '', /^\/media\/\S+\.jpg 320w, /);
        assert.ok(await img.getAttribute('sizes'));
        assert.match((await img.getAttribute('width')) ?? '', /^\d+$/);
        assert.match((await img.getAttribute('height')) ?? '', /^\d+$/);
        assert.equal(await img.getAttribute('loading'), 'lazy');
        assert.equal(await img.getAttribute('alt'), m.alt);
        const caption = [m.caption, m.credit].filter(Boolean).join(' — ');
        assert.equal(((await items.nth(i).locator('figcaption').textContent()) ?? '').trim(), caption);
        await img.scrollIntoViewIfNeeded();
        await page.waitForFunction(
          (el) => el instanceof HTMLImageElement && el.complete && el.naturalWidth > 0,
          await img.elementHandle(),
        );
      }
      assert.equal(
        (await page.locator('figure.gallery > figcaption').textContent())?.trim(),
        'يوم في ميناء نواذيبو',
      );
    });
  });

  it('opens an image at full size from the keyboard', async () => {
    await withPage(DESKTOP, async (page) => {
      await page.goto(site.baseUrl + articlePath(article));
      const link = page.locator('.gallery-open').nth(1);
      const href = (await link.getAttribute('href')) ?? '';
      const srcset = (await link.locator('img').getAttribute('srcset')) ?? '';
      const widest = srcset
        .split(', ')
        .map((c) => c.split(' '))
        .sort((a, b) => Number.parseInt(b[1] ?? '0', 10) - Number.parseInt(a[1] ?? '0', 10))[0]?.[0];
      assert.equal(href, widest, 'the link goes to the widest variant');
      await page.locator('figure.gallery').screenshot({ path: '/tmp/gallery-ar-1280.png' });
      // Tab from the first picture's link reaches the second; Enter opens it.
      await page.locator('.gallery-open').first().focus();
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('href')), href);
      assert.equal(
        await page.evaluate(() => document.activeElement?.textContent?.trim()),
        'افتح الصورة 2 من 3 بحجمها الكامل',
      );
      const [response] = await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      assert.equal(response?.status(), 200);
      assert.equal(response?.headers()['content-type'], 'image/jpeg');
      assert.equal(new URL(page.url()).pathname, href);
    });
  });

  it('sets the pull quote and the info box right to left at 390 px, with nothing sticking out', async () => {
    await withPage(PHONE, async (page) => {
      await page.goto(site.baseUrl + articlePath(article));
      const quote = page.locator('[data-block="pullquote"] blockquote');
      assert.equal((await quote.textContent())?.trim(), QUOTE);
      assert.equal((await page.locator('[data-block="pullquote"] figcaption').textContent())?.trim(), SOURCE);
      const q = await quote.evaluate((el) => {
        const style = getComputedStyle(el);
        const mark = getComputedStyle(el, '::before');
        return {
          dir: style.direction,
          right: style.borderRightWidth,
          left: style.borderLeftWidth,
          markRight: mark.right,
          mark: mark.content,
        };
      });
      assert.equal(q.dir, 'rtl');
      assert.equal(q.right, '4px', 'the border is on the right, where Arabic starts');
      assert.equal(q.left, '0px');
      assert.equal(q.markRight, '8px', 'the mark sits at the start (right)');
      assert.match(q.mark, /«/);

      const box = page.locator('aside[data-block="infobox"]');
      assert.equal(await box.getAttribute('role'), 'note');
      const labelledBy = (await box.getAttribute('aria-labelledby')) ?? '';
      assert.equal((await page.locator(`#${labelledBy}`).textContent())?.trim(), BOX_TITLE);
      const b = await box.evaluate((el) => ({
        right: getComputedStyle(el).borderRightWidth,
        left: getComputedStyle(el).borderLeftWidth,
      }));
      assert.deepEqual(b, { right: '4px', left: '0px' });
      assert.equal(await horizontalOverflow(page), 0, 'no sideways scrolling at 390 px');
      await page.evaluate(() => {
        for (const img of Array.from(document.images)) img.loading = 'eager';
      });
      await page.locator('figure.gallery').scrollIntoViewIfNeeded();
      await page.screenshot({ path: '/tmp/gallery-callouts-ar-390.png', fullPage: true });
    });
  });

  it('keeps the article page within 30 KB of compressed HTML, CSS and JS', async () => {
    await withPage(PHONE, async (page) => {
      const sizes: { type: string; bytes: number }[] = [];
      page.on('requestfinished', async (request) => {
        const type = request.resourceType();
        if (type !== 'document' && type !== 'stylesheet' && type !== 'script') return;
        sizes.push({ type, bytes: (await request.sizes()).responseBodySize });
      });
      await page.goto(site.baseUrl + articlePath(article), { waitUntil: 'networkidle' });
      const total = sizes.reduce((sum, s) => sum + s.bytes, 0);
      const detail = sizes.map((s) => `${s.type} ${s.bytes} B`).join(', ');
      console.log(`# gallery article page: ${total} B compressed (${detail})`);
      assert.ok(total > 0 && total <= 30 * 1024, `HTML+CSS+JS on the wire: ${total} B (${detail})`);
    });
  });

  for (const [width, options] of [
    ['390', PHONE],
    ['1280', DESKTOP],
  ] as const) {
    it(`has no serious or critical axe violation at ${width} px`, async () => {
      await withPage({ ...options, bypassCSP: true }, async (page) => {
        await page.goto(site.baseUrl + articlePath(article));
        await page.addScriptTag({ content: axeSource });
        const results = await page.evaluate(() =>
          (window as unknown as { axe: { run(d: Document, o: object): Promise<AxeResults> } }).axe.run(
            document,
            { resultTypes: ['violations'] },
          ),
        );
        const grave = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        assert.deepEqual(
          grave.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`),
          [],
        );
      });
    });
  }
});

describe('building a gallery in the editor', () => {
  it('picks library images in order, edits a caption, moves one, adds a pull quote and an info box, and saves the stored formats', async () => {
    const context = await browser.newContext(PHONE);
    const problems: string[] = [];
    watchPageProblems(context, problems);
    try {
      const page = await context.newPage();
      await signInNewsroom(page, site.baseUrl, EDITOR.email, EDITOR.password);
      await page.goto(`${site.baseUrl}/newsroom/articles`);
      await Promise.all([
        page.waitForURL(/\/newsroom\/articles\/\d+$/),
        page.locator('form[action="/newsroom/articles/new"] button').click(),
      ]);
      const id = Number(/articles\/(\d+)/.exec(page.url())?.[1]);
      await page.locator('#title').fill('معرض الميناء');
      await page.locator('.nr-rte-content').click();
      await page.keyboard.type('مقدمة قصيرة.');

      await page.locator(`.nr-rte-toolbar button[aria-label="${t.editor_gallery}"]`).click();
      const dialog = page.locator('dialog.nr-gallery-picker');
      await dialog.waitFor();
      assert.equal(await dialog.locator('h2').textContent(), t.editor_galleryPick);
      const insert = dialog.locator('.nr-gallery-insert');
      assert.equal(await insert.isDisabled(), true, 'nothing chosen yet');
      // Chosen in this order: the market, the boats, the nets.
      for (const alt of [PHOTOS[1]!.alt, PHOTOS[0]!.alt, PHOTOS[2]!.alt]) {
        await dialog.locator('.nr-picker-item', { hasText: alt }).click();
      }
      assert.equal(
        await dialog.locator('.nr-picker-item', { hasText: PHOTOS[0]!.alt }).getAttribute('aria-pressed'),
        'true',
      );
      assert.equal(await insert.textContent(), t.editor_galleryInsert.replace('{n}', '3'));
      await insert.click();
      await dialog.waitFor({ state: 'detached' });

      const panel = page.locator('.nr-rte-content .nr-gallery');
      await panel.waitFor();
      assert.equal(await panel.locator('.nr-gallery-items > li').count(), 3);
      // A new caption for the second image (the boats), then the nets move before it.
      const second = panel.getByLabel(t.editor_galleryImageCaption.replace('{n}', '2'));
      assert.equal(await second.inputValue(), `${PHOTOS[0]!.caption} — ${PHOTOS[0]!.credit}`);
      await second.fill('القوارب <عند> الغروب');
      await second.press('Enter');
      await panel
        .locator('.nr-gallery-items > li')
        .nth(2)
        .getByRole('button', { name: t.editor_galleryEarlier })
        .click();
      await panel.getByLabel(t.editor_galleryCaption).fill('صباح في الميناء');
      await panel.getByLabel(t.editor_galleryCaption).press('Enter');

      // A pull quote and an info box after the gallery.
      await page.locator('.nr-rte-content > p').first().click();
      await page.keyboard.press('End');
      await page.locator(`.nr-rte-toolbar button[aria-label="${t.editor_pullQuote}"]`).click();
      await page.keyboard.type(QUOTE);
      await page.locator('.nr-rte-content [data-block="pullquote"] figcaption').click();
      await page.keyboard.type(SOURCE);
      await page.locator(`.nr-rte-toolbar button[aria-label="${t.editor_infoBox}"]`).click();
      await page.keyboard.type('٣٠٠ قارب في الميناء.');

      const html = await page.locator('#body_html').inputValue();
      const srcs = media.map((m) => bestFallback(m, '/media/').src);
      const gallery =
        /<figure data-block="gallery"><ul>(.*?)<\/ul><figcaption>صباح في الميناء<\/figcaption><\/figure>/.exec(
          html,
        );
      assert.ok(gallery, html);
      const items = [
        ...(gallery[1] ?? '').matchAll(
          /<li><figure><img src="([^"]+)" srcset="[^"]+ 320w[^"]*" alt="[^"]*" width="\d+" height="\d+">(?:<figcaption>(.*?)<\/figcaption>)?<\/figure><\/li>/g,
        ),
      ];
      assert.deepEqual(
        items.map((m) => [m[1], m[2] ?? '']),
        [
          [srcs[1], PHOTOS[1]!.caption],
          [srcs[2], PHOTOS[2]!.credit],
          [srcs[0], 'القوارب &lt;عند&gt; الغروب'],
        ],
      );
      assert.match(
        html,
        new RegExp(
          `<figure data-block="pullquote"><blockquote><p dir="auto">${QUOTE}</p></blockquote><figcaption dir="auto">${SOURCE}</figcaption></figure>`,
        ),
      );
      assert.match(
        html,
        new RegExp(
          `<aside data-block="infobox"><h3>${t.editor_infoBoxDefaultTitle}</h3><p dir="auto">٣٠٠ قارب في الميناء.</p></aside>`,
        ),
      );

      await page.screenshot({ path: '/tmp/gallery-editor-390.png', fullPage: true });
      // Publish as the form's publish button does (on phones it sits in the settings panel).
      await Promise.all([
        page.waitForNavigation(),
        page.evaluate(() => {
          const publish = document.querySelector<HTMLButtonElement>('button[name="intent"][value="publish"]');
          publish?.form?.requestSubmit(publish);
        }),
      ]);
      const saved = await site.services.repos.articles.byId(id);
      assert.equal(saved?.status, 'published');
      const stored = saved?.bodyHtml ?? '';
      // What the editor wrote is what is stored: the allowlist only adds its image loading hints.
      assert.equal(stored, sanitizeArticleHtml(html).html);
      assert.equal(
        stored.replace(/ loading="lazy" decoding="async" \/>/g, '>'),
        html,
        'the allowlist removed nothing from the editor’s HTML',
      );
      // Opened again, the editor reads the stored body and writes it out the same.
      await page.goto(`${site.baseUrl}/newsroom/articles/${id}`);
      await page.locator('.nr-rte-content .nr-gallery').waitFor();
      assert.equal(sanitizeArticleHtml(await page.locator('#body_html').inputValue()).html, stored);

      // The reader page shows the gallery in the chosen order, with the new caption.
      await page.goto(site.baseUrl + articlePath(saved!));
      const captions = await page.locator('.gallery-grid figcaption').allTextContents();
      assert.deepEqual(captions, [PHOTOS[1]!.caption, PHOTOS[2]!.credit, 'القوارب <عند> الغروب']);
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
