// The page cache's rules on a small app of its own: what is stored and what is not, one render
// for many simultaneous readers, renders overtaken by a change, old copies standing in for
// failed renders; and the pieces it is built from (keys, encodings, Cache-Control).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { CacheConfig } from '../../config.ts';
import type { Article } from '../../core/types.ts';
import { createEventBus, type EventBus } from '../../services/events.ts';
import { localCacheBus } from './bus.ts';
import { publicCacheControl, tagHeaders } from './cdn.ts';
import { dependsOn } from './dependencies.ts';
import { negotiate } from './encoding.ts';
import { serverWithFastPath } from './fast-path.ts';
import { invalidationFor } from './invalidation.ts';
import { cacheKey } from './key.ts';
import { createPageCache, lifetimeMs } from './plugin.ts';
import { PageStore } from './store.ts';

const CONFIG: CacheConfig = {
  pageCacheBytes: 1024 * 1024,
  pageTtl: 600,
  maxAge: 60,
  sMaxAge: 120,
  staleWhileRevalidate: 30,
  staleIfError: 3600,
  purge: null,
};

interface Harness {
  app: FastifyInstance;
  events: EventBus;
  renders: Map<string, number>;
  state: { down: boolean; gone: boolean; gate: Promise<void> | null };
}

async function harness(): Promise<Harness> {
  const app = Fastify();
  const events = createEventBus();
  createPageCache({ config: CONFIG, events, bus: localCacheBus(), sessionCookie: 'sid' }).register(app);
  const renders = new Map<string, number>();
  const state: Harness['state'] = { down: false, gone: false, gate: null };
  const body = (name: string) => {
    renders.set(name, (renders.get(name) ?? 0) + 1);
    return `<!DOCTYPE html><p>${name} ${'page text '.repeat(200)}</p>`;
  };
  app.get('/page', async (_request, reply) => {
    if (state.gate) await state.gate;
    if (state.down) throw new Error('database unavailable');
    if (state.gone) return reply.code(404).send('gone');
    dependsOn(reply, 'article:1', ['home:ar']);
    return reply.type('text/html; charset=utf-8').send(body('page'));
  });
  app.get('/private', async (_request, reply) => {
    dependsOn(reply, 'article:1');
    return reply.header('cache-control', 'private, no-store').type('text/html').send(body('private'));
  });
  app.get('/cookie', async (_request, reply) => {
    dependsOn(reply, 'article:1');
    return reply.header('set-cookie', 'seen=1').type('text/html').send(body('cookie'));
  });
  app.get('/undeclared', async (_request, reply) => reply.type('text/html').send(body('undeclared')));
  app.post('/page', async (_request, reply) => {
    dependsOn(reply, 'article:1');
    return reply.type('text/html').send(body('post'));
  });
  return { app, events, renders, state };
}

/** The fields of an article that invalidation reads; the rest does not matter here. */
function article(fields: Partial<Article> & { id: number }): Article {
  const base = { lang: 'ar', status: 'published', translationGroup: null, sectionId: null };
  return { ...base, tagIds: [], authorIds: [], featuredMediaId: null, ...fields } as unknown as Article;
}

const xcache = async (app: FastifyInstance, url: string, headers: Record<string, string> = {}) =>
  String((await app.inject({ url, headers })).headers['x-cache']);

describe('page lifetimes', () => {
  it('are spread over the last fifth of the configured lifetime, so pages stored together expire apart', () => {
    assert.equal(lifetimeMs(600, 0), 600_000);
    assert.equal(lifetimeMs(600, 0.999999), 480_000);
    const lifetimes = new Set(Array.from({ length: 50 }, () => lifetimeMs(600)));
    assert.ok(lifetimes.size > 40, 'random lifetimes');
    for (const ms of lifetimes) assert.ok(ms > 480_000 && ms <= 600_000, String(ms));
  });
});

