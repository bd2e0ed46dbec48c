// The write API against a real server: tokens made through the newsroom by an author, an editor
// and a contributor; drafts created, updated and published through /api/v1/admin and then read
// on the reader site; the same permissions as the newsroom; refused tokens, stale versions and
// malformed bodies answered with JSON codes and nothing written; audit rows naming the token.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { HttpClient } from '../../../../test/support/http-client.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';
import type { Role } from '../../../core/types.ts';
import { photoWithGps } from '../../../media/test-images.ts';
import { addStaff } from '../../../services/staff.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

let site: TestSite;
before(async () => {
  site = await startTestSite({ listen: true });
});
after(() => site.close());

interface Staff {
  client: HttpClient;
  personId: number;
  token: string;
}

let people = 0;
/** A person signed in to the newsroom over HTTP, with a token made on their tokens page. */
async function staffWithToken(role: Role, expires = '90'): Promise<Staff> {
  people++;
  const email = `${role}-${people}@midad.example`;
  const password = 'manuscrits de tombouctou 2026';
  const { person } = await addStaff(site.services, { email, name: `${role} ${people}`, role, password });
  const client = new HttpClient(site.baseUrl);
  assert.equal((await client.signIn(email, password)).status, 303);
  return { client, personId: person.id, token: await newToken(client, `${role} app`, expires) };
}

async function newToken(client: HttpClient, name: string, expires = '90'): Promise<string> {
  const res = await client.submit('/newsroom/account/tokens', '/newsroom/account/tokens', { name, expires });
  assert.equal(res.status, 201, res.body.slice(0, 300));
  const secret = /data-secret="(midad_[A-Za-z0-9_-]+)"/.exec(res.body)?.[1];
  assert.ok(secret, 'the new token is shown');
  return secret;
}

interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers are read field by field in assertions.
  json: any;
}

async function api(
  method: string,
  path: string,
  options: {
    token?: string | null;
    json?: unknown;
    raw?: string;
    form?: FormData;
    headers?: Record<string, string>;
  } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | FormData | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.raw !== undefined) {
    headers['content-type'] = 'application/json';
    body = options.raw;
  } else if (options.form) body = options.form;
  const res = await fetch(new URL(`/api/v1/admin${path}`, site.baseUrl), {
    method,
    headers,
    ...(body !== undefined ? { body } : {}),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null };
}

async function auditFor(action: string, articleId: number) {
  const rows = await site.services.repos.audit.list({ limit: 500, action });
  return rows.filter((r) => r.targetId === String(articleId));
}

