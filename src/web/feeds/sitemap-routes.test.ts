// Sitemaps, the Google News sitemap and robots.txt over HTTP on the demo site, checked by the
// project's own assertions (test/conformance validates them against the published schemas).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildArticle } from '../../../test/support/factories.ts';
import { startTestSite, type TestSite } from '../../../test/support/site.ts';
import type { Article } from '../../core/types.ts';
import { loadArticleSitemap, NEWS_WINDOW_MS, pagesFor } from '../../services/syndication-sitemaps.ts';
import { articlePath } from '../reader/urls.ts';
import { sitemapFile } from './sitemap-routes.ts';

let site: TestSite;
/** A month no demo article is in, filled by the test itself. */
const BUILT_MONTH = '2003-04';
let built: { arabic: Article; english: Article; french: Article; draft: Article; published: Article[] };

before(async () => {
  site = await startTestSite();
  const picture = (await site.services.repos.media.list({ limit: 1 })).items[0]!;
  const on = (day: number) => `${BUILT_MONTH}-${String(day).padStart(2, '0')}T09:00:00.000Z`;
  const arabic = await buildArticle(site.services, {
    lang: 'ar',
    publishedAt: on(3),
    featuredMediaId: picture.id,
  });
  const english = await buildArticle(site.services, {
    lang: 'en',
    publishedAt: on(4),
    featuredMediaId: picture.id,
    translationOf: arabic,
  });
  const french = await buildArticle(site.services, {
    lang: 'fr',
    publishedAt: on(5),
    featuredMediaId: picture.id,
  });
  const draft = await buildArticle(site.services, { status: 'draft', publishedAt: on(6) });
  built = { arabic, english, french, draft, published: [arabic, english, french] };
});
after(() => site.close());

const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ url, headers });
const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);

