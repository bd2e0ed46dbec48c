// Injection over HTTP: SQL and full-text syntax in every path parameter and query parameter of
// every public route (listed from the route table) and in the newsroom's forms and lists; path
// traversal out of /media and /assets; CR/LF and foreign hosts in every redirect. Each answer
// must be an ordinary page (never a 500, never a database error's text), the data unchanged,
// no file from outside served, no header injected and no redirect leaving the site.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { HttpClient } from '../../support/http-client.ts';
import { startTestSite, type TestSite } from '../../support/site.ts';
import { actorFrom } from '../../../src/services/actor.ts';
import { createApiToken } from '../../../src/services/api-tokens/create-token.ts';
import { AttackReport } from '../support/report.ts';
import { cookieHeader, dataHash, rawRequest, routesOf } from '../support/attack-site.ts';

const report = new AttackReport('injection');

const PAYLOADS = [
  "' OR 1=1--",
  '"; DROP TABLE articles;--',
  "1' UNION SELECT password_hash FROM people--",
  '" OR * NEAR(',
  'مالي" AND title:*',
  'NEAR(a b, -1) ^ {col} : - +',
  '%',
  '_',
  '\\',
  "'); DELETE FROM comments; --",
  '\u0000null\u0000byte',
  '١٢٣ \u202e\ufeff e\u0301',
  'x'.repeat(5000),
  '-1',
  '99999999999999999999999',
  '1e309',
];
const QUERY_NAMES = [
  'q',
  'page',
  'section',
  'tag',
  'author',
  'lang',
  'sort',
  'from',
  'to',
  'limit',
  'cursor',
  'p',
  'cat',
];
const LEAKS = /SQLITE|syntax error|fts5|SqliteError|kysely|at .*\.ts:\d+|relation "|column "/i;

