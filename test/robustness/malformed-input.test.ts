// Every route in the route table, sent what no form sends: each field given twice, empty,
// over-long, badly percent-encoded, or (as JSON) an array, an object or a number; each query
// parameter the same. Nothing may answer 5xx; every refusal is a page in the language of the
// path (the reader's) or of the person (the newsroom's), or JSON with a stable code. A field a
// form sends once, sent twice or badly encoded, is refused with a 4xx. The forms come from the
// pages themselves, crawled as an admin, so new forms are covered without listing them here.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { type NewsroomClient, staffClient } from '../support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../support/site.ts';
import {
  encodePairs,
  type Form,
  formsOf,
  jsonVariantsOf,
  linksOf,
  multipartOf,
  multiValuedNames,
  type Variant,
  variantsOf,
} from './forms.ts';

interface Route {
  method: string;
  url: string;
  pattern: RegExp;
}

let site: TestSite;
let admin: NewsroomClient;
const routes: Route[] = [];
const ADMIN_IP = '203.0.113.77';
/** Pages and actions never sent variants: signing out would end the crawl's own session. */
const SKIP = [/^\/newsroom\/sign-out$/];
const QUERY_NAMES = ['page', 'q', 'status', 'section', 'author', 'lang', 'sort', 'next', 'done', 'cursor'];

