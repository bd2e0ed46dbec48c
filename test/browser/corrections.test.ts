// Corrections in Chromium at phone width (390 px): an editor adds a correction from the article
// editor's form (no script needed), the reader page shows it at the top, dated, in Arabic
// (right to left) without sideways scrolling, and axe finds no serious or critical violation.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { AxeResults } from 'axe-core';
import type { Browser, BrowserContext } from 'playwright-core';
import { addStaff } from '../../src/services/staff.ts';
import { articlePath } from '../../src/web/reader/urls.ts';
import { buildArticle } from '../support/factories.ts';
import {
  horizontalOverflow,
  launchBrowser,
  PHONE,
  saveScreenshot,
  signInNewsroom,
  watchPageProblems,
} from '../support/browser.ts';
import { startTestSite, type TestSite } from '../support/site.ts';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');
const EDITOR = { email: 'mariama.editor@example.org', password: 'Zinder-2026-sultanat', name: 'مريمة' };
const TEXT = 'ذكرنا في نسخة سابقة أن السوق يفتح يوم الجمعة، والصحيح أنه يفتح يوم الخميس. نعتذر عن الخطأ.';

let site: TestSite;
let browser: Browser;
let newsroom: BrowserContext;
let reader: BrowserContext;
const problems: string[] = [];

before(
  async () => {
    site = await startTestSite({ listen: true });
    await addStaff(site.services, { ...EDITOR, role: 'editor' });
    browser = await launchBrowser();
    newsroom = await browser.newContext(PHONE);
    watchPageProblems(newsroom, problems);
    // axe is added to the page as a script: this context alone lets it past the site's CSP.
    reader = await browser.newContext({ ...PHONE, bypassCSP: true });
    const page = await newsroom.newPage();
    await signInNewsroom(page, site.baseUrl, EDITOR.email, EDITOR.password);
    await page.close();
  },
  { timeout: 60_000 },
);
after(async () => {
  await newsroom?.close();
  await reader?.close();
  await browser?.close();
  await site?.close();
});

describe('corrections', { timeout: 120_000 }, () => {
  it('an editor adds a correction and readers see it at the top of the article', async () => {
    const article = await buildArticle(site.services, { lang: 'ar', title: 'سوق الماشية في تاهوا' });
    const page = await newsroom.newPage();
    await page.goto(`${site.baseUrl}/newsroom/articles/${article.id}`);
    const form = page.locator(`form[action="/newsroom/articles/${article.id}/corrections"]`);
    await form.locator('select[name="kind"]').selectOption('correction');
    await form.locator('textarea[name="body"]').fill(TEXT);
    await Promise.all([
      page.waitForURL(/\/corrections\?done=added$/),
      form.locator('button[type="submit"]').click(),
    ]);
    assert.equal(
      await page
        .locator(
          `#note-${(await site.services.repos.corrections.listForArticle(article.id))[0]?.id} textarea`,
        )
        .inputValue(),
      TEXT,
    );
    assert.equal(await horizontalOverflow(page), 0, 'the newsroom page fits 390 px');
    await page.close();

    const readerPage = await reader.newPage();
    const response = await readerPage.goto(site.baseUrl + articlePath(article));
    assert.equal(response?.status(), 200);
    const box = readerPage.locator('section.article-corrections');
    assert.equal(await box.locator('h2').textContent(), 'تصحيحات');
    assert.equal(await box.locator('.article-note-text').textContent(), TEXT);
    assert.equal(await box.locator('strong').textContent(), 'تصحيح');
    assert.match((await box.locator('time').getAttribute('datetime')) ?? '', /^\d{4}-\d{2}-\d{2}T/);
    assert.equal(
      await readerPage.evaluate(
        () => getComputedStyle(document.querySelector('.article-notes-group')!).direction,
      ),
      'rtl',
    );
    // At the top: above the article's text.
    const notesTop = (await box.boundingBox())!.y;
    const bodyTop = (await readerPage.locator('.article-body').boundingBox())!.y;
    assert.ok(notesTop < bodyTop, 'the correction is above the text');
    // The box's line sits on the right, where an Arabic reader starts.
    const borders = await readerPage.evaluate(() => {
      const s = getComputedStyle(document.querySelector('.article-notes-group')!);
      return { right: s.borderRightWidth, left: s.borderLeftWidth };
    });
    assert.deepEqual(borders, { right: '4px', left: '0px' });
    assert.equal(await horizontalOverflow(readerPage), 0, 'no sideways scrolling at 390 px');
    await saveScreenshot(readerPage, 'corrections-article-phone');

    await readerPage.addScriptTag({ content: axeSource });
    const results = await readerPage.evaluate(() =>
      (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResults> } }).axe.run(
        document,
        {
          resultTypes: ['violations'],
        },
      ),
    );
    const grave = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(
      grave.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      [],
    );

    const list = await reader.newPage();
    await list.goto(`${site.baseUrl}/corrections`);
    assert.equal(await list.locator(`a[href="${articlePath(article)}"]`).count(), 1);
    assert.equal(await horizontalOverflow(list), 0);
    await list.close();
    await readerPage.close();
    assert.deepEqual(problems, []);
  });
});