describe('write API', () => {
  let author: Staff;
  let editor: Staff;
  let contributor: Staff;
  before(async () => {
    author = await staffWithToken('author');
    editor = await staffWithToken('editor');
    contributor = await staffWithToken('contributor');
  });

  it('shows the secret once, lists the token and keeps only its hint', async () => {
    const page = await author.client.get('/newsroom/account/tokens');
    assert.equal(page.status, 200);
    assert.match(page.body, /<html lang="ar" dir="rtl"/);
    assert.ok(!page.body.includes(author.token), 'the secret is never shown again');
    assert.ok(page.body.includes(author.token.slice(0, 10)), 'its first characters tell it apart');
    assert.match(page.body, /author app/);
  });

  it('creates, updates and publishes through the API; the reader site shows the article', async () => {
    const created = await api('POST', '/articles', {
      token: author.token,
      json: {
        lang: 'ar',
        title: 'مهرجان الصحراء في تمبكتو',
        body_html: '<p>افتُتح المهرجان مساء الجمعة بحضور فرق من مالي والنيجر.</p><script>alert(1)</script>',
        tags: ['مهرجانات', 'تمبكتو'],
      },
    });
    assert.equal(created.status, 201, JSON.stringify(created.json));
    const draft = created.json.data;
    assert.equal(draft.status, 'draft');
    assert.equal(draft.title, 'مهرجان الصحراء في تمبكتو');
    assert.deepEqual([...draft.tags].sort(), ['تمبكتو', 'مهرجانات']);
    assert.deepEqual(draft.author_ids, [author.personId]);
    assert.equal(draft.comments_open, true);
    assert.equal(draft.url, null);
    assert.ok(!draft.body_html.includes('<script'), 'the body is cleaned as in the editor');
    assert.equal(created.headers.get('location'), `/api/v1/admin/articles/${draft.id}`);
    assert.equal(created.headers.get('cache-control'), 'no-store');

    const updated = await api('PATCH', `/articles/${draft.id}`, {
      token: author.token,
      json: { version: draft.version, dek: 'ليالٍ من الموسيقى والشعر على ضفاف النيجر.' },
    });
    assert.equal(updated.status, 200, JSON.stringify(updated.json));
    assert.equal(updated.json.data.dek, 'ليالٍ من الموسيقى والشعر على ضفاف النيجر.');
    assert.equal(updated.json.data.title, draft.title, 'fields not sent are kept');
    assert.deepEqual(updated.json.data.tags, draft.tags);
    assert.ok(updated.json.data.version > draft.version);

    // A save from the version read before the update is refused, and nothing changes.
    const stale = await api('PATCH', `/articles/${draft.id}`, {
      token: author.token,
      json: { version: draft.version, title: 'عنوان قديم' },
    });
    assert.equal(stale.status, 409);
    assert.equal(stale.json.error.code, 'conflict');
    assert.equal((await site.services.repos.articles.byId(draft.id))?.title, draft.title);

    const published = await api('POST', `/articles/${draft.id}/publish`, { token: author.token });
    assert.equal(published.status, 200, JSON.stringify(published.json));
    assert.equal(published.json.data.status, 'published');
    const url = new URL(published.json.data.url);
    const page = await fetch(new URL(url.pathname, site.baseUrl));
    assert.equal(page.status, 200);
    assert.ok((await page.text()).includes('ليالٍ من الموسيقى والشعر على ضفاف النيجر.'));

    const read = await api('GET', `/articles/${draft.id}`, { token: author.token });
    assert.equal(read.status, 200);
    assert.equal(read.json.data.version, published.json.data.version);
    assert.equal(read.headers.get('cache-control'), 'no-store', 'never kept by the page cache or a CDN');
    assert.equal(read.headers.get('access-control-allow-origin'), null, 'no CORS for the write API');

    const unpublished = await api('POST', `/articles/${draft.id}/unpublish`, {
      token: author.token,
      json: {},
    });
    assert.equal(unpublished.status, 200);
    assert.equal(unpublished.json.data.status, 'draft');
    assert.equal((await fetch(new URL(url.pathname, site.baseUrl))).status, 404);

    // Every step is in the audit log, naming the token it came through.
    for (const action of ['article.created', 'article.saved', 'article.publish', 'article.unpublish']) {
      const rows = await auditFor(action, draft.id);
      assert.ok(rows.length > 0, `${action} is audited`);
      for (const row of rows) {
        assert.equal(row.personId, author.personId);
        assert.equal((row.details.apiToken as { name: string }).name, 'author app');
      }
    }
  });

  it('grants exactly what the newsroom grants the token’s person', async () => {
    const others = await api('POST', '/articles', {
      token: editor.token,
      json: { lang: 'fr', title: 'Le marché de Gao après la pluie' },
    });
    assert.equal(others.status, 201);
    const id = others.json.data.id;
    const version = others.json.data.version;
    // An author may not touch someone else's article.
    const edit = await api('PATCH', `/articles/${id}`, {
      token: author.token,
      json: { version, title: 'Autre' },
    });
    assert.equal(edit.status, 403);
    assert.equal(edit.json.error.code, 'forbidden');
    assert.equal((await api('POST', `/articles/${id}/publish`, { token: author.token })).status, 403);
    assert.equal((await api('GET', `/articles/${id}`, { token: author.token })).status, 403);

    // A contributor writes drafts but may not publish, even their own.
    const own = await api('POST', '/articles', {
      token: contributor.token,
      json: { lang: 'en', title: 'Rains return to the Sahel' },
    });
    assert.equal(own.status, 201);
    const refused = await api('POST', `/articles/${own.json.data.id}/publish`, { token: contributor.token });
    assert.equal(refused.status, 403);
    assert.equal((await site.services.repos.articles.byId(own.json.data.id))?.status, 'draft');

    // An editor may publish it.
    const byEditor = await api('POST', `/articles/${own.json.data.id}/publish`, { token: editor.token });
    assert.equal(byEditor.status, 200);
    assert.equal(byEditor.json.data.status, 'published');

    // Comments are for moderators.
    assert.equal((await api('GET', '/comments', { token: author.token })).status, 403);
    const pending = await api('GET', '/comments?status=approved&limit=2', { token: editor.token });
    assert.equal(pending.status, 200, JSON.stringify(pending.json));
    assert.equal(pending.json.data.length, 2);
    assert.ok(pending.json.data.every((c: { status: string }) => c.status === 'approved'));
    assert.equal(pending.json.next_offset, 2);
    const bad = await api('GET', '/comments?status=hidden&per_page=3', { token: editor.token });
    assert.equal(bad.status, 400);
    assert.deepEqual(Object.keys(bad.json.error.fields).sort(), ['per_page', 'status']);

    // The role is read at each request: promoted, the author's token may edit it.
    await site.services.repos.people.update(author.personId, { role: 'editor' });
    try {
      const now = await api('PATCH', `/articles/${id}`, {
        token: author.token,
        json: { version, dek: 'Marché' },
      });
      assert.equal(now.status, 200);
    } finally {
      await site.services.repos.people.update(author.personId, { role: 'author' });
    }
  });

  it('answers 401 with a bearer challenge for a missing, unknown, revoked or expired token', async () => {
    const missing = await api('POST', '/articles', { json: { lang: 'ar' } });
    assert.equal(missing.status, 401);
    assert.equal(missing.json.error.code, 'unauthorized');
    assert.equal(missing.headers.get('www-authenticate'), 'Bearer realm="midad"');

    // A newsroom session cookie is not a credential here.
    const cookie = [...author.client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const withCookie = await api('POST', '/articles', { json: { lang: 'ar' }, headers: { cookie } });
    assert.equal(withCookie.status, 401);

    const unknown = await api('GET', '/comments', { token: `midad_${'A'.repeat(43)}` });
    assert.equal(unknown.status, 401);
    assert.equal(unknown.headers.get('www-authenticate'), 'Bearer realm="midad", error="invalid_token"');

    const doomed = await newToken(editor.client, 'to revoke');
    assert.equal((await api('GET', '/comments', { token: doomed })).status, 200);
    const list = await editor.client.get('/newsroom/account/tokens');
    const tokenId = /action="\/newsroom\/account\/tokens\/(\d+)\/revoke"/.exec(list.body)?.[1];
    assert.ok(tokenId);
    const revoke = await editor.client.submit(
      '/newsroom/account/tokens',
      `/newsroom/account/tokens/${tokenId}/revoke`,
      {},
    );
    assert.equal(revoke.status, 303);
    const revoked = await api('GET', '/comments', { token: doomed });
    assert.equal(revoked.status, 401);
    assert.match(revoked.headers.get('www-authenticate') ?? '', /invalid_token/);
    assert.equal(
      (await api('GET', '/comments', { token: editor.token })).status,
      200,
      'the others still work',
    );

    const expiring = await newToken(editor.client, 'short-lived', '30');
    assert.equal((await api('GET', '/comments', { token: expiring })).status, 200);
    await site.services.db.kysely
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('name', '=', 'short-lived')
      .execute();
    assert.equal((await api('GET', '/comments', { token: expiring })).status, 401);

    // A disabled person's tokens stop.
    await site.services.repos.people.update(contributor.personId, { disabled: true });
    assert.equal(
      (await api('POST', '/articles', { token: contributor.token, json: { lang: 'ar' } })).status,
      401,
    );
  });

  it('refuses malformed JSON, unknown fields and wrong types with 400 naming them, writing nothing', async () => {
    const before = await site.services.repos.articles.count();
    const broken = await api('POST', '/articles', { token: author.token, raw: '{"lang": "ar", "title": ' });
    assert.equal(broken.status, 400);
    assert.equal(broken.json.error.code, 'bad_request');

    const unknown = await api('POST', '/articles', {
      token: author.token,
      json: { lang: 'ar', title: 'x', headline: 'y' },
    });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.json.error.code, 'malformed');
    assert.deepEqual(unknown.json.error.fields, { headline: 'invalid' });

    const types = await api('POST', '/articles', {
      token: author.token,
      json: { lang: 'de', title: 5, tags: 'a, b', is_breaking: 'yes', section_id: '3' },
    });
    assert.equal(types.status, 400);
    assert.deepEqual(Object.keys(types.json.error.fields).sort(), [
      'is_breaking',
      'lang',
      'section_id',
      'tags',
      'title',
    ]);
    // A reference to nothing is refused by the command with the field, and no empty draft is left.
    const missingSection = await api('POST', '/articles', {
      token: author.token,
      json: { lang: 'ar', title: 'قسم غير موجود', section_id: 999_999 },
    });
    assert.equal(missingSection.status, 422);
    assert.deepEqual(Object.keys(missingSection.json.error.fields), ['section_id']);
    const noVersion = await api('PATCH', `/articles/${site.mainArticle.id}`, {
      token: editor.token,
      json: { title: 'sans version' },
    });
    assert.equal(noVersion.status, 400);
    assert.deepEqual(noVersion.json.error.fields, { version: 'missing' });
    assert.equal(await site.services.repos.articles.count(), before, 'nothing was written');
    assert.equal((await api('GET', '/articles/abc', { token: author.token })).status, 404);
    assert.equal((await api('GET', '/nothing-here', { token: author.token })).json.error.code, 'not_found');
  });

  it('uploads an image as the newsroom does and refuses what is not one, with the reason', async () => {
    const form = new FormData();
    form.append('alt', 'سوق غاو');
    form.append(
      'file',
      new Blob([new Uint8Array(await photoWithGps(800, 500))], { type: 'image/jpeg' }),
      'gao.jpg',
    );
    const uploaded = await api('POST', '/media', { token: author.token, form });
    assert.equal(uploaded.status, 201, JSON.stringify(uploaded.json));
    assert.equal(uploaded.json.data.alt, 'سوق غاو');
    assert.equal(uploaded.json.data.width, 800);
    assert.equal(
      (await fetch(uploaded.json.data.url.replace(site.services.config.publicUrl, site.baseUrl))).status,
      200,
    );
    const rows = await site.services.repos.audit.list({ limit: 50, action: 'media.upload' });
    const row = rows.find((r) => r.targetId === String(uploaded.json.data.id));
    assert.equal((row?.details.apiToken as { name: string } | undefined)?.name, 'author app');

    const media = await site.services.repos.media.list({ limit: 1 });
    const text = new FormData();
    text.append('file', new Blob(['not a picture at all'], { type: 'image/png' }), 'fake.png');
    const refused = await api('POST', '/media', { token: author.token, form: text });
    assert.equal(refused.status, 422);
    assert.deepEqual(refused.json.error.fields, { file: 'not_image' });
    assert.match(refused.json.error.message, /not an image/);
    assert.equal((await site.services.repos.media.list({ limit: 1 })).total, media.total, 'nothing stored');

    const unknownField = new FormData();
    unknownField.append('title', 'x');
    unknownField.append(
      'file',
      new Blob([new Uint8Array(await photoWithGps(100, 100))], { type: 'image/jpeg' }),
      'a.jpg',
    );
    const refusedField = await api('POST', '/media', { token: author.token, form: unknownField });
    assert.equal(refusedField.status, 400);
    assert.deepEqual(refusedField.json.error.fields, { title: 'invalid' });
    // Contributors may not upload, as in the newsroom.
    const staff = await staffWithToken('contributor');
    const byContributor = new FormData();
    byContributor.append(
      'file',
      new Blob([new Uint8Array(await photoWithGps(100, 100))], { type: 'image/jpeg' }),
      'a.jpg',
    );
    assert.equal((await api('POST', '/media', { token: staff.token, form: byContributor })).status, 403);
  });

  it('answers as the OpenAPI document says, errors included', async () => {
    const doc = await (await fetch(new URL('/api/v1/openapi.json', site.baseUrl))).json();
    assert.equal(doc.components.securitySchemes.apiToken.scheme, 'bearer');
    assert.deepEqual(doc.paths['/admin/articles'].post.security, [{ apiToken: [] }]);
    const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
    ajv.addFormat('media-range', true);
    ajv.addFormat('binary', true);
    ajv.addSchema({ ...doc, $id: 'https://midad.test/openapi.json' });
    const esc = (s: string) => s.replaceAll('~', '~0').replaceAll('/', '~1');
    const check = (path: string, method: string, status: number, answer: Answer) => {
      assert.equal(answer.status, status, JSON.stringify(answer.json));
      const at = `/paths/${esc(path)}/${method}/responses/${status}/content/application~1json/schema`;
      const valid = ajv.compile({ $ref: `https://midad.test/openapi.json#${at}` });
      assert.ok(valid(answer.json), `${method} ${path} ${status}: ${ajv.errorsText(valid.errors)}`);
      return valid;
    };
    const created = await api('POST', '/articles', {
      token: editor.token,
      json: { lang: 'en', title: 'Documented', tags: ['api'], section_id: null },
    });
    const valid = check('/admin/articles', 'post', 201, created);
    assert.equal(valid({ data: { ...created.json.data, secret: 1 } }), false, 'the check can fail');
    check(
      '/admin/articles/{id}',
      'get',
      200,
      await api('GET', `/articles/${created.json.data.id}`, { token: editor.token }),
    );
    check(
      '/admin/comments',
      'get',
      200,
      await api('GET', '/comments?status=pending', { token: editor.token }),
    );
    check(
      '/admin/articles',
      'post',
      400,
      await api('POST', '/articles', { token: editor.token, json: { lang: 1 } }),
    );
    check('/admin/articles', 'post', 401, await api('POST', '/articles', { json: { lang: 'ar' } }));
    check(
      '/admin/articles/{id}',
      'patch',
      409,
      await api('PATCH', `/articles/${created.json.data.id}`, { token: editor.token, json: { version: 0 } }),
    );
    const form = new FormData();
    form.append(
      'file',
      new Blob([new Uint8Array(await photoWithGps(120, 80))], { type: 'image/jpeg' }),
      'a.jpg',
    );
    check('/admin/media', 'post', 201, await api('POST', '/media', { token: editor.token, form }));
  });

  it('never answers 5xx to odd values in any field or parameter; a refused create writes nothing', async () => {
    // Several tokens of one editor, each under its own rate limit, share the many requests.
    const fuzzer = await staffWithToken('editor');
    const tokens = [fuzzer.token];
    for (let n = 0; n < 5; n++) tokens.push(await newToken(fuzzer.client, `fuzz ${n}`));
    let sent = 0;
    const token = () => tokens[Math.floor(sent / 100)]!;
    const before = await site.services.repos.articles.count();
    let created = 0;
    const odd: unknown[] = [
      null,
      [],
      ['a', 'b'],
      {},
      { a: 1 },
      1e308,
      -1,
      0.5,
      true,
      '',
      '\u0000',
      'x'.repeat(70_000),
    ];
    const fields = ['lang', 'title', 'slug', 'dek', 'body_html', 'section_id', 'tags', 'author_ids'];
    const more = [
      'featured_media_id',
      'is_featured',
      'is_breaking',
      'comments_open',
      'seo_title',
      'seo_description',
    ];
    const target = await api('POST', '/articles', {
      token: token(),
      json: { lang: 'fr', title: 'Cible' },
    });
    const { id, version } = target.json.data;
    created++;
    for (const field of [...fields, ...more, 'version']) {
      for (const value of odd) {
        for (const [method, path, base] of [
          ['POST', '/articles', { lang: 'ar', title: 'x' }],
          ['PATCH', `/articles/${id}`, { version }],
        ] as const) {
          const res = await api(method, path, { token: token(), json: { ...base, [field]: value } });
          sent++;
          assert.ok(
            res.status < 500,
            `${method} ${field}=${JSON.stringify(value).slice(0, 40)}: ${res.status}`,
          );
          if (res.status >= 400) assert.equal(typeof res.json.error.code, 'string');
          if (method === 'POST' && res.status === 201) created++;
        }
      }
    }
    for (const body of [
      '[]',
      'null',
      '"text"',
      '1',
      '{"lang":"ar","lang":"fr"}',
      '{"__proto__":{"x":1},"lang":"ar"}',
    ]) {
      const res = await api('POST', '/articles', { token: token(), raw: body });
      sent++;
      if (res.status === 201) created++;
      assert.ok(res.status < 500, `${body}: ${res.status}`);
    }
    for (const query of [
      'status[]=a',
      'status=pending&status=spam',
      'limit=-1',
      'limit=1e9',
      'offset=x',
      'limit=%zz',
    ]) {
      const res = await api('GET', `/comments?${query}`, { token: token() });
      sent++;
      assert.ok(res.status < 500 && res.status >= 400, `comments?${query}: ${res.status}`);
      assert.equal(typeof res.json.error.code, 'string');
    }
    for (const path of [
      '/articles/0',
      '/articles/-1',
      '/articles/1e3',
      '/articles/99999999999',
      '/articles/%zz',
    ]) {
      const res = await api('GET', path, { token: token() });
      sent++;
      assert.ok(res.status === 404 || res.status === 400, `${path}: ${res.status}`);
    }
    assert.ok(sent > 300);
    // Each refused create left nothing behind: the only new articles are the accepted ones.
    assert.equal((await site.services.repos.articles.count()) - before, created);
  });

  it('limits each token on its own', async () => {
    const busy = await newToken(editor.client, 'busy script');
    let last = 0;
    for (let i = 0; i < 121; i++) last = (await api('GET', '/comments?limit=1', { token: busy })).status;
    assert.equal(last, 429);
    const limited = await api('GET', '/comments?limit=1', { token: busy });
    assert.equal(limited.json.error.code, 'rate_limited');
    assert.equal((await api('GET', '/comments?limit=1', { token: editor.token })).status, 200);
  });
});
