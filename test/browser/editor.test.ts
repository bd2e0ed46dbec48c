// The article body editor in Chromium at phone width: an editor signs in, writes an Arabic
// paragraph, a French paragraph, a heading, a numbered list and a link with the toolbar and the
// keyboard, and publishes; the reader page gives each paragraph its own direction. Autosave
// saves without a submit, and a stale tab gets a conflict message and keeps its text.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { photoWithGps } from '../../src/media/test-images.ts';
import { ingestUpload as uploadMedia } from '../../src/services/media/upload-media.ts';
import { addStaff } from '../../src/services/staff.ts';
import { editorChromeMessages } from '../../src/web/newsroom/articles/editor-messages.ts';
import { articleMessages } from '../../src/web/newsroom/articles/messages.ts';
import { articlePath } from '../../src/web/reader/urls.ts';
import {
  horizontalOverflow,
  launchBrowser,
  openEditorSettings,
  overflowingElements,
  PHONE,
  saveScreenshot,
  signInNewsroom,
  watchPageProblems,
} from '../support/browser.ts';
import { startTestSite, type TestSite } from '../support/site.ts';

const t = articleMessages('ar');
const c = editorChromeMessages('ar');
const EDITOR = { email: 'mariam.editor@example.org', password: 'Tombouctou-2026-manuscrits', name: 'مريم' };
const ARABIC = 'وصلت القافلة إلى تمبكتو صباح الأحد بعد رحلة دامت ثلاثة أيام.';
const FRENCH = 'La caravane est arrivée à Tombouctou dimanche matin, après trois jours de route.';
const HEADING = 'شهادات من الطريق';
const LINK = 'https://example.org/mali/caravane';

let site: TestSite;
let browser: Browser;
let context: BrowserContext;
/** Content Security Policy refusals and script errors seen on any page: there must be none. */
const problems: string[] = [];

before(async () => {
  site = await startTestSite({ listen: true });
  await addStaff(site.services, { ...EDITOR, role: 'editor' });
  browser = await launchBrowser();
  context = await browser.newContext(PHONE);
  watchPageProblems(context, problems);
  const page = await context.newPage();
  await signInNewsroom(page, site.baseUrl, EDITOR.email, EDITOR.password);
  await page.close();
});
after(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
});

/** Opens a new draft from the article list and returns its id. */
async function newDraft(page: Page): Promise<number> {
  await page.goto(`${site.baseUrl}/newsroom/articles`);
  await Promise.all([
    page.waitForURL(/\/newsroom\/articles\/\d+$/),
    page.locator('form[action="/newsroom/articles/new"] button').click(),
  ]);
  await page.locator('.nr-rte-content').waitFor();
  return Number(/articles\/(\d+)/.exec(page.url())?.[1]);
}

/** Adds a link on the cursor through the link dialog: its address becomes the linked text. */
async function addLink(page: Page, href: string): Promise<void> {
  await tool(page, t.editor_link).click();
  const dialog = page.locator('dialog.nr-link-dialog');
  await dialog.getByLabel(c.editor_linkUrl).fill(href);
  await dialog.getByRole('button', { name: c.editor_linkApply }).click();
  await dialog.waitFor({ state: 'detached' });
}

const tool = (page: Page, label: string) => page.locator(`.nr-rte-toolbar button[aria-label="${label}"]`);
const versionOf = (page: Page) => page.locator('input[name="version"]').inputValue().then(Number);

/** Waits until autosave has stored a version newer than `than`, with no form submitted. */
async function waitForAutosave(page: Page, than: number): Promise<number> {
  await page.waitForFunction(
    (v) => Number(document.querySelector<HTMLInputElement>('input[name="version"]')?.value) > v,
    than,
    { timeout: 15_000 },
  );
  return versionOf(page);
}

async function assertNoHorizontalScroll(page: Page, what: string): Promise<void> {
  const overflow = await horizontalOverflow(page);
  assert.equal(
    overflow,
    0,
    `${what} scrolls sideways by ${overflow}px: ${(await overflowingElements(page)).join(', ')}`,
  );
}

