// The audit log over HTTP: admins only, newest first with who acted, and page numbers from the
// address that never reach the database as they came.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { NewsroomClient, staffClient } from '../../../../test/support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';

let site: TestSite;
let admin: NewsroomClient;
let editor: NewsroomClient;
let author: NewsroomClient;

before(async () => {
  site = await startTestSite();
  admin = new NewsroomClient(site.app, '192.0.2.99');
  await admin.signIn(site.admin.email, site.admin.password);
  editor = await staffClient(site, 'editor', '192.0.2.6');
  author = await staffClient(site, 'author', '192.0.2.7');
});
after(() => site.close());

describe('the audit log', () => {
  for (const [role, client] of [
    ['author', () => author],
    ['editor', () => editor],
  ] as const) {
    it(`${role}: GET /newsroom/audit → 403`, async () => {
      const res = await client().get('/newsroom/audit');
      assert.equal(res.status, 403);
      assert.ok(res.body.includes('ليست لديك صلاحية'));
    });
  }

  it('the admin reads the audit log', async () => {
    const res = await admin.get('/newsroom/audit');
    assert.equal(res.status, 200);
    assert.ok(res.body.includes('دخول ناجح'));
  });

  it('names who changed a section, newest first', async () => {
    const section = (await site.services.repos.sections.list())[0]!;
    const saved = await editor.submit('/newsroom/sections', `/newsroom/sections/${section.id}`, {
      slug: section.slug,
      name_ar: section.names.ar,
      name_fr: section.names.fr,
      name_en: section.names.en,
      position: String(section.position),
    });
    assert.equal(saved.status, 303);
    const res = await admin.get('/newsroom/audit');
    const first = /<tbody>\s*<tr>([\s\S]*?)<\/tr>/.exec(res.body)?.[1] ?? '';
    assert.match(first, /Staff 192\.0\.2\.6/);
    assert.match(first, new RegExp(`section ${section.id}`));
  });
});

describe('hand-made requests', () => {
  it('answers a huge or fractional audit page number with a page, not a database error', async () => {
    for (const page of ['99999999999999999999', '1e309', '2.5', '-3']) {
      const res = await admin.get(`/newsroom/audit?page=${page}`);
      assert.equal(res.status, 200, `page=${page}`);
    }
  });
});