describe('page cache rules', () => {
  it('stores a declared page once and serves it from memory', async () => {
    const h = await harness();
    assert.equal(await xcache(h.app, '/page'), 'MISS');
    assert.equal(await xcache(h.app, '/page'), 'HIT');
    assert.equal(h.renders.get('page'), 1);
    const res = await h.app.inject('/page');
    assert.equal(
      res.headers['cache-control'],
      'public, max-age=60, s-maxage=120, stale-while-revalidate=30, stale-if-error=3600',
    );
    assert.equal(res.headers['surrogate-key'], 'article:1 home:ar');
    assert.equal(res.headers['cache-tag'], 'article:1,home:ar');
    await h.app.close();
  });

  it('never stores private answers, answers that set cookies, POSTs or undeclared pages', async () => {
    const h = await harness();
    for (let i = 0; i < 2; i++) {
      await h.app.inject('/private');
      await h.app.inject('/cookie');
      await h.app.inject('/undeclared');
      await h.app.inject({ method: 'POST', url: '/page' });
    }
    assert.deepEqual(
      ['private', 'cookie', 'undeclared', 'post'].map((n) => h.renders.get(n)),
      [2, 2, 2, 2],
    );
    const priv = await h.app.inject('/private');
    assert.equal(priv.headers['cache-control'], 'private, no-store');
    assert.equal(priv.headers['surrogate-key'], undefined);
    await h.app.close();
  });

  it('bypasses the cache for a request with a session cookie', async () => {
    const h = await harness();
    await h.app.inject('/page');
    const staff = await h.app.inject({ url: '/page', headers: { cookie: 'a=1; sid=abc' } });
    assert.equal(staff.headers['x-cache'], 'BYPASS');
    assert.equal(staff.headers['cache-control'], 'private, no-store');
    assert.equal(h.renders.get('page'), 2);
    await h.app.close();
  });

  it('renders once for many readers asking at the same moment', async () => {
    const h = await harness();
    let open!: () => void;
    h.state.gate = new Promise((resolve) => {
      open = resolve;
    });
    const answers = Array.from({ length: 8 }, () => h.app.inject('/page'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    h.state.gate = null;
    open();
    const labels = (await Promise.all(answers)).map((r) => r.headers['x-cache']);
    assert.equal(h.renders.get('page'), 1);
    assert.deepEqual(labels.sort(), ['HIT', 'HIT', 'HIT', 'HIT', 'HIT', 'HIT', 'HIT', 'MISS']);
    await h.app.close();
  });

  it('does not keep a render that a change overtook', async () => {
    const h = await harness();
    let open!: () => void;
    h.state.gate = new Promise((resolve) => {
      open = resolve;
    });
    const pending = h.app.inject('/page');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await h.events.emit({ type: 'comment', change: 'shown', articleId: 1, commentId: 5 });
    h.state.gate = null;
    open();
    assert.equal((await pending).headers['x-cache'], 'MISS');
    assert.equal(await xcache(h.app, '/page'), 'MISS', 'the overtaken render was not stored');
    assert.equal(await xcache(h.app, '/page'), 'HIT');
    await h.app.close();
  });

  it('serves the old copy when the render fails, and forgets a page that is gone', async () => {
    const h = await harness();
    await h.app.inject('/page');
    await h.events.emit({ type: 'comment', change: 'shown', articleId: 1, commentId: 5 });
    h.state.down = true;
    const stale = await h.app.inject({ url: '/page', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(stale.statusCode, 200);
    assert.equal(stale.headers['x-cache'], 'STALE');
    assert.equal(stale.headers['content-encoding'], 'gzip');
    h.state.down = false;
    h.state.gone = true;
    assert.equal((await h.app.inject('/page')).statusCode, 404);
    h.state.gone = false;
    h.state.down = true;
    assert.equal((await h.app.inject('/page')).statusCode, 500, 'no old copy of a removed page');
    await h.app.close();
  });

  it('drops the old copies of pages that showed an unpublished article', async () => {
    const h = await harness();
    await h.app.inject('/page');
    const before = article({ id: 1 });
    await h.events.emit({
      type: 'article',
      change: 'unpublished',
      before,
      after: { ...before, status: 'trashed' },
    });
    h.state.down = true;
    assert.equal((await h.app.inject('/page')).statusCode, 500);
    await h.app.close();
  });
});

describe('the fast path', () => {
  it('answers fresh hits before the framework and hands everything else on', async () => {
    const store = new PageStore(1024 * 1024);
    const logged: unknown[] = [];
    const log = {
      level: 'info',
      info: (entry: unknown) => logged.push(entry),
    } as unknown as FastifyBaseLogger;
    const factory = serverWithFastPath({ store, staffCookie: /(?:^|;\s*)sid=/, log: () => log });
    const server = factory((_req, res) => {
      res.writeHead(418).end('framework');
    }, {}) as http.Server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    const base = `http://${host}`;
    const identity = Buffer.from(`<p>${'texte '.repeat(400)}</p>`);
    const now = Date.now();
    store.set(
      {
        key: `GET ${host}/cached`,
        headers: { 'content-type': 'text/html', 'x-frame-options': 'SAMEORIGIN' },
        identity,
        gzip: gzipSync(identity),
        br: null,
        hash: 'h1',
        tags: ['nav'],
        storedAt: now,
        freshUntil: now + 60_000,
        staleSince: null,
      },
      store.generation,
    );
    try {
      const hit = await fetch(`${base}/cached`, { headers: { 'accept-encoding': 'gzip' } });
      assert.equal(hit.status, 200);
      assert.equal(hit.headers.get('x-cache'), 'HIT');
      assert.equal(hit.headers.get('content-encoding'), 'gzip');
      assert.equal(hit.headers.get('etag'), '"h1-gzip"');
      assert.equal(hit.headers.get('x-frame-options'), 'SAMEORIGIN');
      assert.equal(await hit.text(), identity.toString());
      assert.equal(logged.length, 1, 'logged like any request');
      const revalidated = await fetch(`${base}/cached`, { headers: { 'if-none-match': '"h1-gzip"' } });
      assert.equal(revalidated.status, 304);
      for (const [path, headers] of [
        ['/other', {}],
        ['/cached?utm=1', {}],
        ['/cached', { cookie: 'sid=1' }],
      ] as const) {
        assert.equal((await fetch(`${base}${path}`, { headers })).status, 418, path);
      }
      store.invalidate({ tags: ['nav'] });
      assert.equal((await fetch(`${base}/cached`)).status, 418, 'a stale page goes to the framework');
    } finally {
      server.close();
    }
  });
});

describe('page cache pieces', () => {
  it('keys: the allowed query parameters, sorted; anything else is not cached', () => {
    assert.equal(cacheKey('GET', 'Example.org', '/section/sport'), 'GET example.org/section/sport');
    assert.equal(cacheKey('HEAD', 'example.org', '/?page=2'), 'GET example.org/?page=2');
    assert.equal(
      cacheKey('GET', 'example.org', '/api/v1/articles?tag=mali&lang=fr'),
      'GET example.org/api/v1/articles?lang=fr&tag=mali',
    );
    assert.equal(cacheKey('GET', 'example.org', '/?utm_source=x'), null);
    assert.equal(cacheKey('GET', 'example.org', '/?page=2&page=3'), null);
    assert.equal(cacheKey('GET', 'example.org', '/?lang=fr'), null, 'lang only for the API');
    assert.equal(cacheKey('POST', 'example.org', '/'), null);
    assert.equal(cacheKey('GET', 'example.org', '/newsroom/articles'), null);
    assert.equal(cacheKey('GET', 'example.org', '/api/v1/search?q=x'), null);
  });

  it('encodings: brotli first, then gzip, honouring q=0 and *', () => {
    const both = { br: true, gzip: true };
    assert.equal(negotiate('gzip, deflate, br', both), 'br');
    assert.equal(negotiate('gzip', both), 'gzip');
    assert.equal(negotiate('x-gzip', both), 'gzip');
    assert.equal(negotiate('br;q=0, gzip', both), 'gzip');
    assert.equal(negotiate('*', both), 'br');
    assert.equal(negotiate('*;q=0', both), 'identity');
    assert.equal(negotiate(undefined, both), 'identity');
    assert.equal(negotiate('br', { br: false, gzip: true }), 'identity');
  });

  it('Cache-Control: a route may shorten the configured lifetimes, never lengthen them', () => {
    assert.equal(
      publicCacheControl(CONFIG, 'public, max-age=30, s-maxage=30'),
      'public, max-age=30, s-maxage=30, stale-while-revalidate=30, stale-if-error=3600',
    );
    assert.equal(
      publicCacheControl(CONFIG, 'public, max-age=300'),
      'public, max-age=60, s-maxage=120, stale-while-revalidate=30, stale-if-error=3600',
    );
  });

  it('purge-key headers: broad tags first, cut before CDNs would refuse the header', () => {
    assert.deepEqual(tagHeaders(['article:1', 'feed', 'home:ar', 'nav']), {
      'surrogate-key': 'feed nav article:1 home:ar',
      'cache-tag': 'feed,nav,article:1,home:ar',
    });
    const many = Array.from({ length: 3000 }, (_, i) => `article:${i}`);
    const { 'surrogate-key': keys } = tagHeaders(['sitemap', ...many]);
    assert.ok(keys.length <= 8000);
    assert.ok(keys.startsWith('sitemap article:'));
  });

  it('an article change touches the article, its listings before and after, feeds and sitemaps', () => {
    const before = article({ id: 7, sectionId: 1, tagIds: [2], authorIds: [3] });
    const after = article({ id: 7, lang: 'fr', sectionId: 4, tagIds: [5], authorIds: [3] });
    const result = invalidationFor({ type: 'article', change: 'updated', before, after });
    assert.ok(result && 'tags' in result);
    for (const tag of [
      'article:7',
      'home:ar',
      'home:fr',
      'in-section:1',
      'in-section:4',
      'in-tag:2',
      'in-tag:5',
      'by-person:3',
      'feed',
      'sitemap',
      'search',
      'api-articles',
    ]) {
      assert.ok(result.tags.includes(tag), tag);
    }
    assert.equal(result.drop, false);
    const hidden = invalidationFor({ type: 'article', change: 'hidden', before: null, after });
    assert.equal(hidden, null, 'a draft saved changes nothing readers see');
  });
});
