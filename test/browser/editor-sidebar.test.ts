// The editor's frame in Chromium: at 1366 px the settings sidebar sits beside the text, at 390 px
// it is a sheet that opens and closes and nothing scrolls sideways; tags and authors are
// comboboxes whose suggestions are options picked by keyboard; the featured image is chosen
// from thumbnails in a dialog; links are added in a dialog and prompt() is never called;
// Ctrl+S saves; no serious or critical axe violation at either width.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { AxeResults } from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { photoWithGps, tinyPdf } from '../../src/media/test-images.ts';
import { ingestUpload } from '../../src/services/media/upload-media.ts';
import { addStaff } from '../../src/services/staff.ts';
import { editorChromeMessages } from '../../src/web/newsroom/articles/editor-messages.ts';
import { articleMessages } from '../../src/web/newsroom/articles/messages.ts';
import {
  horizontalOverflow,
  launchBrowser,
  overflowingElements,
  PHONE,
  signInNewsroom,
  watchPageProblems,
} from '../support/browser.ts';
import { startTestSite, type TestSite } from '../support/site.ts';

const t = articleMessages('ar');
const c = editorChromeMessages('ar');
const EDITOR = { email: 'salma.editor@example.org', password: 'Ghadames-2026-oasis-walls', name: 'سلمى' };
const CO_AUTHOR = { email: 'idriss.author@example.org', password: 'Agadez-2026-grand-mosque', name: 'إدريس' };
const DESKTOP_1366 = { viewport: { width: 1366, height: 900 }, reducedMotion: 'reduce' as const };
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');

let site: TestSite;
let browser: Browser;
const problems: string[] = [];
const contexts: BrowserContext[] = [];

before(async () => {
  site = await startTestSite({ listen: true });
  await addStaff(site.services, { ...EDITOR, role: 'editor' });
  await addStaff(site.services, { ...CO_AUTHOR, role: 'author' });
  for (const name of ['واحات', 'واحات الجنوب', 'فقارة']) {
    await site.services.repos.tags.create({ slug: `t-${name.length}-${name.charCodeAt(2)}`, name });
  }
  await ingestUpload(site.services, {
    buffer: await photoWithGps(1400, 900),
    text: { alt: 'واحة غدامس عند الغروب', caption: 'أسوار المدينة القديمة', credit: 'تصوير: سلمى' },
  });
  browser = await launchBrowser();
});
after(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await site?.close();
});

async function signedIn(options: object): Promise<BrowserContext> {
  const context = await browser.newContext({ ...options, bypassCSP: false });
  contexts.push(context);
  watchPageProblems(context, problems);
  // prompt(), alert() and confirm() must never be used: any call is recorded as a failure.
  await context.addInitScript(() => {
    for (const name of ['prompt', 'alert', 'confirm'] as const) {
      (window as unknown as Record<string, unknown>)[name] = () => {
        (window as unknown as { __blocking: string[] }).__blocking ??= [];
        (window as unknown as { __blocking: string[] }).__blocking.push(name);
        throw new Error(`${name}() was called`);
      };
    }
  });
  const page = await context.newPage();
  await signInNewsroom(page, site.baseUrl, EDITOR.email, EDITOR.password);
  await page.close();
  return context;
}

async function newDraft(page: Page): Promise<number> {
  await page.goto(`${site.baseUrl}/newsroom/articles`);
  await Promise.all([
    page.waitForURL(/\/newsroom\/articles\/\d+$/),
    page.locator('form[action="/newsroom/articles/new"] button').click(),
  ]);
  await page.locator('.nr-rte-content').waitFor();
  return Number(/articles\/(\d+)/.exec(page.url())?.[1]);
}

const blockingCalls = (page: Page) =>
  page.evaluate(() => (window as unknown as { __blocking?: string[] }).__blocking ?? []);

