// The content API over HTTP (app.inject) on the demo site: listing, filters, cursor paging while
// articles are published, one article, taxonomies, 400/404 errors, ETags, rate limits, OpenAPI.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify from 'fastify';
import { startTestSite, type TestSite } from '../../../test/support/site.ts';
import type { ApiArticleFull, ApiArticleSummary } from '../../services/api-article.ts';
import { descendantIds } from '../../services/reader.ts';
import { loadAssets } from '../assets.ts';
import { registerErrorHandling } from '../errors.ts';
import { articlePath } from '../reader/urls.ts';
import { contentApi } from './content-routes.ts';

let site: TestSite;

before(async () => {
  site = await startTestSite();
});
after(() => site.close());

interface ListBody {
  data: ApiArticleSummary[];
  next_cursor: string | null;
}

async function api<T>(url: string, status = 200, headers: Record<string, string> = {}): Promise<T> {
  const res = await site.app.inject({ url: `/api/v1${url}`, headers });
  assert.equal(res.statusCode, status, `${url}: ${res.body}`);
  assert.match(res.headers['content-type'] as string, /^application\/json/);
  return JSON.parse(res.body) as T;
}

async function everything(query: string): Promise<ApiArticleSummary[]> {
  const out: ApiArticleSummary[] = [];
  let cursor: string | null = null;
  do {
    const page: ListBody = await api<ListBody>(`/articles?${query}${cursor ? `&cursor=${cursor}` : ''}`);
    out.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor);
  return out;
}

