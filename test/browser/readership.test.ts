// The readership overview in Chromium on a 390 px phone: counted reads drawn as a chart with
// its label and table, no sideways scroll, and no serious or critical axe-core violation.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { AxeResults } from 'axe-core';
import type { Browser } from 'playwright-core';
import {
  horizontalOverflow,
  launchBrowser,
  overflowingElements,
  PHONE,
  signInNewsroom,
} from '../support/browser.ts';
import { startTestSite, type TestSite } from '../support/site.ts';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');

let site: TestSite;
let browser: Browser;

before(async () => {
  site = await startTestSite({ listen: true });
  browser = await launchBrowser();
  const article = site.mainArticle;
  const hours = [];
  const referrers = [];
  for (let i = 0; i < 30; i++) {
    const day = new Date(Date.now() - i * 86_400_000).toISOString().slice(0, 10);
    hours.push({ article_id: article.id, hour: `${day}T10`, lang: 'ar', views: 100 + ((i * 37) % 400) });
    referrers.push({ article_id: article.id, day, domain: i % 2 ? 'facebook.com' : '', views: 20 + i });
  }
  await site.services.db.kysely.insertInto('readership_hours').values(hours).execute();
  await site.services.db.kysely.insertInto('readership_referrers').values(referrers).execute();
  await site.services.db.kysely
    .insertInto('readership_devices')
    .values({
      article_id: article.id,
      day: new Date().toISOString().slice(0, 10),
      device: 'phone',
      views: 90,
    })
    .execute();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

describe('readership overview in a browser', () => {
  it('fits a 390 px phone and has no serious or critical axe-core violation', async () => {
    const context = await browser.newContext({ ...PHONE, bypassCSP: true });
    try {
      const page = await context.newPage();
      await signInNewsroom(page, site.baseUrl, site.admin.email, site.admin.password);
      const response = await page.goto(`${site.baseUrl}/newsroom/readership?days=30`);
      assert.equal(response?.status(), 200);
      const chart = page.locator('figure svg[role="img"]');
      assert.equal(await chart.count(), 1);
      assert.match((await chart.getAttribute('aria-label')) ?? '', /\d/);
      assert.equal(await page.locator('.nr-chart-bar').count(), 30);
      const box = await chart.boundingBox();
      assert.ok(
        box && box.width > 250 && box.x >= 0 && box.x + box.width <= 390,
        `chart box ${JSON.stringify(box)}`,
      );
      assert.equal(
        await horizontalOverflow(page),
        0,
        `sideways scroll: ${(await overflowingElements(page)).join(', ')}`,
      );
      await page.addScriptTag({ content: axeSource });
      const results = await page.evaluate(() =>
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
    } finally {
      await context.close();
    }
  });
});