async function axeSerious(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol, which the page's CSP does not govern: the
  // page keeps its real policy, so a CSP refusal by our own scripts still shows.
  await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResults> } }).axe.run(document, {
      resultTypes: ['violations'],
    }),
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('editor sidebar at 1366 px', () => {
  it('sits beside the text; comboboxes, featured image, link dialog and Ctrl+S work', async () => {
    const context = await signedIn(DESKTOP_1366);
    const page = await context.newPage();
    const id = await newDraft(page);
    const side = await page.locator('#editor-settings').boundingBox();
    const main = await page.locator('.nr-editor-main').boundingBox();
    assert.ok(side && main, 'both columns are shown');
    // Arabic page: the text starts on the right, the sidebar is on its left, side by side.
    assert.ok(
      side.x + side.width <= main.x + 1,
      `sidebar [${side.x}, ${side.x + side.width}] left of text [${main.x}]`,
    );
    assert.ok(Math.abs(side.y - main.y) < 40, 'the two columns start at the same height');
    assert.ok(main.width >= 600, `the text column is wide (${main.width})`);
    assert.equal(await page.locator('.nr-settings-toggle').isVisible(), false, 'no sheet button at desktop');
    await page.locator('#title').fill('مياه الواحات في الصحراء الكبرى');
    await page.locator('.nr-rte-content').click();
    await page.keyboard.type('تعتمد الواحات على مياه جوفية قديمة. ');
    assert.match(
      (await page.locator('.nr-words').textContent()) ?? '',
      /^6 /,
      'the word count follows the text',
    );

    // Tags: a combobox; typing offers options; Down, Down, Enter picks the second.
    const tags = page.locator('#tags');
    assert.equal(await tags.getAttribute('role'), 'combobox');
    await tags.fill('واحات');
    const listbox = page.locator(`#${await tags.getAttribute('aria-controls')}`);
    assert.equal(await listbox.getAttribute('role'), 'listbox');
    await listbox.locator('[role="option"]').first().waitFor();
    assert.equal(await tags.getAttribute('aria-expanded'), 'true');
    assert.deepEqual(await listbox.locator('[role="option"]').allTextContents(), ['واحات', 'واحات الجنوب']);
    await tags.press('ArrowDown');
    await tags.press('ArrowDown');
    const activeId = await tags.getAttribute('aria-activedescendant');
    assert.equal(await page.locator(`#${activeId}`).textContent(), 'واحات الجنوب');
    await tags.press('Enter');
    assert.equal(page.url().endsWith(`/articles/${id}`), true, 'Enter picked, it did not post the form');
    assert.deepEqual(await page.locator('[data-combobox="tags"] .nr-chip bdi').allTextContents(), [
      'واحات الجنوب',
    ]);
    // Escape closes the list without picking.
    await tags.fill('فقا');
    await listbox.locator('[role="option"]').first().waitFor();
    await tags.press('Escape');
    assert.equal(await tags.getAttribute('aria-expanded'), 'false');
    await tags.fill('');

    // Authors: a combobox too; the co-author is added by keyboard.
    const authors = page.locator('#author-search');
    assert.equal(await authors.getAttribute('role'), 'combobox');
    await authors.fill('إدر');
    await authors.press('ArrowDown');
    await authors.press('Enter');
    assert.deepEqual(await page.locator('[data-combobox="authors"] .nr-chip bdi').allTextContents(), [
      EDITOR.name,
      CO_AUTHOR.name,
    ]);

    // The featured image: a dialog of thumbnails; the picture then shows in the sidebar.
    const choose = page.getByRole('button', { name: c.editor_chooseFeatured });
    await choose.click();
    const picker = page.locator('dialog.nr-picker');
    await picker.waitFor();
    assert.equal(await picker.locator('h2').textContent(), c.editor_chooseFeatured);
    assert.ok((await picker.locator('.nr-picker-item img').count()) >= 1, 'thumbnails');
    // A file dropped on the dialog that is not an image is refused there, with the reason, and
    // never sent; one that only looks like an image is refused by the server, whose reason shows.
    const drop = (bytes: number[], name: string) =>
      picker.evaluate(
        (dialog, [data, fileName]) => {
          const transfer = new DataTransfer();
          transfer.items.add(
            new File([new Uint8Array(data as number[])], fileName as string, { type: 'image/jpeg' }),
          );
          dialog.dispatchEvent(
            new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
          );
        },
        [bytes, name] as const,
      );
    const uploads: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/newsroom/media')) uploads.push(r.url());
    });
    await drop([...tinyPdf()], 'budget.jpg');
    assert.equal(await picker.locator('details.nr-picker-upload').getAttribute('open'), '');
    await picker.locator('#nr-picker-alt').fill('ليست صورة');
    await picker.getByRole('button', { name: t.editor_mediaUploadSend }).click();
    await picker.locator('.nr-picker-status', { hasText: c.editor_mediaNotImage }).waitFor();
    assert.deepEqual(uploads, [], 'nothing was sent');
    await drop([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 64 }, (_, i) => i)], 'broken.jpg');
    const refusal = page.waitForResponse(
      (r) => r.url().endsWith('/newsroom/media') && r.request().method() === 'POST',
    );
    await picker.getByRole('button', { name: t.editor_mediaUploadSend }).click();
    const answer = await refusal;
    assert.equal(answer.status(), 422, 'the server read the bytes and refused them');
    const reason = ((await answer.json()) as { error: { message: string } }).error.message;
    await picker.locator('.nr-picker-status', { hasText: reason }).waitFor();
    assert.equal((await site.services.repos.media.list({ limit: 50, q: 'ليست صورة' })).items.length, 0);
    await picker.locator('.nr-picker-item', { hasText: 'واحة غدامس' }).click();
    await picker.waitFor({ state: 'detached' });
    assert.equal(await page.locator('.nr-featured-preview img').getAttribute('alt'), 'واحة غدامس عند الغروب');

    // The link: a dialog, never prompt().
    await page.locator('.nr-rte-content').click();
    await page.keyboard.press('End');
    await page.locator(`.nr-rte-toolbar button[aria-label="${t.editor_link}"]`).click();
    const linkDialog = page.locator('dialog.nr-link-dialog');
    await linkDialog.waitFor();
    await linkDialog.getByLabel(c.editor_linkUrl).fill('https://example.org/oases');
    await linkDialog.getByLabel(c.editor_linkText).fill('تقرير الواحات');
    await linkDialog.getByLabel(c.editor_linkNewTab).check();
    await linkDialog.getByRole('button', { name: c.editor_linkApply }).click();
    await linkDialog.waitFor({ state: 'detached' });
    assert.match(
      await page.locator('#body_html').inputValue(),
      /<a target="_blank" rel="noopener" href="https:\/\/example.org\/oases">تقرير الواحات<\/a>/,
    );

    // Ctrl+S posts the form once and the page says it saved.
    const posted = page.waitForRequest(
      (r) => r.method() === 'POST' && r.url().endsWith(`/newsroom/articles/${id}`),
    );
    await Promise.all([page.waitForURL(/done=save/), page.keyboard.press('Control+s')]);
    assert.match((await posted).postData() ?? '', /intent=save/);
    const saved = await site.services.repos.articles.byId(id);
    const savedTags = await site.services.repos.tags.byIds(saved!.tagIds);
    assert.deepEqual(
      savedTags.map((tag) => tag.name),
      ['واحات الجنوب'],
    );
    assert.equal(saved?.authorIds.length, 2);
    assert.ok(saved?.featuredMediaId, 'the featured image was saved');
    assert.match(saved?.bodyHtml ?? '', /<a [^>]*target="_blank"[^>]*>تقرير الواحات/);
    assert.match(saved?.bodyHtml ?? '', /<a [^>]*rel="noopener"[^>]*>تقرير الواحات/);
    assert.deepEqual(await blockingCalls(page), [], 'no prompt(), alert() or confirm()');
    await page.screenshot({ path: '/tmp/editor-1366.png', fullPage: false });

    assert.deepEqual(await axeSerious(page), [], 'no serious or critical axe violations at 1366 px');
    await page.close();
    assert.deepEqual(problems, [], 'no CSP refusals or script errors');
  });
});

