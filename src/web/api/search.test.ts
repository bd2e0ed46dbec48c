// GET /api/v1/search over HTTP (app.inject) on the demo site: the documented answer, paging by
// cursor, refusals with the content API's codes, ETags, the in-process cache and its emptying on
// publication, and the content API's rate limit.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify from 'fastify';
import { buildArticle } from '../../../test/support/factories.ts';
import { testRedis } from '../../../test/support/redis.ts';
import { startTestSite, type TestSite } from '../../../test/support/site.ts';
import { loadAssets } from '../assets.ts';
import { registerErrorHandling } from '../errors.ts';
import { contentApi } from './content-routes.ts';
import type { SearchAnswer } from './responses.ts';

let site: TestSite;

before(async () => {
  site = await startTestSite();
});
after(() => site.close());

const get = (url: string, headers: Record<string, string> = {}) =>
  site.app.inject({ method: 'GET', url: `/api/v1/search${url}`, headers });

async function answer(url: string): Promise<SearchAnswer> {
  const res = await get(url);
  assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
  assert.match(res.headers['content-type'] as string, /^application\/json/);
  return res.json<SearchAnswer>();
}

async function refusal(url: string, status = 400): Promise<{ code: string; message: string }> {
  const res = await get(url);
  assert.equal(res.statusCode, status, `${url}: ${res.body}`);
  assert.match(res.headers['content-type'] as string, /^application\/json/);
  return res.json<{ error: { code: string; message: string } }>().error;
}

const q = (text: string) => `?q=${encodeURIComponent(text)}`;