function toPattern(url: string): RegExp {
  const body = url
    .split('/')
    .map((part) =>
      part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${body}/?$`);
}

function routeOf(method: string, url: string): Route | undefined {
  const path = url.split('?')[0]!;
  const matches = routes.filter((r) => r.method === method && r.pattern.test(path));
  // The most specific route: fewest parameters.
  return matches.sort((a, b) => a.url.split(':').length - b.url.split(':').length)[0];
}

async function send(options: InjectOptions): Promise<LightMyRequestResponse> {
  return site.app.inject({
    ...options,
    remoteAddress: ADMIN_IP,
    headers: {
      cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      ...(options.headers ?? {}),
    },
  });
}

function expectedLang(url: string): string {
  if (url.startsWith('/newsroom')) return 'ar';
  const first = url.split(/[/?]/)[1];
  return first === 'fr' || first === 'en' ? first : 'ar';
}

const problems: string[] = [];
/** Fields some page sends several values under: sent twice, they may be accepted. */
const multiValued = new Set<string>();
let sent = 0;

/** Checks one answer: never 5xx, a refusal is a page in the right language or JSON with a code. */
function judge(what: string, url: string, res: LightMyRequestResponse, mustRefuse: boolean): void {
  sent++;
  const where = `${what} → ${res.statusCode} (${url.slice(0, 90)})`;
  if (res.statusCode >= 500) {
    problems.push(`server error: ${where} ${res.body.slice(0, 200)}`);
    return;
  }
  if (mustRefuse && res.statusCode < 400) problems.push(`accepted: ${where}`);
  if (res.statusCode < 400) return;
  if (/\bat .+\.(ts|js):\d+|ZodError|Error:/.test(res.body))
    problems.push(`stack or error name shown: ${where}`);
  const type = String(res.headers['content-type'] ?? '');
  if (type.startsWith('application/json')) {
    const code = (JSON.parse(res.body) as { error?: { code?: unknown } }).error?.code;
    if (typeof code !== 'string') problems.push(`JSON error without a code: ${where}`);
  } else if (type.startsWith('text/html')) {
    const lang = /<html lang="([^"]+)"/.exec(res.body)?.[1];
    if (lang !== expectedLang(url)) problems.push(`page in "${lang}", not "${expectedLang(url)}": ${where}`);
  } else if (res.statusCode !== 410 && res.body !== '') {
    problems.push(`refusal neither a page nor JSON (${type}): ${where}`);
  }
}

/** Staff must stay signed in as an admin for the crawl to reach every page. */
async function keepSignedIn(): Promise<void> {
  const res = await send({ method: 'GET', url: '/newsroom' });
  if (res.statusCode === 200) return;
  await site.services.repos.settings.set('security.requireTwoFactor', false);
  admin = await staffClient(site, 'admin', `203.0.113.${78 + Math.floor(Math.random() * 100)}`);
}

async function crawl(): Promise<{ pages: Map<string, string>; forms: Form[] }> {
  const pages = new Map<string, string>();
  const perRoute = new Map<string, number>();
  const forms = new Map<string, Form>();
  const queue = ['/newsroom', '/', '/fr', '/en'];
  while (queue.length > 0 && pages.size < 400) {
    const url = queue.shift()!;
    if (pages.has(url) || SKIP.some((s) => s.test(url)) || /^\/(media|assets)\//.test(url)) continue;
    const route = routeOf('GET', url);
    if (!route || (perRoute.get(route.url) ?? 0) >= 2) continue;
    perRoute.set(route.url, (perRoute.get(route.url) ?? 0) + 1);
    const res = await send({ method: 'GET', url });
    if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('text/html')) continue;
    pages.set(url, res.body);
    for (const name of multiValuedNames(res.body)) multiValued.add(name);
    queue.push(...linksOf(res.body));
    for (const form of formsOf(res.body, url)) {
      const action = form.action.split('#')[0]!;
      const key = `${form.method} ${routeOf(form.method, action)?.url ?? action} ${form.fields.map(([n]) => n).join(',')}`;
      if (!forms.has(key)) forms.set(key, { ...form, action });
    }
  }
  return { pages, forms: [...forms.values()] };
}

async function sendFormVariants(form: Form, reached: Set<string>, madeUp = false): Promise<void> {
  const route = routeOf(form.method, form.action.split('?')[0]!);
  if (route) reached.add(`${route.method} ${route.url}`);
  const keep = (name: string) => name !== '_csrf' || form.method === 'POST';
  const variants = variantsOf(form.fields, keep);
  for (const v of variants) {
    // A field sent twice or badly encoded is not something the form can send: it must be refused.
    // Made-up requests carry names the route may not read: only their encoding must be refused.
    const field = v.label.split(' ')[0]!;
    const mustRefuse =
      v.label.includes('badly encoded') || (v.label.includes('twice') && !madeUp && !multiValued.has(field));
    if (form.method === 'GET') {
      const url = `${form.action.split('?')[0]}?${encodePairs(v.pairs)}`;
      judge(`GET form ${v.label}`, url, await send({ method: 'GET', url }), false);
      continue;
    }
    const payload = encodePairs(v.pairs);
    if (form.multipart) {
      const plain = v.pairs.map(([n, val]): [string, string] => [n, 'raw' in val ? val.raw : val.text]);
      const { body, type } = multipartOf(plain);
      judge(
        `multipart ${v.label}`,
        form.action,
        await send({ method: 'POST', url: form.action, payload: body, headers: { 'content-type': type } }),
        false,
      );
      continue;
    }
    const res = await send({
      method: 'POST',
      url: form.action,
      payload,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    judge(`form ${v.label}`, form.action, res, mustRefuse);
  }
  if (form.method === 'POST' && !form.multipart) {
    for (const j of jsonVariantsOf(form.fields, (n) => n !== '_csrf')) {
      const res = await send({
        method: 'POST',
        url: form.action,
        payload: JSON.stringify(j.body),
        headers: { 'content-type': 'application/json', accept: 'application/json' },
      });
      judge(`JSON ${j.label}`, form.action, res, false);
    }
  }
  await keepSignedIn();
}

async function sendQueryVariants(url: string): Promise<void> {
  const [path, query = ''] = url.split('?');
  const present = [...new URLSearchParams(query)].map(([n, v]): [string, string] => [n, v]);
  const names = [...new Set([...present.map(([n]) => n), ...QUERY_NAMES])];
  for (const name of names) {
    const fields: [string, string][] = [...present.filter(([n]) => n !== name), [name, '2']];
    const variants: Variant[] = variantsOf(fields, (n) => n === name);
    variants.push({
      label: `${name}[] as an array`,
      pairs: [
        [`${name}[]`, { text: '1' }],
        [`${name}[]`, { text: '2' }],
      ],
    });
    for (const v of variants) {
      const target = `${path}?${encodePairs(v.pairs)}`;
      judge(`query ${v.label}`, target, await send({ method: 'GET', url: target }), false);
    }
  }
}

before(async () => {
  site = await startTestSite({
    onRoute: (r) => {
      for (const method of [r.method].flat()) {
        if (method !== 'HEAD') routes.push({ method, url: r.url, pattern: toPattern(r.url) });
      }
    },
  });
  admin = await staffClient(site, 'admin', ADMIN_IP);
});
after(() => site.close());

describe('malformed input on every route', () => {
  it('never answers 5xx, and refuses what no form sends with a page or JSON in the right language', async () => {
    const { pages, forms } = await crawl();
    const reached = new Set<string>();
    for (const url of pages.keys()) {
      const route = routeOf('GET', url);
      if (route) reached.add(`GET ${route.url}`);
      await sendQueryVariants(url);
    }
    for (const form of forms) {
      if (SKIP.some((s) => s.test(form.action))) continue;
      await sendFormVariants(form, reached);
    }
    // Routes no page links to or posts to (JSON endpoints, tokens in e-mails): sent with made-up
    // ids and the usual field names.
    const unreached = routes.filter(
      (r) => !reached.has(`${r.method} ${r.url}`) && !SKIP.some((s) => s.test(r.url)),
    );
    for (const r of unreached) {
      const url = r.url.replace(/:[^/]+/g, '1').replace('*', 'x');
      if (r.method === 'GET') await sendQueryVariants(url);
      else {
        const fields: [string, string][] = [
          ['_csrf', /name="_csrf" value="([^"]+)"/.exec(pages.get('/newsroom') ?? '')?.[1] ?? ''],
          ['id', '1'],
          ['name', 'x'],
          ['title', 'x'],
          ['body', 'x'],
        ];
        await sendFormVariants({ action: url, method: 'POST', multipart: false, fields }, reached, true);
      }
    }
    process.stdout.write(
      `malformed input: ${routes.length} routes, ${pages.size} pages crawled, ${forms.length} forms, ` +
        `${unreached.length} routes reached by made-up requests, ${sent} requests sent\n`,
    );
    assert.ok(forms.length >= 30, `the crawl found only ${forms.length} forms`);
    assert.deepEqual(problems, []);
  });
});