describe('content API', () => {
  it('lists published articles newest first, with presented fields only', async () => {
    const body = await api<ListBody>('/articles');
    const total = (await site.services.repos.articles.listPublished({ limit: 1 })).total;
    assert.equal(body.data.length, Math.min(20, total));
    assert.ok(body.next_cursor);
    const first = body.data[0]!;
    assert.deepEqual(Object.keys(first).sort(), [
      'authors',
      'dek',
      'excerpt',
      'id',
      'image',
      'is_breaking',
      'is_featured',
      'lang',
      'published_at',
      'section',
      'slug',
      'tags',
      'title',
      'updated_at',
      'url',
    ]);
    const dates = body.data.map((a) => a.published_at);
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.ok(!JSON.stringify(body).includes('@'), 'no e-mail address leaks');
  });

  it('pages with a cursor without gaps or repeats while articles are published', async () => {
    const { repos } = site.services;
    const expected = (await repos.articles.listPublished({ limit: 1000 })).items.map((a) => a.id);
    const seen: number[] = [];
    let cursor: string | null = null;
    let published: number | null = null;
    do {
      const page: ListBody = await api<ListBody>(`/articles?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.data.map((a) => a.id));
      cursor = page.next_cursor;
      if (published === null) {
        // A newsroom publishes between two page requests.
        published = (
          await repos.articles.create({
            lang: 'ar',
            status: 'published',
            title: 'عاجل',
            slug: 'api-paging-test',
            publishedAt: new Date().toISOString(),
          })
        ).id;
      }
    } while (cursor);
    assert.deepEqual(seen, expected);
    assert.equal(new Set(seen).size, seen.length);
    await repos.articles.setStatus(published!, 'trashed');
  });

  it('filters by language, section with its subsections, tag, author and dates', async () => {
    const { repos } = site.services;
    const a = site.mainArticle;
    assert.ok((await everything('lang=fr')).every((x) => x.lang === 'fr'));
    const sections = await repos.sections.list();
    const section = sections.find((s) => s.id === a.sectionId)!;
    const ids = descendantIds(sections, section.id);
    const inSection = await everything(`section=${encodeURIComponent(section.slug)}`);
    assert.equal(inSection.length, (await repos.articles.listPublished({ sectionIds: ids, limit: 1 })).total);
    const tag = (await repos.tags.byId(a.tagIds[0]!))!;
    assert.ok(
      (await everything(`tag=${encodeURIComponent(tag.slug)}`)).every((x) =>
        x.tags.some((t) => t.slug === tag.slug),
      ),
    );
    const author = (await repos.people.byId(a.authorIds[0]!))!;
    assert.ok(
      (await everything(`author=${author.slug}`)).every((x) => x.authors.some((p) => p.slug === author.slug)),
    );
    const day = a.publishedAt!.slice(0, 10);
    const sameDay = await everything(`from=${day}&to=${day}`);
    assert.ok(sameDay.some((x) => x.id === a.id));
    assert.ok(sameDay.every((x) => x.published_at.startsWith(day)));
  });

  it('returns only the fields asked for, and id', async () => {
    const body = await api<ListBody>('/articles?fields=title,url&limit=2');
    for (const item of body.data) assert.deepEqual(Object.keys(item).sort(), ['id', 'title', 'url']);
  });

  it('refuses bad parameters with 400 and a JSON error', async () => {
    const cases: [string, string][] = [
      ['/articles?colour=red', 'unknown_parameter'],
      ['/articles?limit=101', 'invalid_parameter'],
      ['/articles?limit=0', 'invalid_parameter'],
      ['/articles?limit=ten', 'invalid_parameter'],
      ['/articles?cursor=%%%', 'invalid_cursor'],
      [`/articles?cursor=${Buffer.from('{"a":1}').toString('base64url')}`, 'invalid_cursor'],
      ['/articles?from=2026-02-30', 'invalid_parameter'],
      ['/articles?lang=de', 'invalid_parameter'],
      ['/articles?lang=ar&lang=fr', 'invalid_parameter'],
      ['/articles?fields=title,password', 'invalid_parameter'],
      ['/sections?x=1', 'unknown_parameter'],
    ];
    for (const [url, code] of cases) {
      const body = await api<{ error: { code: string; message: string } }>(url, 400);
      assert.equal(body.error.code, code, url);
      assert.ok(body.error.message.length > 5);
    }
  });

  it('answers 404 for unknown filters, unpublished articles and endpoints', async () => {
    const draft = (await site.services.repos.articles.listPublished({ limit: 1 })).items[0]!;
    const drafts = await site.services.repos.articles.create({
      lang: 'ar',
      status: 'draft',
      title: 'مسودة',
      slug: 'api-draft',
    });
    for (const url of [
      '/articles?section=nope',
      '/articles?tag=nope',
      '/articles?author=nope',
      `/articles/${drafts.id}`,
      '/articles/api-draft?lang=ar',
      '/nothing',
    ]) {
      const body = await api<{ error: { code: string } }>(url, 404);
      assert.equal(body.error.code, 'not_found', url);
    }
    assert.ok(draft);
  });

  it('returns one article by id or by slug, with body and translations', async () => {
    const a = site.mainArticle;
    const byId = await api<{ data: ApiArticleFull }>(`/articles/${a.id}`);
    assert.equal(byId.data.url, site.baseUrl + articlePath(a));
    assert.ok(byId.data.body_html.includes(`src="${site.baseUrl}/media/`));
    const bySlug = await api<{ data: ApiArticleFull }>(`/articles/${encodeURIComponent(a.slug)}?lang=ar`);
    assert.equal(bySlug.data.id, a.id);
    const en = (await site.services.repos.articles.listPublished({ lang: 'en', limit: 50 })).items.find(
      (x) => x.translationGroup !== null,
    )!;
    const translated = await api<{ data: ApiArticleFull }>(`/articles/${en.id}`);
    assert.deepEqual(
      translated.data.translations.map((t) => t.lang),
      ['ar'],
    );
  });

  it('lists sections, tags and the people who published', async () => {
    const { repos } = site.services;
    const sections = await api<{ data: { slug: string; names: Record<string, string> }[] }>('/sections');
    assert.equal(sections.data.length, (await repos.sections.list()).length);
    assert.ok(sections.data[0]!.names.ar && sections.data[0]!.names.fr);
    const tags = await api<{ data: { slug: string }[] }>('/tags');
    assert.equal(tags.data.length, (await repos.tags.list()).length);
    const authors = await api<{ data: { slug: string; name: string }[] }>('/authors');
    const staff = await repos.people.list();
    assert.ok(
      authors.data.length > 0 && authors.data.length < staff.length,
      'the admin, who wrote nothing, is not listed',
    );
    assert.ok(!JSON.stringify(authors).includes('@'));
  });

  it('answers 304 to a matching ETag', async () => {
    const res = await site.app.inject('/api/v1/articles?limit=3');
    const again = await site.app.inject({
      url: '/api/v1/articles?limit=3',
      headers: { 'if-none-match': res.headers.etag as string },
    });
    assert.equal(again.statusCode, 304);
  });

  it('describes every route in its OpenAPI document', async () => {
    const doc = await api<{ openapi: string; paths: Record<string, unknown>; servers: { url: string }[] }>(
      '/openapi.json',
    );
    assert.equal(doc.openapi, '3.1.0');
    assert.equal(doc.servers[0]!.url, `${site.baseUrl}/api/v1`);
    for (const path of ['/articles', '/articles/{ref}', '/sections', '/tags', '/authors', '/search']) {
      assert.ok(doc.paths[path], path);
    }
  });

  it('limits requests per address', async () => {
    const app = Fastify();
    registerErrorHandling(app, { services: site.services, assets: loadAssets().urls });
    await app.register(contentApi, { prefix: '/api/v1', services: site.services, rateLimitMax: 2 });
    try {
      for (let i = 0; i < 2; i++) assert.equal((await app.inject('/api/v1/tags')).statusCode, 200);
      const res = await app.inject('/api/v1/tags');
      assert.equal(res.statusCode, 429);
      assert.equal(JSON.parse(res.body).error.code, 'rate_limited');
      assert.equal(
        (await app.inject({ url: '/api/v1/tags', remoteAddress: '198.51.100.9' })).statusCode,
        200,
      );
    } finally {
      await app.close();
    }
  });
});
