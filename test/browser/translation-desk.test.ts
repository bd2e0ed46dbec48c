// The translation desk in Chromium: an editor opens a published Arabic article, follows the
// translations link in the editor's sidebar, starts a French translation, finds the Arabic text
// copied beside it, translates the title and text and publishes; both reader pages then name
// each other as hreflang alternates. A correction of the Arabic source flags the French version
// in its editor and on the desk until the editor marks it reviewed. axe finds nothing serious.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { AxeResults } from 'axe-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addStaff } from '../../src/services/staff.ts';
import { articleMessages } from '../../src/web/newsroom/articles/messages.ts';
import { translationMessages } from '../../src/web/newsroom/translations/messages.ts';
import { articlePath } from '../../src/web/reader/urls.ts';
import { buildArticle } from '../support/factories.ts';
import {
  launchBrowser,
  PHONE,
  saveScreenshot,
  signInNewsroom,
  watchPageProblems,
} from '../support/browser.ts';
import { startTestSite, type TestSite } from '../support/site.ts';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');
const t = translationMessages('ar');
const ta = articleMessages('ar');
const EDITOR = { email: 'hawa.desk@example.org', password: 'Gao-2026-askia-tomb', name: 'حواء مايغا' };
const SOURCE_TEXT = 'افتتحت البلدية صباح اليوم مكتبة عامة جديدة في حي الشاطئ، تضم ثلاثة آلاف كتاب.';
const FRENCH_TITLE = 'Une nouvelle bibliothèque publique ouvre au quartier du Fleuve';
const FRENCH_TEXT = 'La mairie a ouvert ce matin une bibliothèque publique de trois mille livres.';

let site: TestSite;
let browser: Browser;
let context: BrowserContext;
const problems: string[] = [];

before(async () => {
  site = await startTestSite({ listen: true });
  await addStaff(site.services, { ...EDITOR, role: 'editor' });
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1366, height: 900 }, bypassCSP: true });
  watchPageProblems(context, problems);
});

after(async () => {
  await browser?.close();
  await site?.close();
});

async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const result = (await page.evaluate(() =>
    (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run(),
  )) as AxeResults;
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const hreflangs = (page: Page) =>
  page.$$eval('link[rel="alternate"][hreflang]', (links) =>
    links
      .map((l) => l.getAttribute('hreflang') ?? '')
      .filter((h) => h !== 'x-default')
      .sort(),
  );

describe('translating an article from the newsroom', () => {
  it('makes, publishes and links a French version, and flags it when the source is corrected', async () => {
    const source = await buildArticle(site.services, {
      lang: 'ar',
      title: 'مكتبة عامة جديدة في حي الشاطئ',
      bodyHtml: `<p>${SOURCE_TEXT}</p>`,
      publishedAt: new Date(Date.now() - 600_000).toISOString(),
    });
    const page = await context.newPage();
    await signInNewsroom(page, site.baseUrl, EDITOR.email, EDITOR.password);
    await page.goto(`${site.baseUrl}/newsroom/articles/${source.id}`);
    await page.getByRole('link', { name: t.translateInto }).click();
    await page.waitForURL(/\/translations$/);
    assert.deepEqual(await axe(page), []);
    await page.getByLabel(t.language).selectOption('fr');
    await page.getByRole('button', { name: t.start }).click();
    await page.waitForURL(/\/newsroom\/articles\/\d+$/);
    const draftId = Number(/articles\/(\d+)$/.exec(page.url())?.[1]);
    assert.notEqual(draftId, source.id);

    // The Arabic text is there to translate, and beside the editor to read.
    assert.equal(await page.locator('#title').inputValue(), source.title);
    const beside = page.locator('.nr-translation-source');
    assert.match((await beside.textContent()) ?? '', /ثلاثة آلاف كتاب/);
    assert.equal(await beside.getAttribute('dir'), 'rtl');

    await page.locator('#title').fill(FRENCH_TITLE);
    const body = page.locator('.nr-rte-content');
    await body.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(FRENCH_TEXT);
    await page.getByRole('button', { name: ta.publish, exact: true }).click();
    await page.waitForLoadState('load');
    const published = await site.services.repos.articles.byId(draftId);
    assert.equal(published?.status, 'published');
    assert.equal(published?.title, FRENCH_TITLE);
    assert.equal(published?.lang, 'fr');

    const reader = await browser.newContext({ ...PHONE, serviceWorkers: 'block' });
    const readerPage = await reader.newPage();
    await readerPage.goto(`${site.baseUrl}${articlePath(source)}`);
    assert.deepEqual(await hreflangs(readerPage), ['ar', 'fr']);
    await readerPage.goto(`${site.baseUrl}${articlePath(published!)}`);
    assert.deepEqual(await hreflangs(readerPage), ['ar', 'fr']);
    assert.equal(await readerPage.locator('html').getAttribute('dir'), 'ltr');
    await reader.close();

    // A correction of the source, added from its editor, flags the published translation.
    await page.waitForTimeout(20);
    await page.goto(`${site.baseUrl}/newsroom/articles/${source.id}/corrections`);
    await page.locator('#correction-body').fill('تضم المكتبة ثلاثة آلاف كتاب لا ألفين.');
    await page.locator('form[action$="/corrections"] button[type="submit"]').click();
    await page.waitForLoadState('load');
    await page.goto(`${site.baseUrl}/newsroom/articles/${draftId}`);
    assert.equal(await page.locator('.nr-editor-translations .nr-flag').count(), 1, 'flag in the editor');
    await page.goto(`${site.baseUrl}/newsroom/articles/${draftId}/translations`);
    assert.equal(await page.locator('.nr-flag').count(), 1, 'flag on the desk');
    await saveScreenshot(page, 'translation-desk-flagged');
    assert.deepEqual(await axe(page), []);
    await page.getByRole('button', { name: t.markReviewed }).click();
    await page.waitForURL(/done=reviewed/);
    assert.equal(await page.locator('.nr-flag').count(), 0, 'reviewed: no flag');
    assert.deepEqual(problems, []);
  });
});