describe('editor sidebar at 390 px', () => {
  it('is a sheet that opens and closes; nothing scrolls sideways; trash asks in a dialog', async () => {
    const context = await signedIn(PHONE);
    const page = await context.newPage();
    await newDraft(page);
    const side = page.locator('#editor-settings');
    const toggle = page.locator('.nr-settings-toggle');
    assert.equal(await side.isVisible(), false, 'the sheet starts closed');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(
      await page.locator('button[name="intent"][value="save"]').isVisible(),
      true,
      'save is in sight',
    );
    assert.equal(await horizontalOverflow(page), 0, (await overflowingElements(page)).join('\n'));
    await page.screenshot({ path: '/tmp/editor-390.png', fullPage: false });

    await toggle.click();
    assert.equal(await side.isVisible(), true, 'the sheet opens');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const box = await side.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= 391, 'the sheet fits the phone');
    assert.equal(await horizontalOverflow(page), 0, (await overflowingElements(page)).join('\n'));
    await page.screenshot({ path: '/tmp/editor-390-sheet.png', fullPage: false });
    assert.deepEqual(
      await axeSerious(page),
      [],
      'no serious or critical axe violations at 390 px (sheet open)',
    );

    // The tag combobox works in the sheet too.
    await page.locator('#tags').fill('فقا');
    await page.locator('[role="option"]', { hasText: 'فقارة' }).waitFor();
    await page.screenshot({ path: '/tmp/editor-390-combobox.png' });
    await page.locator('#tags').press('ArrowDown');
    await page.locator('#tags').press('Enter');
    assert.deepEqual(await page.locator('[data-combobox="tags"] .nr-chip bdi').allTextContents(), ['فقارة']);

    // Trash asks in a dialog; "cancel" keeps the article where it is.
    await page.locator('button[name="intent"][value="trash"]').click();
    const confirm = page.locator('dialog.nr-dialog-confirm');
    await confirm.waitFor();
    assert.equal(await confirm.locator('h2').textContent(), c.editor_confirmTrash);
    await confirm.getByRole('button', { name: c.editor_cancel }).click();
    await confirm.waitFor({ state: 'detached' });

    await page.keyboard.press('Escape');
    await side.waitFor({ state: 'hidden' });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.equal(
      await page.evaluate(() => document.activeElement?.className),
      'nr-secondary nr-settings-toggle',
    );
    assert.deepEqual(await axeSerious(page), [], 'no serious or critical axe violations at 390 px');
    assert.deepEqual(await blockingCalls(page), [], 'no prompt(), alert() or confirm()');
    await page.close();
    assert.deepEqual(problems, [], 'no CSP refusals or script errors');
  });
});

