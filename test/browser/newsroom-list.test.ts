// The newsroom's daily pages in Chromium, signed in as an editor at 1366 and 390 px: the article
// list is a table with column headers and labelled row checkboxes, searching it for a word only
// in a draft's body finds the draft, "select all" and a bulk action work, the dashboard, list,
// comments and media pages never scroll sideways and have no serious or critical axe violation;
// and, signed in as an admin, the import progress page updates without reloading.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { AxeResults } from 'axe-core';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { addStaff } from '../../src/services/staff.ts';
import {
  DESKTOP,
  horizontalOverflow,
  launchBrowser,
  overflowingElements,
  PHONE,
  signInNewsroom,
  watchPageProblems,
} from '../support/browser.ts';
import { buildArticle } from '../support/factories.ts';
import { startTestSite, type TestSite } from '../support/site.ts';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');
const PASSWORD = 'sahel editors desk 2026';
const WIDE: BrowserContextOptions = { ...DESKTOP, viewport: { width: 1366, height: 900 } };

let site: TestSite;
let browser: Browser;

before(async () => {
  site = await startTestSite({ listen: true });
  browser = await launchBrowser();
  await addStaff(site.services, {
    email: 'desk-editor@midad.example',
    name: 'محررة المكتب',
    role: 'editor',
    password: PASSWORD,
  });
});
after(async () => {
  await browser?.close();
  await site?.close();
});

async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: axeSource });
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResults> } }).axe.run(document, {
      resultTypes: ['violations'],
    }),
  );
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

for (const [name, options] of [
  ['1366', WIDE],
  ['390', PHONE],
] as const) {
  describe(`the article list and dashboard at ${name} px`, () => {
    it('is a table, finds a draft by a body-only word, runs a bulk action, fits, passes axe', async () => {
      const word = name === '390' ? 'الفسيفساء' : 'الزعفران';
      const draft = await buildArticle(site.services, {
        status: 'draft',
        title: `مسودة المكتب ${name}`,
        bodyHtml: `<p>في السوق القديم يباع ${word} بالغرام قرب الميناء.</p>`,
      });
      const problems: string[] = [];
      const context = await browser.newContext(options);
      watchPageProblems(context, problems);
      const page = await context.newPage();
      try {
        await signInNewsroom(page, site.baseUrl, 'desk-editor@midad.example', PASSWORD);
        await page.goto(`${site.baseUrl}/newsroom/articles`);
        assert.equal(await page.locator('table.nr-articles-table').count(), 1);
        assert.ok((await page.locator('table.nr-articles-table thead th[scope="col"]').count()) >= 8);
        const boxes = page.locator('tbody input[type="checkbox"][name="ids"]');
        assert.ok((await boxes.count()) > 3);
        assert.match((await boxes.first().getAttribute('aria-label')) ?? '', /^حدّد «.+»$/);
        await page.screenshot({ path: `/tmp/newsroom-list-${name}.png`, fullPage: true });

        // "Select all" comes with the script; it ticks and clears every row of the page.
        const all = page.locator('input[data-select-all]');
        await all.check();
        assert.equal(
          await boxes.evaluateAll((els) => els.every((e) => (e as HTMLInputElement).checked)),
          true,
        );
        await all.uncheck();
        assert.equal(
          await boxes.evaluateAll((els) => els.some((e) => (e as HTMLInputElement).checked)),
          false,
        );

        // Searching the body, with ة typed as ه where it applies, finds the draft.
        await page.locator('input[name="q"]').fill(word.replace(/ة$/, 'ه'));
        await Promise.all([
          page.waitForURL(/q=/),
          page.locator('.nr-filter-row button[type="submit"]').click(),
        ]);
        const row = page.locator('tbody tr', { hasText: draft.title });
        assert.equal(await row.count(), 1, 'the draft is found by a word of its body');

        // Publish it from the bulk bar.
        await row.locator('input[name="ids"]').check();
        await page.locator('select[name="action"]').selectOption('publish');
        await Promise.all([
          page.waitForURL(/\/newsroom\/articles\/bulk/),
          page.locator('.nr-bulk button[type="submit"]').click(),
        ]);
        assert.match((await page.locator('.nr-notice').textContent()) ?? '', /تمّ على 1/);
        assert.equal((await site.services.repos.articles.byId(draft.id))?.status, 'published');
        await page.screenshot({ path: `/tmp/newsroom-list-bulk-${name}.png`, fullPage: true });

        for (const path of ['/newsroom', '/newsroom/articles', '/newsroom/comments', '/newsroom/media']) {
          await page.goto(`${site.baseUrl}${path}`);
          const overflow = await horizontalOverflow(page);
          assert.equal(overflow, 0, `${path} at ${name}: ${(await overflowingElements(page)).join(', ')}`);
          await page.screenshot({
            path: `/tmp/newsroom-${path.split('/').pop() || 'dashboard'}-${name}.png`,
            fullPage: true,
          });
        }
        assert.deepEqual(problems, [], 'no CSP refusal or script error');
      } finally {
        await context.close();
      }

      // axe runs in a context that lets its script in; the pages are the same.
      const axeContext = await browser.newContext({ ...options, bypassCSP: true });
      const axePage = await axeContext.newPage();
      try {
        await signInNewsroom(axePage, site.baseUrl, 'desk-editor@midad.example', PASSWORD);
        for (const path of ['/newsroom', '/newsroom/articles', '/newsroom/comments', '/newsroom/media']) {
          await axePage.goto(`${site.baseUrl}${path}`);
          assert.deepEqual(await seriousViolations(axePage), [], `${path} at ${name}`);
        }
      } finally {
        await axeContext.close();
      }
    });
  });
}

describe('import progress', () => {
  it('updates in place, without reloading, until the run ends', async () => {
    const at = new Date().toISOString();
    const run = await site.services.repos.importRuns.create({
      fileName: 'archive.xml',
      filePath: '/nowhere/archive.xml',
      options: {},
      personId: null,
      at,
    });
    await site.services.repos.importRuns.start(run.id, at);
    await site.services.repos.importRuns.progress(run.id, 10, 100, at);
    const context = await browser.newContext(PHONE);
    const problems: string[] = [];
    watchPageProblems(context, problems);
    const page = await context.newPage();
    try {
      await signInNewsroom(page, site.baseUrl, site.admin.email, site.admin.password);
      await page.goto(`${site.baseUrl}/newsroom/import/${run.id}`);
      assert.equal(await page.locator('meta[http-equiv="refresh"]').count(), 0);
      // Set on this document only: a reload would lose it.
      await page.evaluate(() => {
        (window as unknown as { stayed: boolean }).stayed = true;
      });
      assert.equal(
        await page.locator('[data-refresh]').isHidden(),
        true,
        'the refresh link gives way to the script',
      );
      await site.services.repos.importRuns.progress(run.id, 60, 100, new Date().toISOString());
      await page.locator('[data-progress-text]', { hasText: '60 من 100' }).waitFor({ timeout: 10_000 });
      assert.equal(await page.locator('progress').evaluate((p) => (p as HTMLProgressElement).value), 60);
      await site.services.repos.importRuns.finish(
        run.id,
        { status: 'done', report: {} },
        new Date().toISOString(),
      );
      await page.locator('[data-summary-link]').waitFor({ state: 'visible', timeout: 10_000 });
      assert.match((await page.locator('[data-live]').textContent()) ?? '', /انتهى الاستيراد/);
      assert.equal(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed), true);
      await page.screenshot({ path: '/tmp/newsroom-import-progress-390.png', fullPage: true });
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