describe('the article body editor', () => {
  it('writes Arabic and French paragraphs, a heading, a list and a link, and the reader page runs each the right way', async () => {
    const page = await context.newPage();
    const id = await newDraft(page);
    const url = page.url();

    // The textarea is still in the form, hidden, and the editor took its place.
    assert.equal(await page.locator('#body_html').isHidden(), true);
    // The area takes the Arabic article's direction; each block inside finds its own (dir="auto").
    assert.equal(await page.locator('.nr-rte-content').getAttribute('dir'), 'rtl');
    assert.equal(await page.locator('.nr-rte-toolbar').getAttribute('aria-label'), t.editor_toolbar);
    for (const label of ['left', 'right', 'align']) {
      assert.equal(
        await page.locator(`.nr-rte-toolbar [aria-label*="${label}" i]`).count(),
        0,
        'no alignment tools',
      );
    }

    // Keyboard: from the dek, Tab lands on the toolbar's first button.
    await page.locator('#title').fill('القافلة تصل إلى تمبكتو');
    await page.locator('#dek').focus();
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    assert.equal(await focused(), t.editor_paragraph);
    // Arrows move along the toolbar the way the row reads (leftwards in Arabic); Tab leaves it
    // for the text, and Shift+Tab comes back to the button last used.
    await page.keyboard.press('ArrowLeft');
    assert.equal(await focused(), t.editor_h2);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const last = await page.locator('.nr-rte-toolbar button').last().getAttribute('aria-label');
    assert.equal(await focused(), last);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Tab');
    assert.equal(
      await page.evaluate(() => document.activeElement?.classList.contains('nr-rte-content')),
      true,
    );
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focused(), t.editor_h2);

    const before = await versionOf(page);
    await page.locator('.nr-rte-content').click();
    await page.keyboard.type(ARABIC);
    await page.keyboard.press('Enter');
    await page.keyboard.type(FRENCH);
    await page.keyboard.press('Enter');
    await tool(page, t.editor_h2).click();
    await page.keyboard.type(HEADING);
    assert.equal(await tool(page, t.editor_h2).getAttribute('aria-pressed'), 'true');
    await page.keyboard.press('Enter');
    await tool(page, t.editor_orderedList).click();
    await page.keyboard.type('الحقيبة الأولى');
    await page.keyboard.press('Enter');
    await page.keyboard.type('الحقيبة الثانية');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    // Bold by keyboard, then a link through the toolbar's link dialog.
    await page.keyboard.press('Control+b');
    await page.keyboard.type('للمزيد');
    assert.equal(await tool(page, t.editor_bold).getAttribute('aria-pressed'), 'true');
    await page.keyboard.press('Control+b');
    await page.keyboard.type(' ');
    await addLink(page, LINK);

    // Autosave stores the text a few seconds later, without a submit.
    const saved = await waitForAutosave(page, before);
    assert.ok(saved > before);
    assert.equal(page.url(), url, 'no navigation happened');
    const draft = await site.services.repos.articles.byId(id);
    assert.ok(draft?.bodyHtml.includes(ARABIC), 'the autosaved body holds the Arabic paragraph');

    const html = await page.locator('#body_html').inputValue();
    assert.match(html, new RegExp(`<p dir="auto">${ARABIC}</p><p dir="auto">${FRENCH}</p>`));
    assert.match(html, new RegExp(`<h2 dir="auto">${HEADING}</h2>`));
    assert.match(html, /<ol><li dir="rtl"><p dir="auto">الحقيبة الأولى<\/p><\/li><li dir="rtl">/);
    assert.match(html, new RegExp(`<strong>للمزيد</strong> <a href="${LINK}">${LINK}</a>`));

    // An Arabic list's numbers sit on the right, where the text starts.
    const list = page.locator('.nr-rte-content ol');
    assert.equal(await list.evaluate((ol) => getComputedStyle(ol).direction), 'rtl');
    const [listBox, itemText] = await Promise.all([
      list.boundingBox(),
      list
        .locator('li p')
        .first()
        .evaluate((p) => {
          const range = document.createRange();
          range.selectNodeContents(p);
          return range.getBoundingClientRect().right;
        }),
    ]);
    assert.ok(listBox && listBox.x + listBox.width - itemText > 8, 'room for the numbers on the right');
    await assertNoHorizontalScroll(page, 'the editor page');
    await saveScreenshot(page, 'editor-phone-ar');
    await saveScreenshot(page, 'editor-phone-ar-body', page.locator('.nr-rte'));

    await openEditorSettings(page);
    await Promise.all([
      page.waitForNavigation(),
      page.locator('button[name="intent"][value="publish"]').click(),
    ]);
    assert.match(
      page.url(),
      /done=publish/,
      await page.locator('.nr-notice, .nr-error').allTextContents().then(String),
    );
    const article = await site.services.repos.articles.byId(id);
    assert.equal(article?.status, 'published');

    await page.goto(site.baseUrl + articlePath(article!));
    const arabic = page.locator('p', { hasText: ARABIC });
    const french = page.locator('p', { hasText: FRENCH });
    assert.equal(await arabic.getAttribute('dir'), 'auto');
    assert.equal(await french.getAttribute('dir'), 'auto');
    assert.equal(await arabic.evaluate((p) => getComputedStyle(p).direction), 'rtl');
    assert.equal(await french.evaluate((p) => getComputedStyle(p).direction), 'ltr');
    assert.equal(await page.locator('h2[dir="auto"]', { hasText: HEADING }).count(), 1);
    const items = page.locator('ol > li').filter({ hasText: 'الحقيبة' });
    assert.equal(await items.count(), 2);
    assert.equal(await items.first().evaluate((li) => getComputedStyle(li).direction), 'rtl');
    assert.equal(await page.locator(`a[href="${LINK}"]`).count(), 1);
    await assertNoHorizontalScroll(page, 'the reader page');
    await saveScreenshot(page, 'editor-published-reader-phone');
    await page.close();
    assert.deepEqual(problems, [], 'no CSP refusals or script errors');
  });

  it('stops a stale tab’s autosave with a conflict message, keeps its text, and keeps the newer save', async () => {
    const first = await context.newPage();
    const id = await newDraft(first);
    const stale = await context.newPage();
    await stale.goto(first.url());
    await stale.locator('.nr-rte-content').waitFor();

    const v0 = await versionOf(first);
    await first.locator('.nr-rte-content').click();
    await first.keyboard.type('نص النافذة الأولى، وهو الأحدث.');
    await waitForAutosave(first, v0);

    await stale.bringToFront();
    await stale.locator('.nr-rte-content').click();
    await stale.keyboard.type('Texte du second onglet, écrit sur une version ancienne.');
    const status = stale.locator('.nr-autosave[data-state="conflict"]');
    await status.waitFor({ timeout: 15_000 });
    assert.ok(((await status.textContent()) ?? '').includes(t.editor_conflict));
    assert.equal(
      await status.locator('a').getAttribute('href'),
      stale.url(),
      'the message links to a reload',
    );
    assert.equal(await versionOf(stale), v0, 'the stale tab did not take a version it has not seen');
    assert.match(
      await stale.locator('.nr-rte-content').textContent().then(String),
      /second onglet/,
      'the text is still in the editor',
    );
    await saveScreenshot(stale, 'editor-conflict-phone', 'viewport');
    await saveScreenshot(stale, 'editor-conflict-status-phone', stale.locator('.nr-editor-main'));

    const stored = await site.services.repos.articles.byId(id);
    assert.ok(stored?.bodyHtml.includes('النافذة الأولى'), 'the server keeps the newer save');
    assert.ok(!stored?.bodyHtml.includes('second onglet'), 'the stale text did not overwrite it');

    // Leaving with unsaved text asks first.
    const asked = new Promise<string>((resolve) =>
      stale.once('dialog', (d) => void d.dismiss().then(() => resolve(d.type()))),
    );
    await stale.close({ runBeforeUnload: true });
    assert.equal(await asked, 'beforeunload');

    // Saving the stale text by the form shows both versions side by side; nothing is lost.
    await stale.locator('button[name="intent"][value="save"]').click();
    await stale.waitForLoadState();
    assert.ok(((await stale.locator('.nr-conflict').textContent()) ?? '').includes('النافذة الأولى'));
    assert.match(await stale.locator('#body_html').inputValue(), /second onglet/);
    assert.match(await stale.locator('.nr-rte-content').textContent().then(String), /second onglet/);
    await assertNoHorizontalScroll(stale, 'the conflict page');
    await saveScreenshot(stale, 'editor-conflict-page-phone');
    await stale.close();
    await first.close();
    assert.deepEqual(problems, [], 'no CSP refusals or script errors');
  });
  it('inserts a library image as a figure with srcset, size, alt text and a caption with the credit', async () => {
    await uploadMedia(site.services, {
      buffer: await photoWithGps(1400, 900),
      text: { alt: 'قافلة جمال عند أبواب تمبكتو', caption: 'القافلة عند وصولها', credit: 'تصوير: أمادو' },
    });
    const page = await context.newPage();
    const id = await newDraft(page);
    await page.locator('#title').fill('صورة القافلة');
    await page.locator('.nr-rte-content').click();
    await page.keyboard.type('قبل الصورة.');
    const open = tool(page, t.editor_image);
    await open.waitFor();
    await open.click();
    const dialog = page.locator('dialog.nr-picker');
    await dialog.waitFor();
    assert.equal(await dialog.locator('h2').textContent(), t.editor_mediaTitle);
    await saveScreenshot(page, 'editor-media-picker-phone', 'viewport');
    await dialog.locator('.nr-picker-item', { hasText: 'قافلة جمال' }).click();
    await dialog.waitFor({ state: 'detached' });

    const figure = page.locator('.nr-rte-content figure');
    await figure.waitFor();
    const img = figure.locator('img');
    assert.equal(await img.getAttribute('alt'), 'قافلة جمال عند أبواب تمبكتو');
    assert.match(
      (await img.getAttribute('srcset')) ?? '',
      /\.jpe?g \d+w/,
      'the srcset lists the JPEG widths',
    );
    assert.equal(await img.getAttribute('sizes'), '(min-width: 48rem) 45rem, 100vw');
    assert.ok(Number(await img.getAttribute('width')) > 0 && Number(await img.getAttribute('height')) > 0);
    assert.equal(await figure.locator('figcaption').textContent(), 'القافلة عند وصولها — تصوير: أمادو');
    assert.equal(await figure.locator('figcaption').getAttribute('dir'), 'auto');
    await assertNoHorizontalScroll(page, 'the editor with an image');
    await saveScreenshot(page, 'editor-figure-phone', page.locator('.nr-rte'));

    await openEditorSettings(page);
    await Promise.all([
      page.waitForNavigation(),
      page.locator('button[name="intent"][value="publish"]').click(),
    ]);
    const article = await site.services.repos.articles.byId(id);
    assert.equal(article?.status, 'published');
    assert.match(article?.bodyHtml ?? '', /<figure><img [^>]*srcset="[^"]+"[^>]*><figcaption dir="auto">/);
    await page.goto(site.baseUrl + articlePath(article!));
    const figcaption = page.locator('figcaption', { hasText: 'تصوير: أمادو' });
    assert.equal(await figcaption.count(), 1, 'the reader page shows the caption');
    const readerImg = page.locator('figure', { has: figcaption }).locator('img');
    assert.equal(await readerImg.getAttribute('alt'), 'قافلة جمال عند أبواب تمبكتو');
    assert.ok(((await readerImg.getAttribute('srcset')) ?? '') !== '', 'the reader image has a srcset');
    await saveScreenshot(page, 'editor-figure-reader-phone');
    await page.close();
    assert.deepEqual(problems, [], 'no CSP refusals or script errors');
  });
  it('embeds a YouTube address through the embed dialog as the stored embed and refuses a script link', async () => {
    const page = await context.newPage();
    await newDraft(page);
    await page.locator('.nr-rte-content').click();
    await page.keyboard.type('شاهد المقابلة:');
    await tool(page, t.editor_embed).click();
    const embedDialog = page.locator('dialog.nr-embed-dialog');
    await embedDialog.getByLabel(t.editor_embedPrompt).fill('https://youtu.be/dQw4w9WgXcQ?t=3');
    await embedDialog.getByRole('button', { name: t.editor_embedInsert }).click();
    await embedDialog.waitFor({ state: 'detached' });
    const html = () => page.locator('#body_html').inputValue();
    await page.locator('.nr-rte-content figure.nr-embed[data-embed="youtube"]').waitFor();
    const video = 'https://www.youtube.com/watch?v=dQw4w9WgXcQ&amp;t=3s';
    assert.ok(
      (await html()).includes(
        `<figure data-embed="youtube" data-embed-id="dQw4w9WgXcQ"><a href="${video}">${video}</a></figure>`,
      ),
      await html(),
    );
    assert.equal(await page.locator('iframe, script[src*="youtube"], script[src*="twitter"]').count(), 0);

    // A javascript: address is refused with a message in the link dialog, and nothing is linked.
    await page.keyboard.press('Enter');
    await page.keyboard.type('نص');
    await page.keyboard.press('Shift+Home');
    await tool(page, t.editor_link).click();
    const linkDialog = page.locator('dialog.nr-link-dialog');
    await linkDialog.getByLabel(c.editor_linkUrl).fill('javascript:alert(1)');
    await linkDialog.getByRole('button', { name: c.editor_linkApply }).click();
    assert.equal(await linkDialog.locator('.nr-error').textContent(), t.editor_linkInvalid);
    assert.equal(await linkDialog.getByLabel(c.editor_linkUrl).getAttribute('aria-invalid'), 'true');
    await linkDialog.getByRole('button', { name: c.editor_cancel }).click();
    await linkDialog.waitFor({ state: 'detached' });
    assert.doesNotMatch(await html(), /javascript:/);
    await page.close();
    assert.deepEqual(problems, [], 'no CSP refusals or script errors');
  });
});