describe('sitemaps', () => {
  it('robots.txt names the sitemap index and the news sitemap', async () => {
    const res = await get('/robots.txt');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^text\/plain/);
    assert.ok(res.body.includes(`Sitemap: ${site.baseUrl}/sitemap.xml`));
    assert.ok(res.body.includes(`Sitemap: ${site.baseUrl}/sitemap-news.xml`));
    assert.match(res.body, /^User-agent: \*$/m);
  });

  it('indexes a sitemap per month and for sections, tags and authors, each with lastmod', async () => {
    const res = await get('/sitemap.xml');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /^application\/xml/);
    assert.match(res.body, /<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    const files = locs(res.body);
    const months = await site.services.repos.articles.publishedMonths();
    for (const m of months) assert.ok(files.includes(`${site.baseUrl}/sitemaps/articles-${m.month}.xml`));
    for (const kind of ['sections', 'tags', 'authors']) {
      assert.ok(files.includes(`${site.baseUrl}/sitemaps/${kind}.xml`), kind);
    }
    assert.equal(
      (res.body.match(/<lastmod>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/lastmod>/g) ?? []).length,
      files.length,
    );
    for (const file of files) {
      assert.equal((await get(file.slice(site.baseUrl.length))).statusCode, 200, file);
    }
  });

  it('lists every published article of a month once, with images and translations', async () => {
    const body = (await get(`/sitemaps/articles-${BUILT_MONTH}.xml`)).body;
    const urls = locs(body);
    assert.deepEqual(
      [...urls].sort(),
      built.published.map((a) => site.baseUrl + articlePath(a)).sort(),
      'the month lists exactly its published articles, once each',
    );
    assert.equal(
      (body.match(/<image:image>/g) ?? []).length,
      urls.length,
      'each built article has a picture',
    );
    assert.ok(!urls.includes(site.baseUrl + articlePath(built.draft)), 'drafts stay out');
    // The English article translates the Arabic one: both name each other.
    assert.ok(
      body.includes(
        `<xhtml:link rel="alternate" hreflang="en" href="${site.baseUrl}${articlePath(built.english)}"/>`,
      ),
    );
    assert.ok(
      body.includes(
        `<xhtml:link rel="alternate" hreflang="ar" href="${site.baseUrl}${articlePath(built.arabic)}"/>`,
      ),
    );
    assert.match(body, /<xhtml:link rel="alternate" hreflang="x-default" href="[^"]+"\/>/);
    // The demo's featured article is in the sitemap of its own month, whichever month that is.
    const mainMonth = site.mainArticle.publishedAt!.slice(0, 7);
    const mainUrls = locs((await get(`/sitemaps/articles-${mainMonth}.xml`)).body);
    assert.ok(mainUrls.includes(site.baseUrl + articlePath(site.mainArticle)));
  });

  it('splits a month beyond the limit into numbered pages, without repeats', async () => {
    const pages = pagesFor(built.published.length, 2);
    assert.equal(pages, 2);
    const seen: number[] = [];
    for (let page = 1; page <= pages; page++) {
      const data = await loadArticleSitemap(site.services, BUILT_MONTH, page, 2);
      assert.ok(data.refs.length <= 2);
      seen.push(...data.refs.map((r) => r.id));
    }
    assert.deepEqual([...seen].sort(), built.published.map((a) => a.id).sort());
    assert.equal(sitemapFile('articles-2026-11', 1), 'articles-2026-11.xml');
    assert.equal(sitemapFile('articles-2026-11', 2), 'articles-2026-11-2.xml');
    assert.equal(pagesFor(0), 1);
    assert.equal(pagesFor(50_001), 2);
  });

  it('lists section, tag and author pages in the languages that have articles', async () => {
    const sections = (await get('/sitemaps/sections.xml')).body;
    assert.ok(locs(sections).some((u) => u.startsWith(`${site.baseUrl}/fr/section/`)));
    assert.ok(locs(sections).some((u) => u.startsWith(`${site.baseUrl}/section/`)));
    assert.match(sections, /hreflang="x-default"/);
    const authors = locs((await get('/sitemaps/authors.xml')).body);
    const author = (await site.services.repos.people.byId(site.mainArticle.authorIds[0]!))!;
    assert.ok(authors.includes(`${site.baseUrl}/author/${encodeURIComponent(author.slug)}`));
    assert.ok(locs((await get('/sitemaps/tags.xml')).body).length > 0);
  });

  it('lists exactly the articles of the last two days in the Google News sitemap', async () => {
    const { repos } = site.services;
    const now = Date.now();
    const make = (slug: string, hoursAgo: number) =>
      repos.articles.create({
        lang: 'fr',
        status: 'published',
        title: `Test ${slug} & <co>`,
        slug,
        publishedAt: new Date(now - hoursAgo * 3_600_000).toISOString(),
      });
    const inside = await make('news-inside', 47.5);
    const outside = await make('news-outside', 48.5);
    try {
      const res = await get('/sitemap-news.xml');
      assert.equal(res.statusCode, 200);
      const urls = locs(res.body);
      const all = await repos.articles.listPublished({ limit: 10_000 });
      const expected = all.items
        .filter((a) => Date.parse(a.publishedAt!) >= Date.now() - NEWS_WINDOW_MS)
        .map((a) => site.baseUrl + articlePath(a));
      assert.deepEqual([...urls].sort(), [...expected].sort());
      assert.ok(urls.includes(site.baseUrl + articlePath(inside)));
      assert.ok(!urls.includes(site.baseUrl + articlePath(outside)));
      assert.equal((res.body.match(/<news:news>/g) ?? []).length, urls.length);
      for (const lang of res.body.matchAll(/<news:language>([^<]+)<\/news:language>/g)) {
        assert.match(lang[1]!, /^(ar|fr|en)$/);
      }
      assert.ok(res.body.includes('<news:name>مداد</news:name>'));
      assert.ok(res.body.includes('<news:title>Test news-inside &amp; &lt;co&gt;</news:title>'));
      assert.match(
        res.body,
        /<news:publication_date>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/news:publication_date>/,
      );
    } finally {
      await repos.articles.setStatus(inside.id, 'trashed');
      await repos.articles.setStatus(outside.id, 'trashed');
    }
  });

  it('answers 404 for unknown or empty sitemaps and 304 when unchanged', async () => {
    for (const url of [
      '/sitemaps/nope.xml',
      '/sitemaps/articles-1999-01.xml',
      '/sitemaps/articles-2026-13.xml',
      '/sitemaps/tags-1.xml',
      '/sitemaps/tags-9.xml',
    ]) {
      assert.equal((await get(url)).statusCode, 404, url);
    }
    const first = await get('/sitemap.xml');
    assert.equal(
      (await get('/sitemap.xml', { 'if-none-match': first.headers.etag as string })).statusCode,
      304,
    );
  });
});
