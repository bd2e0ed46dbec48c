// axe-core in Chromium on the reader pages (home, section, article, author, French home), at
// phone and desktop widths: no violation of serious or critical impact.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import type { AxeResults, Result } from 'axe-core';
import type { Browser, BrowserContext } from 'playwright-core';
import { DESKTOP, launchBrowser, PHONE, type ReaderPage, readerPages } from '../support/browser.ts';
import { createWebhook } from '../../src/services/webhooks/manage.ts';
import { startTestSite, type TestSite } from '../support/site.ts';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core'), 'utf8');

let site: TestSite;
let browser: Browser;
let pages: ReaderPage[];

before(async () => {
  site = await startTestSite({ listen: true });
  browser = await launchBrowser();
  pages = await readerPages(site);
});
after(async () => {
  await browser?.close();
  await site?.close();
});

function describeViolation(v: Result): string {
  const targets = v.nodes
    .slice(0, 5)
    .map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`)
    .join('\n');
  return `  [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n${targets}`;
}

async function violations(context: BrowserContext, path: string): Promise<Result[]> {
  const page = await context.newPage();
  try {
    const response = await page.goto(site.baseUrl + path);
    assert.equal(response?.status(), 200, `${path} answers 200`);
    // The site's Content-Security-Policy forbids inline scripts; the context bypasses it for axe only.
    await page.addScriptTag({ content: axeSource });
    const results = await page.evaluate(() =>
      (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResults> } }).axe.run(
        document,
        {
          resultTypes: ['violations'],
        },
      ),
    );
    return results.violations;
  } finally {
    await page.close();
  }
}

describe('accessibility (axe-core)', () => {
  for (const [width, options] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`reader pages have no serious or critical violations at ${width} width`, async () => {
      const context = await browser.newContext({ ...options, bypassCSP: true });
      try {
        const report: string[] = [];
        for (const { name, path } of pages) {
          const found = await violations(context, path);
          const grave = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
          if (grave.length > 0) report.push(`${name} (${path}):\n${grave.map(describeViolation).join('\n')}`);
          const minor = found.filter((v) => !grave.includes(v));
          if (minor.length > 0) {
            console.log(
              `# axe, ${width}, ${name}: minor — ${minor.map((v) => `${v.id} (${v.impact})`).join(', ')}`,
            );
          }
        }
        assert.equal(
          report.length,
          0,
          `axe-core found serious or critical violations:\n${report.join('\n')}`,
        );
      } finally {
        await context.close();
      }
    });
  }
});

describe('accessibility of the newsroom (axe-core)', () => {
  it('newsroom pages, the editor included, have no serious or critical violations and fit a phone', async () => {
    const context = await browser.newContext({ ...PHONE, bypassCSP: true });
    try {
      const signIn = await context.newPage();
      await signIn.goto(`${site.baseUrl}/newsroom/sign-in`);
      const before = await violations(context, '/newsroom/sign-in');
      await signIn.locator('#email').fill(site.admin.email);
      await signIn.locator('#password').fill(site.admin.password);
      await Promise.all([
        signIn.waitForURL(/\/newsroom$/),
        signIn.locator('form button[type="submit"]').click(),
      ]);
      await signIn.close();
      const admin = await site.services.repos.people.byEmail(site.admin.email);
      const webhook = await createWebhook(
        site.services,
        { person: admin!, ipHash: '' },
        {
          url: 'https://hooks.example.org/midad/incoming-articles-for-the-partner-agency-archive',
          description: 'Partner agency archive',
          events: ['article.published', 'article.unpublished'],
        },
      );
      // A delivery in the log, as a failed attempt leaves it.
      const [queued] = await site.services.repos.webhookDeliveries.enqueue([
        {
          webhookId: webhook.id,
          event: 'article.published',
          payload: { article: { id: site.mainArticle.id, title: site.mainArticle.title } },
        },
      ]);
      const claimed = await site.services.repos.webhookDeliveries.claim(queued!, new Date().toISOString());
      await site.services.repos.webhookDeliveries.record(claimed!, {
        status: 'failed',
        nextAttemptAt: null,
        responseStatus: 502,
        error: 'Bad gateway: the upstream server did not answer in time',
        durationMs: 120,
      });
      const paths = [
        '/newsroom',
        '/newsroom/articles',
        `/newsroom/articles/${site.mainArticle.id}`,
        '/newsroom/media',
        '/newsroom/comments',
        '/newsroom/people',
        `/newsroom/people/${admin?.id}`,
        '/newsroom/sections',
        '/newsroom/tags',
        '/newsroom/settings',
        '/newsroom/account',
        '/newsroom/audit',
        '/newsroom/import',
        '/newsroom/webhooks',
        `/newsroom/webhooks/${webhook.id}`,
      ];
      const report: string[] = [];
      const grave = (found: Result[]) =>
        found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      if (grave(before).length > 0)
        report.push(`sign-in:\n${grave(before).map(describeViolation).join('\n')}`);
      for (const path of paths) {
        const found = grave(await violations(context, path));
        if (found.length > 0) report.push(`${path}:\n${found.map(describeViolation).join('\n')}`);
        const page = await context.newPage();
        await page.goto(site.baseUrl + path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) report.push(`${path}: scrolls sideways by ${overflow}px at phone width`);
        await page.close();
      }
      assert.equal(report.length, 0, `newsroom accessibility problems:\n${report.join('\n')}`);
    } finally {
      await context.close();
    }
  });
});
