// Imports of real WordPress exports (../shared/data/wxr, present in CI) into fresh sites: the
// theme unit test data keeps its counts, threads, statuses and flags, every old URL answers
// 301 to a page that shows the post, and a second run changes nothing. Every other readable
// export imports without a fatal error.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { Invalid } from '../../src/core/errors.ts';
import { createImportsRepository } from '../../src/db/repositories/imports.ts';
import { fileSource, readWxr } from '../../src/importers/wordpress/reader.ts';
import type { WxrItem } from '../../src/importers/wordpress/types.ts';
import { openServices, type Services } from '../../src/services/context.ts';
import { importWordPress } from '../../src/services/import/run-import.ts';
import type { ImportReport } from '../../src/services/import/report.ts';
import { initializeSite } from '../../src/services/setup.ts';
import { buildApp } from '../../src/web/app.ts';
import { readmeRows, WXR_DIR } from './wxr-readme.ts';

const THEME_TEST = path.join(WXR_DIR, 'wptt-themeunittestdata.wordpress.xml');
const skip = fs.existsSync(THEME_TEST) ? false : `no real exports at ${WXR_DIR}`;

async function freshSite(): Promise<{ services: Services; close(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-wxr-'));
  const services = await openServices(loadConfig({}, { dataDir: dir, logLevel: 'silent' }));
  await initializeSite(services, { demo: false });
  return {
    services,
    close: async () => {
      await services.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function tableCounts(services: Services) {
  const db = services.db.kysely;
  const n = async (t: 'articles' | 'comments' | 'people' | 'sections' | 'tags' | 'redirects' | 'media') =>
    Number(
      (
        await db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirst()
      )?.n ?? 0,
    );
  return {
    articles: await n('articles'),
    comments: await n('comments'),
    people: await n('people'),
    sections: await n('sections'),
    tags: await n('tags'),
    redirects: await n('redirects'),
    media: await n('media'),
  };
}

describe('importing the theme unit test data', { skip }, () => {
  let site: Awaited<ReturnType<typeof freshSite>>;
  let report: ImportReport;
  let app: FastifyInstance;
  const items: WxrItem[] = [];
  before(async () => {
    site = await freshSite();
    report = await importWordPress(site.services, { file: THEME_TEST });
    app = await buildApp({ services: site.services, logger: false });
    for await (const r of readWxr(fileSource(THEME_TEST))) if (r.kind === 'item') items.push(r.item);
  });
  after(async () => {
    await app?.close();
    await site?.close();
  });
  const articleOf = async (wpId: string) => {
    const map = await createImportsRepository(site.services.db.kysely).targets(report.source, 'article', [
      wpId,
    ]);
    const article = await site.services.repos.articles.byId(map.get(wpId) ?? 0);
    assert.ok(article, `post ${wpId} imported`);
    return article;
  };

  it('imports every post, page, comment, category and author', async () => {
    assert.equal(report.counts.articles.imported, 58);
    assert.equal(report.counts.pages.imported, 21);
    assert.equal(report.counts.comments.imported, 33);
    assert.equal(report.counts.sections.imported, 68);
    assert.equal(report.counts.people.imported, 2);
    assert.deepEqual(report.notImported, { nav_menu_item: 70 });
    assert.equal(report.counts.media.skipped, 37, 'no uploads folder: every attachment listed as missing');
    const db = site.services.db.kysely;
    const nested = await db.selectFrom('comments').select('id').where('parent_id', 'is not', null).execute();
    assert.equal(nested.length, 10);
    const pending = await db.selectFrom('comments').select('id').where('status', '=', 'pending').execute();
    assert.equal(pending.length, 3);
    const children = await db
      .selectFrom('sections')
      .select('id')
      .where('parent_id', 'is not', null)
      .execute();
    assert.equal(children.length, 10);
  });

  it('keeps the sticky post featured, the scheduled post scheduled, the draft a draft', async () => {
    const byStatus = (status: string) => items.filter((i) => i.status === status && i.postType === 'post');
    const sticky = items.filter((i) => i.isSticky === '1');
    assert.equal(sticky.length, 1);
    assert.equal((await articleOf(sticky[0]?.postId ?? '')).isFeatured, true);
    for (const i of byStatus('future')) assert.equal((await articleOf(i.postId)).status, 'scheduled');
    for (const i of byStatus('draft')) assert.equal((await articleOf(i.postId)).status, 'draft');
    const locked = items.find((i) => i.postPassword !== '');
    assert.equal((await articleOf(locked?.postId ?? '')).status, 'private');
  });

  it('decodes Greek percent-encoded slugs and stores titles with markup as text', async () => {
    const greek = items.find((i) => i.postName.startsWith('%ce%b5%cf%80'));
    assert.equal((await articleOf(greek?.postId ?? '')).slug, 'επίπεδο-2');
    const markup = items.find((i) => i.title.includes('<em>'));
    const article = await articleOf(markup?.postId ?? '');
    assert.equal(article.title, 'Markup: Title With Markup');
    const res = await app.inject(`/en/article/${article.id}/${encodeURIComponent(article.slug)}`);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1[^>]*>Markup: Title With Markup<\/h1>/, 'title shown as text');
    assert.ok(!res.body.includes('&lt;em>'));
  });

  it('answers every old post and page URL with 301 to a page that shows the post', async () => {
    const visible = items.filter(
      (i) =>
        (i.postType === 'post' || i.postType === 'page') && i.status === 'publish' && i.postPassword === '',
    );
    assert.ok(visible.length > 60);
    for (const item of visible) {
      const article = await articleOf(item.postId);
      const old = new URL(item.link);
      const first = await app.inject(old.pathname + old.search);
      assert.equal(first.statusCode, 301, `${item.link} → ${first.statusCode}`);
      assert.equal(first.headers.location, `/en/article/${article.id}/${encodeURIComponent(article.slug)}`);
      const page = await app.inject(String(first.headers.location));
      assert.equal(page.statusCode, 200, item.link);
      const byId = await app.inject(`/?p=${item.postId}`);
      assert.equal(byId.headers.location, first.headers.location, `?p=${item.postId}`);
    }
  });

  it('answers old category URLs with 301 to their section', async () => {
    const res = await app.inject('/category/parent/child-1/child-2/');
    assert.equal(res.statusCode, 301);
    assert.equal(res.headers.location, '/en/section/child-2');
    assert.equal((await app.inject(String(res.headers.location))).statusCode, 200);
  });

  it('changes nothing when imported again', async () => {
    const before = await tableCounts(site.services);
    const again = await importWordPress(site.services, { file: THEME_TEST });
    assert.deepEqual(await tableCounts(site.services), before);
    for (const c of Object.values(again.counts)) assert.equal(c.imported, 0);
  });
});

describe('importing every readable real export', { skip }, () => {
  for (const row of skip ? [] : readmeRows()) {
    if (/^importer\/malformed/.test(row.file)) continue;
    it(row.file, async () => {
      const site = await freshSite();
      try {
        const file = path.join(WXR_DIR, row.file);
        if (!/^1\.[0-2]$/.test(row.wxr)) {
          await assert.rejects(importWordPress(site.services, { file }), Invalid);
          assert.equal((await tableCounts(site.services)).articles, 0, 'nothing written');
          return;
        }
        const report = await importWordPress(site.services, { file });
        const counts = await tableCounts(site.services);
        assert.equal(counts.articles, report.counts.articles.imported + report.counts.pages.imported);
        assert.equal(counts.comments, report.counts.comments.imported);
      } finally {
        await site.close();
      }
    });
  }
});