describe('attack suite: injection, path traversal, redirects', { timeout: 120_000 }, () => {
  let site: TestSite;
  let admin: HttpClient;
  let before0 = '';
  /** The write API's GET routes are tried as the admin would call them, past the token check. */
  let adminToken = '';

  before(async () => {
    site = await startTestSite({ listen: true });
    admin = new HttpClient(site.baseUrl);
    assert.equal((await admin.signIn(site.admin.email, site.admin.password)).status, 303);
    const person = await site.services.repos.people.byEmail(site.admin.email);
    assert.ok(person);
    const actor = await actorFrom(site.services, person, '127.0.0.1');
    adminToken = (await createApiToken(site.services, actor, { name: 'attack suite', expiresInDays: null }))
      .secret;
    before0 = await dataHash(site.services);
  });

  after(async () => {
    report.print();
    await site?.close();
  });

  const ordinary = (status: number, body: string) =>
    [200, 301, 302, 303, 304, 400, 404, 410, 414, 422, 431].includes(status) && !LEAKS.test(body);

  it('SQL and full-text syntax in every public path and query parameter', async () => {
    const routes = routesOf(site.app).filter(
      (r) => r.method === 'GET' && !r.url.startsWith('/newsroom') && !r.url.startsWith('/media'),
    );
    assert.ok(routes.length > 40, `${routes.length} public routes`);
    for (const route of routes) {
      const bad: string[] = [];
      for (const payload of PAYLOADS) {
        const enc = encodeURIComponent(payload);
        const filled = route.url.replace(/:(\w+)/g, (_, name: string) =>
          name === 'id' ? `${site.mainArticle.id}` : enc,
        );
        const withParams = route.url.includes(':') ? route.url.replace(/:(\w+)/g, enc) : null;
        // The long payload goes in one parameter: thirteen of them would pass the header limit.
        const query = (payload.length > 1000 ? ['q'] : QUERY_NAMES).map((n) => `${n}=${enc}`).join('&');
        for (const target of [`${filled}?${query}`, ...(withParams ? [withParams] : [])]) {
          const headers: Record<string, string> = route.url.startsWith('/api/v1/admin')
            ? { authorization: `Bearer ${adminToken}` }
            : {};
          const res = await rawRequest(site.baseUrl, { path: target, headers });
          if (!ordinary(res.status, res.body)) bad.push(`${res.status} for ${target.slice(0, 80)}`);
        }
      }
      report.record(
        `GET ${route.url}: ${PAYLOADS.length} payloads in path and query`,
        bad.length === 0,
        bad.slice(0, 3).join('; '),
      );
    }
    report.record('the data after all of them', (await dataHash(site.services)) === before0);
    assert.deepEqual(
      report.gotThrough().map((c) => `${c.name} (${c.detail})`),
      [],
    );
  });

  it('search finds payloads as text, not as syntax', async () => {
    for (const payload of PAYLOADS.slice(0, 10)) {
      for (const url of [
        `/search?q=${encodeURIComponent(payload)}`,
        `/api/v1/search?q=${encodeURIComponent(payload)}`,
      ]) {
        const res = await rawRequest(site.baseUrl, { path: url });
        report.record(
          `${url.split('?')[0]} q=${JSON.stringify(payload).slice(0, 40)}`,
          [200, 400].includes(res.status) && !LEAKS.test(res.body),
          String(res.status),
        );
      }
    }
    assert.deepEqual(
      report.gotThrough().map((c) => `${c.name} (${c.detail})`),
      [],
    );
  });

  it('payloads in the newsroom lists and forms are stored as text or refused, never run', async () => {
    const lists = [
      '/newsroom/articles',
      '/newsroom/comments',
      '/newsroom/media',
      '/newsroom/audit',
      '/newsroom/tags',
      '/newsroom/media.json',
    ];
    const names = ['q', 'status', 'section', 'author', 'page', 'lang', 'kind', 'action', 'person'];
    for (const list of lists) {
      const bad: string[] = [];
      for (const payload of PAYLOADS) {
        const query = (payload.length > 1000 ? ['q'] : names)
          .map((n) => `${n}=${encodeURIComponent(payload)}`)
          .join('&');
        const res = await rawRequest(site.baseUrl, {
          path: `${list}?${query}`,
          headers: { cookie: cookieHeader(admin.cookies) },
        });
        if (!ordinary(res.status, res.body)) bad.push(`${res.status} ${payload.slice(0, 20)}`);
      }
      report.record(`GET ${list}: payloads in the filters`, bad.length === 0, bad.slice(0, 3).join('; '));
    }

    // The article form: every field a payload; the other tables must not move.
    const others = ['people', 'sections', 'comments', 'media', 'settings', 'redirects', 'webhooks'] as const;
    const draft = await admin.submit('/newsroom/articles', '/newsroom/articles/new', {});
    const id = Number(/(\d+)$/.exec(draft.location ?? '')?.[1]);
    for (const payload of PAYLOADS) {
      const before = await dataHash(site.services, [...others]);
      const page = await admin.get(`/newsroom/articles/${id}`);
      const version = /name="version" value="(\d+)"/.exec(page.body)?.[1] ?? '1';
      const res = await admin.submit(`/newsroom/articles/${id}`, `/newsroom/articles/${id}`, {
        title: payload,
        slug: payload,
        dek: payload,
        body_html: `<p>${payload}</p>`,
        lang: payload,
        section_id: payload,
        tags: payload,
        author_ids: payload,
        featured_media_id: payload,
        seo_title: payload,
        seo_description: payload,
        publish_at: payload,
        version,
        intent: 'save',
      });
      const row = await site.services.db.kysely
        .selectFrom('articles')
        .select(['title'])
        .where('id', '=', id)
        .executeTakeFirst();
      const unchanged = (await dataHash(site.services, [...others])) === before;
      const count = await site.services.repos.articles.count({});
      report.record(
        `article form, every field ${JSON.stringify(payload).slice(0, 30)}`,
        [303, 400, 422].includes(res.status) &&
          unchanged &&
          row !== undefined &&
          count > 1 &&
          !LEAKS.test(res.body),
        `${res.status}`,
      );
    }
    // Other forms with text fields an admin fills in.
    const forms: [string, string, (p: string) => Record<string, string>][] = [
      [
        '/newsroom/sections',
        '/newsroom/sections',
        (p) => ({ slug: p, name_ar: p, name_fr: p, name_en: p, parent_id: p, position: p }),
      ],
      ['/newsroom/people', '/newsroom/people', (p) => ({ name: p, email: `${p}@x.example`, role: p })],
      ['/newsroom/webhooks', '/newsroom/webhooks', (p) => ({ url: p, description: p, events: p })],
      ['/newsroom/comments', '/newsroom/comments', (p) => ({ ids: p, action: p })],
    ];
    for (const [page, action, fields] of forms) {
      const bad: string[] = [];
      for (const payload of PAYLOADS) {
        const res = await admin.submit(page, action, fields(payload));
        if (res.status >= 500 || LEAKS.test(res.body)) bad.push(`${res.status} ${payload.slice(0, 20)}`);
      }
      report.record(`POST ${action}: payloads in every field`, bad.length === 0, bad.slice(0, 3).join('; '));
    }
    const articles = await site.services.db.kysely
      .selectFrom('articles')
      .select(({ fn }) => fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    report.record('the articles table is still there and full', Number(articles.n) > 10, String(articles.n));
    assert.deepEqual(
      report.gotThrough().map((c) => `${c.name} (${c.detail})`),
      [],
    );
  });

  it('path traversal out of /media and /assets', async () => {
    // A file beside the media folder, which no URL may reach.
    fs.writeFileSync(path.join(site.dataDir, 'secret.txt'), 'SECRET-OUTSIDE-MEDIA');
    const targets = [
      '/media/../secret.txt',
      '/media/../../../../etc/passwd',
      '/media/..%2fsecret.txt',
      '/media/%2e%2e/secret.txt',
      '/media/%2e%2e%2fsecret.txt',
      '/media/%252e%252e%252fsecret.txt',
      '/media/..%5csecret.txt',
      '/media/..\\secret.txt',
      '/media/....//secret.txt',
      '/media/%c0%ae%c0%ae/secret.txt',
      '/media/secret.txt%00.jpg',
      '/media//etc/passwd',
      '/media/%2fetc%2fpasswd',
      '/assets/..%2f..%2fpackage.json',
      '/assets/../package.json',
      '/assets/%2e%2e%2f%2e%2e%2fsrc%2fconfig.ts',
      '/assets/..%5c..%5cpackage.json',
      '/..%2f..%2f..%2fetc%2fpasswd',
    ];
    for (const target of targets) {
      const res = await rawRequest(site.baseUrl, { path: target });
      const leaked = /SECRET-OUTSIDE-MEDIA|root:x:0|"name": "midad"|export function loadConfig/.test(
        res.body,
      );
      report.record(
        `GET ${target}`,
        [400, 403, 404].includes(res.status) && !leaked,
        `${res.status}${leaked ? ', file content served' : ''}`,
      );
    }
    assert.deepEqual(
      report.gotThrough().map((c) => `${c.name} (${c.detail})`),
      [],
    );
  });

  it('CR/LF and foreign hosts in redirects', async () => {
    const article = site.mainArticle;
    await site.services.db.kysely
      .insertInto('redirects')
      .values({
        from_path: '/2019/05/old-post/',
        to_path: `/article/${article.id}`,
        status_code: 301,
        created_at: new Date().toISOString(),
      })
      .execute();
    const foreign = (location: string | undefined) =>
      location !== undefined &&
      (/^(https?:)?\/\//i.test(location) || /^\/\\/.test(location) || /[\r\n]/.test(location)) &&
      !location.startsWith(site.baseUrl);
    const crlf = '%0d%0aSet-Cookie:%20injected=1%0d%0aX-Injected:%201';
    const reader: [string, string][] = [
      ['stale slug with CR/LF', `/article/${article.id}/old-slug${crlf}`],
      ['stale slug with a foreign host', `/article/${article.id}//evil.example/`],
      ['legacy redirect with CR/LF', `/2019/05/old-post/${crlf}`],
      ['legacy query redirect with CR/LF', `/?p=${article.id}${crlf}`],
      ['legacy query redirect to a host', `/?p=//evil.example`],
      ['trailing slashes to another host', '//evil.example/'],
      ['newsroom gate with CR/LF', `/newsroom/articles${crlf}`],
      ['newsroom gate with a host', '/newsroom//evil.example'],
    ];
    for (const [name, target] of reader) {
      const res = await rawRequest(site.baseUrl, { path: target });
      const injected =
        res.headers['x-injected'] !== undefined ||
        String(res.headers['set-cookie'] ?? '').includes('injected');
      report.record(
        name,
        res.status < 500 && !injected && !foreign(res.headers.location),
        `${res.status} ${res.headers.location ?? ''}`.slice(0, 120),
      );
    }
    const nexts = [
      '//evil.example',
      'https://evil.example/newsroom',
      '/\\evil.example',
      '/newsroom\r\nSet-Cookie: injected=1',
      '/newsroom/../..//evil.example',
      'javascript:alert(1)',
      '/newsroom@evil.example',
      '\t//evil.example',
    ];
    for (const next of nexts) {
      const client = new HttpClient(site.baseUrl);
      const form = await client.get(`/newsroom/sign-in?next=${encodeURIComponent(next)}`);
      const res = await client.submit('/newsroom/sign-in', '/newsroom/sign-in', {
        email: site.admin.email,
        password: site.admin.password,
        next,
      });
      const location = res.location ?? '';
      report.record(
        `sign-in next=${JSON.stringify(next)}`,
        form.status === 200 &&
          res.status === 303 &&
          location.startsWith('/newsroom') &&
          !location.startsWith('//') &&
          !/[\r\n\\]/.test(location) &&
          !res.headers.getSetCookie().some((c) => c.includes('injected')),
        location,
      );
    }
    assert.deepEqual(
      report.gotThrough().map((c) => `${c.name} (${c.detail})`),
      [],
    );
  });
});
