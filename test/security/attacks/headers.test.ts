// Security headers on every kind of answer, over HTTP: reader pages (also the second time, when
// the page cache answers before Fastify), newsroom pages, the API, feeds and error pages. The
// script policy allows no inline script and no eval; framing, plugins and <base> are shut; and
// HSTS is sent only when the public URL is https, where the session cookie is also Secure.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HttpClient } from '../../support/http-client.ts';
import { startTestSite, type TestSite } from '../../support/site.ts';
import { AttackReport } from '../support/report.ts';
import { cookieHeader, rawRequest } from '../support/attack-site.ts';

const report = new AttackReport('headers');

function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

/** What is wrong with one answer's headers; empty when all is well. */
function problems(headers: Record<string, string | string[] | undefined>, https: boolean): string[] {
  const out: string[] = [];
  const csp = String(headers['content-security-policy'] ?? '');
  const d = directives(csp);
  const scripts = d.get('script-src') ?? d.get('default-src') ?? [];
  if (!csp) out.push('no CSP');
  if (scripts.length === 0) out.push('no script-src');
  if (
    scripts.some((v) => ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:'].includes(v))
  ) {
    out.push(`script-src ${scripts.join(' ')}`);
  }
  const frames = d.get('frame-ancestors') ?? [];
  if (!(frames.length === 1 && ["'none'", "'self'"].includes(frames[0] ?? '')))
    out.push(`frame-ancestors ${frames.join(' ')}`);
  if ((d.get('object-src') ?? []).join(' ') !== "'none'") out.push('object-src');
  if (!d.has('base-uri')) out.push('base-uri');
  if (headers['x-content-type-options'] !== 'nosniff') out.push('x-content-type-options');
  if (!headers['referrer-policy']) out.push('referrer-policy');
  const hsts = headers['strict-transport-security'];
  if (https && !/max-age=\d{7,}/.test(String(hsts ?? ''))) out.push(`hsts ${hsts}`);
  if (!https && hsts) out.push('hsts over http');
  return out;
}

for (const https of [false, true]) {
  describe(`attack suite: security headers (${https ? 'https' : 'http'} public URL)`, {
    timeout: 60_000,
  }, () => {
    let site: TestSite;
    let admin: HttpClient;

    before(async () => {
      site = await startTestSite({
        listen: true,
        ...(https ? { config: { publicUrl: 'https://news.midad.example' } } : {}),
      });
      admin = new HttpClient(site.baseUrl);
      assert.equal((await admin.signIn(site.admin.email, site.admin.password)).status, 303);
    });

    after(async () => {
      if (https) report.print();
      await site?.close();
    });

    it('every kind of answer carries the headers', async () => {
      const article = site.mainArticle;
      const pages: [string, string, boolean][] = [
        ['home', '/', false],
        ['article', `/article/${article.id}/${encodeURIComponent(article.slug)}`, false],
        ['search', '/search?q=%D9%85%D8%A7%D9%84%D9%8A', false],
        ['French section', '/fr', false],
        ['feed', '/feed.xml', false],
        ['API list', '/api/v1/articles', false],
        ['API not found', '/api/v1/articles/999999', false],
        ['not found page', '/no-such-page', false],
        ['bad request', '/article/1/%E0%A4%A', false],
        ['stylesheet', '/robots.txt', false],
        ['sign-in page', '/newsroom/sign-in', false],
        ['newsroom home', '/newsroom', true],
        ['newsroom editor', `/newsroom/articles/${article.id}`, true],
        ['newsroom forbidden', '/newsroom/articles/999999', true],
      ];
      for (const [name, path, signedIn] of pages) {
        const headers: Record<string, string> = signedIn ? { cookie: cookieHeader(admin.cookies) } : {};
        const first = await rawRequest(site.baseUrl, { path, headers });
        const second = await rawRequest(site.baseUrl, { path, headers });
        for (const [label, res] of [
          ['', first],
          [` (again${second.headers['x-cache'] === 'HIT' ? ', from the page cache' : ''})`, second],
        ] as const) {
          const found = problems(res.headers, https);
          report.record(
            `${https ? 'https' : 'http'} ${name}${label}`,
            found.length === 0,
            `${res.status} ${found.join(', ')}`,
          );
        }
      }
      assert.deepEqual(
        report.gotThrough().map((c) => `${c.name} (${c.detail})`),
        [],
      );
    });

    it('the home page is answered from the page cache with the same headers', async () => {
      await rawRequest(site.baseUrl, { path: '/?cache-check' });
      const a = await rawRequest(site.baseUrl, { path: '/' });
      const b = await rawRequest(site.baseUrl, { path: '/' });
      report.record(
        `${https ? 'https' : 'http'} cached home page`,
        b.headers['x-cache'] === 'HIT' &&
          a.headers['content-security-policy'] === b.headers['content-security-policy'] &&
          problems(b.headers, https).length === 0,
        String(b.headers['x-cache']),
      );
      assert.deepEqual(report.gotThrough(), []);
    });

    if (https) {
      it('the session cookie is Secure behind an https public URL', async () => {
        const client = new HttpClient(site.baseUrl);
        const form = await rawRequest(site.baseUrl, { path: '/newsroom/sign-in' });
        const pre = String(form.headers['set-cookie'] ?? '');
        const res = await client.signIn(site.admin.email, site.admin.password);
        const cookie = res.headers.getSetCookie().find((c) => c.startsWith('midad_session=')) ?? '';
        report.record(
          'Secure session cookie on https',
          /;\s*Secure/i.test(cookie) && /;\s*HttpOnly/i.test(cookie),
          cookie.replace(/=[^;]+/, '=…'),
        );
        report.record('Secure pre-session cookie on https', /;\s*Secure/i.test(pre));
        assert.deepEqual(report.gotThrough(), []);
      });
    }
  });
}
