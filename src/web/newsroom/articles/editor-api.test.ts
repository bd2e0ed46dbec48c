// The editor form's references and the JSON its scripts ask for, over HTTP: an unknown tag,
// author, section or image id is a 400 naming the field with nothing saved; tags picked by id
// are saved with names typed anew; tag suggestions answer staff only; the focal point
// is set through JSON with the form's CSRF token.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { csrfFrom, NewsroomClient } from '../../../../test/support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';
import { addStaff } from '../../../services/staff.ts';
import { articleMessages } from './messages.ts';

const t = articleMessages('ar');
let site: TestSite;
let editor: NewsroomClient;
let contributor: NewsroomClient;

before(async () => {
  site = await startTestSite();
  for (const [role, ip] of [
    ['editor', '198.51.100.61'],
    ['contributor', '198.51.100.62'],
  ] as const) {
    await addStaff(site.services, {
      email: `${role}.refs@midad.example`,
      name: `Staff ${role}`,
      role,
      password: 'sahel rains 2026 key',
    });
    const client = new NewsroomClient(site.app, ip);
    await client.signIn(`${role}.refs@midad.example`, 'sahel rains 2026 key');
    if (role === 'editor') editor = client;
    else contributor = client;
  }
});
after(() => site.close());

async function newDraft(): Promise<number> {
  const res = await editor.submit('/newsroom/articles', '/newsroom/articles/new', {});
  return Number(/\/newsroom\/articles\/(\d+)$/.exec(res.location ?? '')?.[1]);
}

async function save(id: number, fields: Record<string, string | string[]>) {
  const page = await editor.get(`/newsroom/articles/${id}`);
  const version = /name="version" value="(\d+)"/.exec(page.body)?.[1] ?? '';
  return editor.submit(`/newsroom/articles/${id}`, `/newsroom/articles/${id}`, {
    title: 'أمطار الساحل المبكرة',
    body_html: '<p>هطلت الأمطار قبل موعدها.</p>',
    lang: 'ar',
    version,
    intent: 'save',
    ...fields,
  });
}

describe('editor form references', () => {
  it('an unknown tag, author, section or image id is a 400 naming the field, and nothing is saved', async () => {
    const id = await newDraft();
    const before = (await site.services.repos.articles.byId(id))!;
    const cases: [Record<string, string | string[]>, string, string][] = [
      [{ tag_ids: ['999991'] }, 'tag_ids', t.errTagMissing],
      [{ author_ids: [String(before.authorIds[0]), '999992'] }, 'author_ids', t.errAuthorMissing],
      [{ section_id: '999993' }, 'section_id', t.errSectionMissing],
      [{ featured_media_id: '999994' }, 'featured_media_id', t.errMediaMissing],
    ];
    for (const [fields, field, text] of cases) {
      const res = await save(id, fields);
      assert.equal(res.status, 400, `${field}: ${res.status}`);
      assert.ok(res.body.includes(text), `${field}: the refusal names it`);
      const after = (await site.services.repos.articles.byId(id))!;
      assert.equal(after.version, before.version, `${field}: nothing saved`);
      assert.equal(after.title, '', `${field}: the title was not saved either`);
    }
    assert.equal((await site.services.repos.tags.list()).filter((tag) => tag.id >= 999991).length, 0);
  });

  it('tags picked by id are saved with the names typed anew', async () => {
    const id = await newDraft();
    const rains = await site.services.repos.tags.create({ slug: 'rains-sahel', name: 'أمطار' });
    const harvest = await site.services.repos.tags.create({ slug: 'harvest-sahel', name: 'حصاد' });
    const res = await save(id, { tag_ids: [String(harvest.id), String(rains.id)], tags: 'Sahel' });
    assert.equal(res.status, 303);
    const saved = (await site.services.repos.articles.byId(id))!;
    const names = (await site.services.repos.tags.byIds(saved.tagIds)).map((tag) => tag.name);
    assert.deepEqual(names.sort(), ['Sahel', 'أمطار', 'حصاد'].sort());
    // Shown again by name in the no-script field.
    const page = await editor.get(`/newsroom/articles/${id}`);
    assert.match(page.body, /name="tags" value="[^"]*حصاد/);
  });
});

describe('editor JSON', () => {
  it('suggests tags by part of their name, prefix first, for staff only', async () => {
    await site.services.repos.tags.create({ slug: 'sahel-rains-json', name: 'مواسم المطر' });
    await site.services.repos.tags.create({ slug: 'rain-json', name: 'المطر الغزير' });
    const res = await editor.get(`/newsroom/tags.json?q=${encodeURIComponent('المطر')}`);
    assert.equal(res.status, 200);
    const names = (JSON.parse(res.body) as { items: { id: number; name: string }[] }).items.map(
      (i) => i.name,
    );
    assert.deepEqual(names.slice(0, 2), ['المطر الغزير', 'مواسم المطر']);
    const stranger = await site.app.inject({ method: 'GET', url: '/newsroom/tags.json?q=a' });
    assert.notEqual(stranger.statusCode, 200, 'not for the signed-out');
    assert.ok(!stranger.body.includes('المطر'));
  });

  it('sets the focal point with the CSRF token; refuses without it, outside 0..1 and for a contributor', async () => {
    const media = await site.services.repos.media.create({
      path: '2026/12/dunes.jpg',
      mime: 'image/jpeg',
      size: 100,
      width: 1200,
      height: 800,
      alt: 'كثبان',
    });
    const page = await editor.get('/newsroom/articles');
    const csrf = csrfFrom(page.body);
    const post = (client: NewsroomClient, body: object, token = csrf) =>
      site.app.inject({
        method: 'POST',
        url: `/newsroom/media/${media.id}/focal`,
        remoteAddress: client === editor ? '198.51.100.61' : '198.51.100.62',
        headers: {
          cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'content-type': 'application/json',
          accept: 'application/json',
        },
        payload: JSON.stringify({ _csrf: token, ...body }),
      });
    assert.equal((await post(editor, { x: 0.3, y: 0.7 }, 'wrong')).statusCode, 403);
    assert.equal((await site.services.repos.media.byId(media.id))?.focal, null);
    const outside = await post(editor, { x: 2, y: 0.7 });
    assert.equal(outside.statusCode, 400);
    const bad = await post(editor, { x: 'left', y: 0.7 });
    assert.equal(bad.statusCode, 400);
    const ok = await post(editor, { x: 0.3, y: 0.7 });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(JSON.parse(ok.body).focal, { x: 0.3, y: 0.7 });
    assert.deepEqual((await site.services.repos.media.byId(media.id))?.focal, { x: 0.3, y: 0.7 });
    const contributorPage = await contributor.get('/newsroom/articles');
    const refused = await post(contributor, { x: 0.1, y: 0.1 }, csrfFrom(contributorPage.body));
    assert.equal(refused.statusCode, 403);
    assert.deepEqual((await site.services.repos.media.byId(media.id))?.focal, { x: 0.3, y: 0.7 });
  });
});
