// Import options beyond the defaults: an old site's own category and tag bases, and pingbacks
// and trackbacks kept as what they were (or left out on request).
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestSite, type TestSite } from '../../../test/support/site.ts';
import { Invalid } from '../../core/errors.ts';
import { permalinkBase } from './options.ts';
import { importWordPress } from './run-import.ts';

const EXPORT = path.join(import.meta.dirname, '../../../test/fixtures/wxr/rubrique-pingbacks.xml');

let site: TestSite;
before(async () => {
  site = await startTestSite();
});
after(() => site.close());

describe('permalink bases', () => {
  it('accepts a base with or without slashes and refuses one that cannot be a path', () => {
    assert.equal(permalinkBase(undefined, 'category', '--category-base'), 'category');
    assert.equal(permalinkBase(' /rubrique/ ', 'category', '--category-base'), 'rubrique');
    assert.equal(permalinkBase('news/topics', 'category', '--category-base'), 'news/topics');
    assert.equal(permalinkBase('أقسام', 'category', '--category-base'), 'أقسام');
    assert.throws(() => permalinkBase('a b', 'tag', '--tag-base'), Invalid);
    assert.throws(() => permalinkBase('../x', 'tag', '--tag-base'), /--tag-base/);
  });
});

describe('an export with its own bases and with pingbacks', () => {
  it('answers the old category and tag URLs, and keeps pingbacks and trackbacks as links', async () => {
    const report = await importWordPress(site.services, {
      file: EXPORT,
      categoryBase: 'rubrique',
      tagBase: 'sujet',
    });
    assert.equal(report.counts.comments?.imported, 3);
    const { repos } = site.services;
    const lookup = async (from: string) => (await repos.redirects.byFromPath(from))?.toPath;
    assert.equal(await lookup('/rubrique/economie'), '/fr/section/economie');
    assert.equal(await lookup('/sujet/mopti'), '/fr/tag/mopti');
    assert.equal(await lookup('/category/economie'), undefined);
    const old = await site.app.inject('/rubrique/economie/');
    assert.equal(old.statusCode, 301);

    const row = await site.services.db.kysely
      .selectFrom('articles')
      .select('id')
      .where('title', '=', 'Le port de Mopti rouvre après la crue')
      .executeTakeFirst();
    const article = row ? await repos.articles.byId(row.id) : null;
    assert.ok(article);
    const comments = await repos.comments.listForArticle(article.id);
    assert.deepEqual(
      comments.map((c) => c.kind),
      ['comment', 'pingback', 'trackback'],
    );
    const page = await site.app.inject(`/fr/article/${article.id}/${article.slug}`);
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      /Lien vers cet article depuis <a href="https:\/\/carnet\.example\/2025\/09\/mopti-rouvre\/" rel="nofollow ugc"/,
    );
    // A trackback whose address is not a web page is named, not linked.
    assert.match(page.body, /Lien vers cet article depuis <b dir="auto">Revue des ports<\/b>/);
    assert.doesNotMatch(page.body, /javascript:alert/);
  });

  it('leaves pingbacks and trackbacks out when asked', async () => {
    const other = await startTestSite();
    try {
      const report = await importWordPress(other.services, { file: EXPORT, skipPingbacks: true });
      assert.equal(report.counts.comments?.imported, 1);
      assert.equal(report.counts.comments?.skipped, 2);
      assert.equal(
        await other.services.repos.redirects.byFromPath('/category/economie').then((r) => r?.toPath),
        '/fr/section/economie',
      );
    } finally {
      await other.close();
    }
  });

  it('refuses a bad base before reading the file', async () => {
    await assert.rejects(
      importWordPress(site.services, { file: '/nonexistent.xml', categoryBase: 'bad base' }),
      /--category-base/,
    );
  });
});
