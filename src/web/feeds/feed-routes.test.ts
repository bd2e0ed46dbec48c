// Feeds over HTTP (app.inject) on the demo site: formats, languages, scopes, 404s, conditional
// GET, the full-content setting, translations and escaping.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestSite, type TestSite } from '../../../test/support/site.ts';
import { articleChanged } from '../../services/events.ts';
import { updateSiteSettings } from '../../services/settings.ts';
import type { JsonFeed } from './json-feed.ts';

let site: TestSite;

before(async () => {
  site = await startTestSite();
});
after(() => site.close());

const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ url, headers });
const all = (xml: string, tag: string) =>
  [...xml.matchAll(new RegExp(`<${tag}[ >][\\s\\S]*?</${tag}>`, 'g'))].map((m) => m[0]);

describe('feeds', () => {
  it('serves the Arabic home feed in RSS, Atom and JSON Feed, newest first', async () => {
    const rss = await get('/feed.xml');
    assert.equal(rss.statusCode, 200);
    assert.equal(rss.headers['content-type'], 'application/rss+xml; charset=utf-8');
    assert.match(rss.body, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"/);
    assert.match(rss.body, /<language>ar<\/language>/);
    const items = all(rss.body, 'item');
    const published = await site.services.repos.articles.listPublished({ lang: 'ar', limit: 20 });
    assert.equal(items.length, Math.min(20, published.total));
    assert.ok(items[0]!.includes(`/article/${published.items[0]!.id}/`), 'newest article first');
    assert.ok(!rss.body.includes('src="/media/'), 'images in bodies are absolute');
    assert.ok(rss.body.includes(`src="${site.baseUrl}/media/`));

    const atom = await get('/feed.atom');
    assert.equal(atom.headers['content-type'], 'application/atom+xml; charset=utf-8');
    assert.match(atom.body, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom" xml:lang="ar">/);
    assert.equal(all(atom.body, 'entry').length, items.length);

    const json = await get('/feed.json');
    assert.equal(json.headers['content-type'], 'application/feed+json; charset=utf-8');
    const feed = JSON.parse(json.body) as JsonFeed;
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(feed.language, 'ar');
    assert.equal(feed.feed_url, `${site.baseUrl}/feed.json`);
    assert.equal(feed.items.length, items.length);
    for (const item of feed.items) {
      assert.ok(item.id && item.url.startsWith(site.baseUrl) && item.content_html);
      assert.equal(item.language, 'ar');
    }
  });

  it('serves each language under its prefix, with only that language', async () => {
    for (const lang of ['fr', 'en'] as const) {
      const feed = JSON.parse((await get(`/${lang}/feed.json`)).body) as JsonFeed;
      assert.equal(feed.language, lang);
      assert.ok(feed.items.length > 0);
      assert.ok(feed.items.every((i) => i.language === lang && i.url.startsWith(`${site.baseUrl}/${lang}/`)));
      assert.match((await get(`/${lang}/feed.atom`)).body, new RegExp(`xml:lang="${lang}"`));
      assert.match((await get(`/${lang}/feed.xml`)).body, new RegExp(`<language>${lang}</language>`));
    }
  });

  it('serves section, tag and author feeds with only their articles', async () => {
    const a = site.mainArticle;
    const { repos } = site.services;
    const section = (await repos.sections.byId(a.sectionId!))!;
    const tag = (await repos.tags.byId(a.tagIds[0]!))!;
    const author = (await repos.people.byId(a.authorIds[0]!))!;
    const cases = [
      [`/section/${encodeURIComponent(section.slug)}/feed.json`, { sectionId: section.id }],
      [`/tag/${encodeURIComponent(tag.slug)}/feed.json`, { tagId: tag.id }],
      [`/author/${encodeURIComponent(author.slug)}/feed.json`, { authorId: author.id }],
    ] as const;
    for (const [url, query] of cases) {
      const res = await get(url);
      assert.equal(res.statusCode, 200, url);
      const feed = JSON.parse(res.body) as JsonFeed;
      const expected = await repos.articles.listPublished({ lang: 'ar', limit: 20, ...query });
      assert.deepEqual(
        feed.items.map((i) => i.id),
        expected.items.map((x) => `${site.baseUrl}/article/${x.id}`),
        url,
      );
      assert.ok(feed.title.endsWith('مداد') && feed.title.length > 'مداد'.length);
    }
  });

  it('serves the whole site in every language, each item marked with its own', async () => {
    const feed = JSON.parse((await get('/all/feed.json')).body) as JsonFeed;
    assert.equal(feed.language, 'ar');
    assert.deepEqual(new Set(feed.items.map((i) => i.language)), new Set(['ar', 'fr', 'en']));
    const atom = (await get('/all/feed.atom')).body;
    assert.match(atom, /<entry xml:lang="en">/);
    assert.match(atom, /<entry>/, 'entries in the feed language need no xml:lang of their own');
    assert.match((await get('/all/feed.xml')).body, /<dc:language>fr<\/dc:language>/);
    assert.equal((await get('/fr/all/feed.xml')).statusCode, 404);
  });

  it('answers 404 for an unknown section, tag or author', async () => {
    for (const url of ['/section/nope/feed.xml', '/tag/nope/feed.atom', '/fr/author/nope/feed.json']) {
      assert.equal((await get(url)).statusCode, 404, url);
    }
  });

  it('answers a conditional GET with 304 when nothing changed', async () => {
    const first = await get('/feed.atom');
    const etag = first.headers.etag as string;
    const lastModified = first.headers['last-modified'] as string;
    assert.match(etag, /^(W\/)?"[\w-]+"$/);
    assert.ok(lastModified);
    assert.match(first.headers['cache-control'] as string, /public, max-age=\d+/);
    const again = await get('/feed.atom', { 'if-none-match': etag });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    assert.equal((await get('/feed.atom', { 'if-modified-since': lastModified })).statusCode, 304);
    assert.equal((await get('/feed.atom', { 'if-none-match': 'W/"other"' })).statusCode, 200);
    const older = new Date(Date.parse(lastModified) - 1000).toUTCString();
    assert.equal((await get('/feed.atom', { 'if-modified-since': older })).statusCode, 200);

    // Publishing changes the feed: the old validators no longer match.
    const fresh = await site.services.repos.articles.create({
      lang: 'ar',
      status: 'published',
      title: 'خبر جديد',
      slug: 'conditional-get-test',
      publishedAt: new Date().toISOString(),
    });
    // Written behind the services' back: tell the page cache as the services would.
    await articleChanged(site.services.events, null, fresh);
    try {
      const changed = await get('/feed.atom', { 'if-none-match': etag });
      assert.equal(changed.statusCode, 200);
      assert.notEqual(changed.headers.etag, etag);
      assert.equal((await get('/feed.atom', { 'if-modified-since': lastModified })).statusCode, 200);
    } finally {
      await site.services.repos.articles.setStatus(fresh.id, 'trashed');
      await articleChanged(site.services.events, fresh, { ...fresh, status: 'trashed' });
    }
  });

  it('links translations with their language', async () => {
    const feed = JSON.parse((await get('/en/feed.json')).body) as JsonFeed;
    const translated = feed.items.find((i) => i._midad);
    assert.ok(translated, 'the English demo has a translated article');
    assert.equal(translated._midad!.translations[0]!.language, 'ar');
    const atom = (await get('/en/feed.atom')).body;
    assert.match(
      atom,
      /<link rel="alternate" type="text\/html" hreflang="ar" href="http[^"]+\/article\/\d+\//,
    );
  });

  it('sends summaries only when the site owner chose so', async () => {
    await updateSiteSettings(site.services.repos, { feedFullContent: false });
    await site.services.events.emit({ type: 'settings', keys: ['feeds.fullContent'] });
    try {
      const rss = (await get('/feed.xml')).body;
      assert.ok(!rss.includes('<content:encoded>'));
      assert.ok(rss.includes('<description>'));
      const feed = JSON.parse((await get('/feed.json')).body) as JsonFeed;
      assert.ok(feed.items.every((i) => i.content_html === undefined && i.content_text));
    } finally {
      await updateSiteSettings(site.services.repos, { feedFullContent: true });
      await site.services.events.emit({ type: 'settings', keys: ['feeds.fullContent'] });
    }
  });

  it('escapes titles so they cannot break the document', async () => {
    const { repos } = site.services;
    const article = await repos.articles.create({
      lang: 'en',
      status: 'published',
      title: 'A & B </title><script>alert(1)</script> ]]>',
      slug: 'escaping-test',
      bodyHtml: '<p>x</p>',
      publishedAt: new Date().toISOString(),
    });
    await articleChanged(site.services.events, null, article);
    try {
      const rss = (await get('/en/feed.xml')).body;
      assert.ok(
        rss.includes('<title>A &amp; B &lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt;</title>'),
      );
      const atom = (await get('/en/feed.atom')).body;
      assert.ok(!atom.includes('<script>'));
    } finally {
      await repos.articles.setStatus(article.id, 'trashed');
      await articleChanged(site.services.events, article, { ...article, status: 'trashed' });
    }
  });

  it('is announced in the heads of pages', async () => {
    const home = (await get('/fr/')).body;
    assert.match(
      home,
      /<link rel="alternate" type="application\/rss\+xml" title="[^"]+ \(RSS\)" href="\/fr\/feed.xml"/,
    );
    assert.ok(home.includes('type="application/atom+xml"') && home.includes('href="/fr/feed.json"'));
    const section = (await site.services.repos.sections.byId(site.mainArticle.sectionId!))!;
    const path = `/section/${encodeURIComponent(section.slug)}`;
    const page = (await get(path)).body;
    assert.ok(page.includes(`href="${path}/feed.xml"`), 'the section page names its own feed');
    assert.ok(page.includes('href="/feed.xml"'), 'and the site feed');
    const article = (
      await get(`/article/${site.mainArticle.id}/${encodeURIComponent(site.mainArticle.slug)}`)
    ).body;
    assert.ok(article.includes('href="/feed.atom"'));
  });
});
