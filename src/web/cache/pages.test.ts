// The page cache on the demo site, driven through the newsroom as staff drive it: what a
// publication, an edit, an approved comment or a settings change refreshes, and what it leaves
// cached; staff never get a cached page; validators and encodings.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { NewsroomClient } from '../../../test/support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../../test/support/site.ts';
import type { Article, Section } from '../../core/types.ts';
import { descendantIds } from '../../services/reader.ts';
import { articlePath, authorPath, sectionPath, tagPath } from '../reader/urls.ts';

let site: TestSite;
let admin: NewsroomClient;

before(async () => {
  site = await startTestSite();
  admin = new NewsroomClient(site.app, '203.0.113.40');
  await admin.signIn(site.admin.email, site.admin.password);
});
after(() => site.close());

const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ url, headers });

async function xcache(url: string): Promise<string> {
  const res = await get(url);
  assert.equal(res.statusCode, 200, `${url}: ${res.statusCode}`);
  return String(res.headers['x-cache']);
}

/** Renders each page once so that the next request is served from memory. */
async function prime(urls: string[]): Promise<void> {
  for (const url of urls) {
    await xcache(url);
    assert.equal(await xcache(url), 'HIT', `${url} is cached`);
  }
}

async function expectCache(urls: string[], expected: 'HIT' | 'MISS'): Promise<void> {
  for (const url of urls) assert.equal(await xcache(url), expected, url);
}

/** A published Arabic article in a section unrelated to `article`'s (neither above nor below it). */
async function unrelatedTo(article: Article): Promise<{ other: Article; section: Section }> {
  const sections = await site.services.repos.sections.list();
  const near = new Set(descendantIds(sections, article.sectionId!));
  for (const s of sections) if (descendantIds(sections, s.id).includes(article.sectionId!)) near.add(s.id);
  const { items } = await site.services.repos.articles.listPublished({ lang: 'ar', limit: 100 });
  const other = items.find((a) => a.sectionId !== null && !near.has(a.sectionId) && a.id !== article.id);
  assert.ok(other, 'the demo has Arabic articles in another section');
  return { other, section: sections.find((s) => s.id === other.sectionId)! };
}

async function newArticleForm(fields: Record<string, string | string[]>): Promise<number> {
  const created = await admin.submit('/newsroom/articles', '/newsroom/articles/new', {});
  assert.equal(created.status, 303);
  const id = Number(/\/newsroom\/articles\/(\d+)$/.exec(created.location ?? '')?.[1]);
  const editor = await admin.get(`/newsroom/articles/${id}`);
  const version = /name="version" value="(\d+)"/.exec(editor.body)?.[1] ?? '';
  const res = await admin.submit(`/newsroom/articles/${id}`, `/newsroom/articles/${id}`, {
    version,
    ...fields,
  });
  assert.equal(res.status, 303, res.body.slice(0, 300));
  return id;
}