describe('editor without JavaScript at 390 px', () => {
  it('keeps the plain form: settings follow the text, authors are menus, and saving works', async () => {
    const context = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
    contexts.push(context);
    const page = await context.newPage();
    await signInNewsroom(page, site.baseUrl, EDITOR.email, EDITOR.password);
    await page.goto(`${site.baseUrl}/newsroom/articles`);
    await Promise.all([
      page.waitForURL(/\/newsroom\/articles\/\d+$/),
      page.locator('form[action="/newsroom/articles/new"] button').click(),
    ]);
    const id = Number(/articles\/(\d+)/.exec(page.url())?.[1]);
    assert.equal(await page.locator('#editor-settings').isVisible(), true, 'the settings are on the page');
    assert.equal(
      await page.locator('.nr-settings-toggle').isVisible(),
      false,
      'no button that needs a script',
    );
    assert.equal((await page.locator('select[name="author_ids"]').count()) >= 1, true);
    assert.equal(await horizontalOverflow(page), 0, (await overflowingElements(page)).join('\n'));
    await page.locator('#title').fill('بلا سكربت');
    await page.locator('#body_html').fill('<p>نص كُتب دون سكربت.</p>');
    await page.locator('#tags').fill('واحات، حصاد التمر');
    await Promise.all([
      page.waitForURL(/done=save/),
      page.locator('button[name="intent"][value="save"]').click(),
    ]);
    const saved = (await site.services.repos.articles.byId(id))!;
    assert.equal(saved.title, 'بلا سكربت');
    const names = (await site.services.repos.tags.byIds(saved.tagIds)).map((tag) => tag.name).sort();
    assert.deepEqual(names, ['حصاد التمر', 'واحات'].sort());
    await page.close();
  });
});