describe('search API', () => {
  it('answers the documented fields, with the words found marked', async () => {
    const body = await answer(q('تمبكتو'));
    assert.deepEqual(Object.keys(body).sort(), ['data', 'next_cursor', 'total', 'total_is_estimate']);
    assert.ok(body.total > 0);
    const first = body.data[0]!;
    assert.deepEqual(Object.keys(first).sort(), ['id', 'published_at', 'section', 'snippet', 'title', 'url']);
    assert.ok(first.url.startsWith(site.baseUrl));
    assert.match(first.snippet, /<mark>[^<]*تمبكتو<\/mark>/);
  });

  it('filters by language', async () => {
    const fr = await answer(`${q('Mali')}&lang=fr&limit=3`);
    assert.ok(fr.data.length > 0 && fr.data.length <= 3);
    for (const r of fr.data) assert.match(r.url, /\/fr\/article\//);
  });

  it('pages with next_cursor through every match once, by relevance and by date', async () => {
    for (const sort of ['relevance', 'date']) {
      const all = await answer(`${q('مالي')}&sort=${sort}&limit=50`);
      assert.ok(all.total > 3 && all.total <= 50, `enough matches to page through (${all.total})`);
      const seen: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: SearchAnswer = await answer(
          `${q('مالي')}&sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...page.data.map((r) => r.id));
        cursor = page.next_cursor;
        pages++;
      } while (cursor);
      assert.deepEqual(
        seen,
        all.data.map((r) => r.id),
        sort,
      );
      assert.equal(pages, Math.ceil(all.total / 2), sort);
    }
  });

  it('refuses unknown, repeated, out-of-range and over-long parameters with a JSON code', async () => {
    const cursorOfOther = (await answer(`${q('مالي')}&limit=1`)).next_cursor!;
    const cases: [string, string][] = [
      [`${q('مالي')}&per_page=999`, 'unknown_parameter'],
      [`${q('مالي')}&foo=1`, 'unknown_parameter'],
      [`${q('مالي')}&page=2`, 'unknown_parameter'],
      [`${q('مالي')}&limit=999`, 'invalid_parameter'],
      [`${q('مالي')}&limit=51`, 'invalid_parameter'],
      [`${q('مالي')}&limit=0`, 'invalid_parameter'],
      [`${q('مالي')}&limit=-5`, 'invalid_parameter'],
      [`${q('مالي')}&limit=ten`, 'invalid_parameter'],
      [`${q('مالي')}&limit=2.5`, 'invalid_parameter'],
      [`${q('مالي')}&q=${encodeURIComponent('تمبكتو')}`, 'invalid_parameter'],
      [`${q('مالي')}&sort=popular`, 'invalid_parameter'],
      [`${q('مالي')}&lang=de`, 'invalid_parameter'],
      [`${q('مالي')}&from=2026-02-30`, 'invalid_parameter'],
      [q('x'.repeat(501)), 'invalid_parameter'],
      ['', 'invalid_parameter'],
      [q('   '), 'invalid_parameter'],
      [`${q('مالي')}&cursor=%%%`, 'invalid_cursor'],
      [`${q('مالي')}&cursor=${Buffer.from('["s",-1,"x"]').toString('base64url')}`, 'invalid_cursor'],
      [`${q('تمبكتو')}&cursor=${cursorOfOther}`, 'invalid_cursor'],
    ];
    for (const [url, code] of cases) {
      const error = await refusal(url);
      assert.equal(error.code, code, url);
      assert.ok(error.message.length > 5, url);
    }
    assert.match((await refusal(`${q('a')}&q=b`)).message, /^q: given more than once/);
    assert.equal((await refusal(`${q('مالي')}&section=nope`, 404)).code, 'not_found');
    assert.equal((await refusal(`${q('مالي')}&author=nope`, 404)).code, 'not_found');
    // The longest query allowed is still a search.
    assert.equal((await get(q('x'.repeat(500)))).statusCode, 200);
  });

  it('answers an ETag and Cache-Control, and 304 to a matching If-None-Match', async () => {
    const res = await get(q('مالي'));
    assert.ok(res.headers.etag);
    assert.match(String(res.headers['cache-control']), /public, max-age=\d+/);
    const again = await get(q('مالي'), { 'if-none-match': res.headers.etag as string });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
  });

  it('serves a repeated search from memory until an article is published', async () => {
    const word = 'Zanzibarique';
    const first = await answer(q(word));
    assert.equal(first.total, 0);
    // Indexed without telling anyone: the kept answer stands (and proves the cache is used).
    const quiet = await site.services.repos.articles.create({
      lang: 'fr',
      status: 'published',
      title: `${word} silencieux`,
      slug: 'api-search-quiet',
      publishedAt: new Date().toISOString(),
    });
    await site.services.search.indexArticle(quiet.id);
    assert.equal((await answer(`?q=%20${word}%20`)).total, 0, 'spacing does not make another search');
    // A publication announced as the newsroom does empties the kept answers.
    const loud = await buildArticle(site.services, { lang: 'fr', title: `${word} annoncé` });
    const after = await answer(q(word));
    assert.equal(after.total, 2);
    assert.deepEqual(after.data.map((r) => r.id).sort(), [quiet.id, loud.id].sort());
    await site.services.repos.articles.setStatus(quiet.id, 'trashed');
    await site.services.repos.articles.setStatus(loud.id, 'trashed');
  });

  it('is rate limited with the content API, x-ratelimit headers on every answer', async () => {
    const app = Fastify();
    registerErrorHandling(app, { services: site.services, assets: loadAssets().urls });
    await app.register(contentApi, { prefix: '/api/v1', services: site.services, rateLimitMax: 2 });
    try {
      for (let i = 0; i < 2; i++) {
        const res = await app.inject(`/api/v1/search${q('مالي')}`);
        assert.equal(res.statusCode, 200);
        assert.equal(res.headers['x-ratelimit-limit'], '2');
        assert.equal(res.headers['x-ratelimit-remaining'], String(1 - i));
        assert.ok(res.headers['x-ratelimit-reset']);
      }
      const limited = await app.inject(`/api/v1/search${q('مالي')}`);
      assert.equal(limited.statusCode, 429);
      assert.equal(limited.json<{ error: { code: string } }>().error.code, 'rate_limited');
      assert.ok(limited.headers['retry-after']);
      // The count is per address and shared with the other content API routes.
      assert.equal((await app.inject('/api/v1/tags')).statusCode, 429);
      const other = await app.inject({ url: `/api/v1/search${q('مالي')}`, remoteAddress: '198.51.100.9' });
      assert.equal(other.statusCode, 200);
    } finally {
      await app.close();
    }
  });

  it('shares its counts between processes through Redis, as the content API does', async (t) => {
    const redis = await testRedis();
    if ('skip' in redis) return t.skip(redis.skip);
    const apps = [Fastify(), Fastify()];
    for (const app of apps) {
      registerErrorHandling(app, { services: site.services, assets: loadAssets().urls });
      await app.register(contentApi, {
        prefix: '/api/v1',
        services: site.services,
        rateLimitMax: 2,
        redis: redis.client,
      });
    }
    // An address no other run uses: the counts live in Redis for a minute.
    const remoteAddress = `2001:db8::${Math.floor(Math.random() * 0xffff).toString(16)}:${process.pid.toString(16)}`;
    const ask = (app: (typeof apps)[number]) =>
      app.inject({ url: `/api/v1/search${q('مالي')}`, remoteAddress });
    try {
      assert.equal((await ask(apps[0]!)).statusCode, 200);
      const second = await ask(apps[1]!);
      assert.equal(second.statusCode, 200);
      assert.equal(second.headers['x-ratelimit-remaining'], '0');
      assert.equal((await ask(apps[0]!)).statusCode, 429);
    } finally {
      for (const app of apps) await app.close();
      redis.client.disconnect();
    }
  });
});
