// CORS and Cross-Origin-Resource-Policy over real HTTP on the demo site, page cache on: the
// content API, feeds, sitemaps and media are readable from any origin with GET/HEAD only and
// without credentials, also when a stored copy is answered before Fastify (fast path); the
// newsroom, reader pages and forms answer no CORS headers.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestSite, type TestSite } from '../../test/support/site.ts';
import type { ApiArticleFull } from '../services/api-article.ts';

let site: TestSite;
let mediaPath: string;

const ORIGIN = 'https://partner.example';

before(async () => {
  site = await startTestSite({ listen: true });
  const res = await fetch(`${site.baseUrl}/api/v1/articles/${site.mainArticle.id}`);
  const { data } = (await res.json()) as { data: ApiArticleFull };
  assert.ok(data.image, 'the demo article has a picture');
  mediaPath = new URL(data.image.url).pathname;
});
after(() => site.close());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${site.baseUrl}${path}`, { headers: { origin: ORIGIN, ...headers } });

const preflight = (path: string, method = 'GET', extra: Record<string, string> = {}) =>
  fetch(`${site.baseUrl}${path}`, {
    method: 'OPTIONS',
    headers: { origin: ORIGIN, 'access-control-request-method': method, ...extra },
  });

function corsHeaders(res: Response): string[] {
  return [...res.headers.keys()].filter((name) => name.startsWith('access-control-'));
}

describe('cross-origin reads', () => {
  it('lets any origin read the content API, feeds, sitemaps and media, even from the page cache', async () => {
    const paths = [
      '/api/v1/articles?limit=2',
      '/api/v1/search?q=mali',
      '/feed.xml',
      '/fr/feed.json',
      '/sitemap.xml',
    ];
    for (const path of [...paths, mediaPath]) {
      // Twice: the second answer of a cacheable document comes from memory.
      for (const round of [1, 2]) {
        const res = await get(path);
        assert.equal(res.status, 200, `${path} (${round})`);
        await res.arrayBuffer();
        assert.equal(res.headers.get('access-control-allow-origin'), '*', `${path} (${round})`);
        assert.equal(res.headers.get('access-control-allow-credentials'), null, path);
        assert.match(String(res.headers.get('access-control-expose-headers')), /ETag/i, path);
      }
    }
    const cached = await get('/feed.xml');
    await cached.arrayBuffer();
    assert.equal(cached.headers.get('x-cache'), 'HIT', 'the feed is answered from memory');
    assert.equal(cached.headers.get('access-control-allow-origin'), '*');
    // A client that sends no Origin (a feed reader) gets the same stored copy.
    const plain = await fetch(`${site.baseUrl}/feed.xml`);
    await plain.arrayBuffer();
    assert.equal(plain.headers.get('access-control-allow-origin'), '*');
  });

  it('answers the preflight with GET and HEAD only, no credentials', async () => {
    for (const path of ['/api/v1/articles', '/feed.xml', mediaPath]) {
      const res = await preflight(path, 'GET', { 'access-control-request-headers': 'if-none-match' });
      assert.equal(res.status, 204, path);
      assert.equal(res.headers.get('access-control-allow-origin'), '*', path);
      const methods = String(res.headers.get('access-control-allow-methods'))
        .split(',')
        .map((m) => m.trim())
        .sort();
      assert.deepEqual(methods, ['GET', 'HEAD'], path);
      assert.match(String(res.headers.get('access-control-allow-headers')), /If-None-Match/i, path);
      assert.equal(res.headers.get('access-control-allow-credentials'), null, path);
    }
    // An OPTIONS that is no browser's preflight is not refused with a bare text error.
    const bare = await fetch(`${site.baseUrl}/api/v1/articles`, { method: 'OPTIONS' });
    await bare.arrayBuffer();
    assert.equal(bare.status, 204);
    // Asking for a write gets the same answer, which the browser reads as a refusal.
    const post = await preflight('/api/v1/articles', 'POST');
    assert.ok(!String(post.headers.get('access-control-allow-methods')).includes('POST'));
  });

  it('answers no CORS headers for the newsroom, reader pages, forms and the write API', async () => {
    for (const path of ['/newsroom', '/newsroom/sign-in', '/', '/search?q=mali', '/api/v1/admin/articles']) {
      const res = await get(path, { 'access-control-request-method': 'GET' });
      await res.arrayBuffer();
      assert.deepEqual(corsHeaders(res), [], path);
      const pre = await preflight(path);
      await pre.arrayBuffer();
      assert.deepEqual(corsHeaders(pre), [], `${path} preflight`);
      assert.notEqual(pre.status, 204, `${path} preflight`);
    }
    // Dressed-up paths are judged by the route they reach.
    for (const path of ['/api/v1/%61dmin/articles', '/api/v1/admin/../admin/articles']) {
      const pre = await preflight(path);
      await pre.arrayBuffer();
      assert.deepEqual(corsHeaders(pre), [], path);
    }
    const comment = await fetch(`${site.baseUrl}/article/${site.mainArticle.id}/comments`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'name=x&body=y',
    });
    await comment.arrayBuffer();
    assert.deepEqual(corsHeaders(comment), []);
  });

  it('marks media and feeds Cross-Origin-Resource-Policy: cross-origin, other pages same-origin', async () => {
    for (const path of [mediaPath, '/feed.xml', '/en/feed.atom', mediaPath, '/feed.xml']) {
      const res = await get(path);
      await res.arrayBuffer();
      assert.equal(res.headers.get('cross-origin-resource-policy'), 'cross-origin', path);
    }
    for (const path of ['/', '/newsroom/sign-in']) {
      const res = await get(path);
      await res.arrayBuffer();
      assert.equal(res.headers.get('cross-origin-resource-policy'), 'same-origin', path);
    }
  });
});