describe('page cache and publishing', () => {
  it('publishing refreshes the home, section, tag and author pages, feeds and sitemaps, not the rest', async () => {
    const model = site.mainArticle;
    const { repos } = site.services;
    const [section] = (await repos.sections.list()).filter((s) => s.id === model.sectionId);
    const [tag] = await repos.tags.byIds([model.tagIds[0]!]);
    const [author] = await repos.people.byIds([model.authorIds[0]!]);
    assert.ok(section && tag && author);
    const { other, section: otherSection } = await unrelatedTo(model);

    const refreshed = [
      '/',
      sectionPath('ar', section.slug),
      tagPath('ar', tag.slug),
      authorPath('ar', author.slug),
      '/feed.xml',
      '/feed.atom',
      '/sitemap.xml',
      '/sitemap-news.xml',
      '/api/v1/articles?lang=ar',
    ];
    const untouched = [sectionPath('ar', otherSection.slug), articlePath(other), '/fr/', '/api/v1/sections'];
    await prime([...refreshed, ...untouched]);

    const title = 'افتتاح سوق الماشية الجديد في مدينة غاو';
    const id = await newArticleForm({
      title,
      lang: 'ar',
      section_id: String(section.id),
      tags: tag.name,
      author_ids: [String(author.id)],
      body_html: '<p>افتتحت البلدية سوقاً جديداً للماشية على طريق النهر.</p>',
      intent: 'publish',
    });

    await expectCache(untouched, 'HIT');
    await expectCache(refreshed, 'MISS');
    for (const url of refreshed.slice(0, 4)) {
      assert.ok((await get(url)).body.includes(title), `${url} lists the new article`);
    }
    const published = (await repos.articles.byId(id))!;
    assert.equal(published.status, 'published');
    assert.ok((await get('/sitemap-news.xml')).body.includes(`/article/${id}/`));
    await expectCache(refreshed, 'HIT');
  });

  it('editing refreshes the article itself and the pages that show it', async () => {
    const { other, section: otherSection } = await unrelatedTo(site.mainArticle);
    const article = (await site.services.repos.articles.byId(site.mainArticle.id))!;
    const page = articlePath(article);
    await prime([page, '/', articlePath(other), sectionPath('ar', otherSection.slug)]);

    const editor = await admin.get(`/newsroom/articles/${article.id}`);
    const version = /name="version" value="(\d+)"/.exec(editor.body)?.[1] ?? '';
    const title = 'عنوان منقح لمقال الواجهة';
    const tagNames = (await site.services.repos.tags.byIds(article.tagIds)).map((t) => t.name);
    const res = await admin.submit(`/newsroom/articles/${article.id}`, `/newsroom/articles/${article.id}`, {
      version,
      title,
      slug: article.slug,
      lang: 'ar',
      dek: article.dek,
      body_html: article.bodyHtml,
      section_id: String(article.sectionId),
      tags: tagNames.join(', '),
      author_ids: article.authorIds.map(String),
      featured_media_id: article.featuredMediaId === null ? '' : String(article.featuredMediaId),
      ...(article.isFeatured ? { is_featured: 'on' } : {}),
      ...(article.isBreaking ? { is_breaking: 'on' } : {}),
      ...(article.commentsOpen ? { comments_open: 'on' } : {}),
      intent: 'save',
    });
    assert.equal(res.status, 303, res.body.slice(0, 300));
    const after = await get(page);
    assert.equal(after.headers['x-cache'], 'MISS');
    assert.ok(after.body.includes(title));
    assert.ok((await get('/')).body.includes(title), 'the home page shows the new title');
    await expectCache([articlePath(other), sectionPath('ar', otherSection.slug)], 'HIT');
  });

  it('approving a comment refreshes its article page only', async () => {
    const [pending] = await site.services.repos.comments.listByStatus('pending', 1);
    assert.ok(pending, 'the demo content has pending comments');
    const article = (await site.services.repos.articles.byId(pending.articleId))!;
    const { other } = await unrelatedTo(article);
    await prime([articlePath(article), articlePath(other)]);
    const res = await admin.submit('/newsroom/comments', '/newsroom/comments', {
      action: 'approve',
      ids: [String(pending.id)],
    });
    assert.equal(res.status, 303);
    const page = await get(articlePath(article));
    assert.equal(page.headers['x-cache'], 'MISS');
    assert.ok(page.body.includes(`id="comment-${pending.id}"`));
    await expectCache([articlePath(other)], 'HIT');
  });

  it('a settings change refreshes every page', async () => {
    await prime(['/', '/fr/', articlePath(site.mainArticle)]);
    await site.services.events.emit({ type: 'settings', keys: ['site.tagline'] });
    await expectCache(['/', '/fr/', articlePath(site.mainArticle)], 'MISS');
  });
});

describe('what is never cached or shared', () => {
  it('gives signed-in staff a fresh, private page', async () => {
    await prime(['/']);
    for (let i = 0; i < 2; i++) {
      const res = await site.app.inject({ url: '/', headers: { cookie: cookieOf(admin) } });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['x-cache'], 'BYPASS');
      assert.equal(res.headers['cache-control'], 'private, no-store');
      assert.equal(res.headers['surrogate-key'], undefined);
    }
    assert.equal(await xcache('/'), 'HIT', 'readers still get the shared copy');
  });

  it('keeps pages with a personal notice or an unknown query parameter out of the cache', async () => {
    const notice = await get(`${articlePath(site.mainArticle)}?comment=held`);
    assert.equal(notice.headers['cache-control'], 'private, no-store');
    assert.notEqual(notice.headers['x-cache'], 'HIT');
    for (let i = 0; i < 2; i++) assert.equal(await xcache('/?utm_source=newsletter'), 'BYPASS');
    await xcache('/?page=2');
    assert.equal(await xcache('/?page=2'), 'HIT');
  });

  it('does not keep search results or newsroom pages', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await get('/search?q=%D9%85%D8%A7%D9%84%D9%8A', { 'accept-encoding': 'gzip' });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['x-cache'], 'BYPASS');
      // Compressed for this request alone: the coding is named once among what the answer varies by.
      assert.equal(res.headers['content-encoding'], 'gzip');
      assert.equal(res.headers.vary, 'accept-encoding');
      assert.match(String(res.headers['cache-control']), /^public, max-age=0, s-maxage=60/);
      assert.equal((await get('/newsroom/sign-in')).headers['x-cache'], undefined);
    }
  });
});

describe('validators, encodings and CDN headers', () => {
  it('answers If-None-Match with 304 and sends the CDN headers', async () => {
    const first = await get('/', { 'accept-encoding': 'gzip' });
    const etag = String(first.headers.etag);
    assert.match(etag, /^"[\w-]+-gzip"$/, 'a strong validator per encoding');
    assert.equal(first.headers.vary, 'accept-encoding');
    assert.match(
      String(first.headers['cache-control']),
      /^public, max-age=0, s-maxage=60, stale-while-revalidate=30, stale-if-error=86400$/,
    );
    const keys = String(first.headers['surrogate-key']).split(' ');
    assert.ok(keys.includes('home:ar') && keys.includes('nav') && keys.some((k) => /^article:\d+$/.test(k)));
    assert.deepEqual(String(first.headers['cache-tag']).split(','), keys);
    for (const accept of ['gzip', 'br', '']) {
      const again = await get('/', { 'accept-encoding': accept, 'if-none-match': etag });
      assert.equal(again.statusCode, 304, accept);
      assert.equal(again.body, '');
    }
    assert.equal((await get('/', { 'if-none-match': '"something-else"' })).statusCode, 200);
  });

  it('stores gzip and brotli bodies that decode to the same bytes', async () => {
    const url = articlePath(site.mainArticle);
    const plain = await get(url);
    const gz = await get(url, { 'accept-encoding': 'gzip' });
    const br = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(Number(gz.headers['content-length']), gz.rawPayload.length);
    assert.equal(Number(br.headers['content-length']), br.rawPayload.length);
    assert.ok(gunzipSync(gz.rawPayload).equals(plain.rawPayload));
    assert.ok(brotliDecompressSync(br.rawPayload).equals(plain.rawPayload));
    assert.ok(br.rawPayload.length < plain.rawPayload.length / 3);
    const refused = await get(url, { 'accept-encoding': 'br;q=0, gzip;q=0' });
    assert.equal(refused.headers['content-encoding'], undefined);
  });

  it("does not replay one client's rate-limit counts to others", async () => {
    await get('/api/v1/tags');
    const hit = await get('/api/v1/tags');
    assert.equal(hit.headers['x-cache'], 'HIT');
    assert.equal(hit.headers['x-ratelimit-remaining'], undefined);
  });

  it('answers HEAD from the cached page without a body', async () => {
    await prime(['/fr/']);
    const head = await site.app.inject({ method: 'HEAD', url: '/fr/', headers: { 'accept-encoding': 'br' } });
    assert.equal(head.statusCode, 200);
    assert.equal(head.headers['x-cache'], 'HIT');
    assert.equal(head.body, '');
  });
});

function cookieOf(client: NewsroomClient): string {
  return [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
}

describe('a listening site', () => {
  it('answers a cached page from memory with the headers of its first answer', async () => {
    const live = await startTestSite({ listen: true });
    try {
      const url = `http://127.0.0.1:${(live.app.server.address() as AddressInfo).port}`;
      const ask = (headers: Record<string, string> = {}) =>
        new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>((resolve, reject) => {
          http
            .get(`${url}/fr/`, { headers: { 'accept-encoding': 'br', ...headers } }, (res) => {
              const chunks: Buffer[] = [];
              res.on('data', (c: Buffer) => chunks.push(c));
              res.on('end', () =>
                resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
              );
            })
            .on('error', reject);
        });
      const first = await ask();
      const second = await ask();
      assert.equal(first.headers['x-cache'], 'MISS');
      assert.equal(second.headers['x-cache'], 'HIT');
      assert.ok(second.body.equals(first.body));
      const { date: _d1, 'x-cache': _x1, 'keep-alive': _k1, ...firstHeaders } = first.headers;
      const { date: _d2, 'x-cache': _x2, 'keep-alive': _k2, ...secondHeaders } = second.headers;
      assert.deepEqual(secondHeaders, firstHeaders);
      assert.ok(secondHeaders['content-security-policy'], 'security headers too');
      const notModified = await ask({ 'if-none-match': String(first.headers.etag) });
      assert.equal(notModified.status, 304);
      assert.equal(notModified.body.length, 0);
      const staff = await ask({ cookie: 'midad_session=whatever' });
      assert.equal(staff.headers['x-cache'], 'BYPASS');
    } finally {
      await live.close();
    }
  });
});
