// Sections from the newsroom: create, edit, refuse loops and taken slugs, delete; editors only.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type NewsroomClient, staffClient } from '../../../../test/support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';

let site: TestSite;
let editor: NewsroomClient;
let author: NewsroomClient;

before(async () => {
  site = await startTestSite();
  editor = await staffClient(site, 'editor', '203.0.113.21');
  author = await staffClient(site, 'author', '203.0.113.22');
});
after(() => site.close());

describe('sections in the newsroom', () => {
  it('creates a sub-section that the reader site shows', async () => {
    const parent = (await site.services.repos.sections.list()).find((s) => s.parentId === null)!;
    const res = await editor.submit('/newsroom/sections', '/newsroom/sections', {
      slug: 'burkina',
      name_ar: 'أخبار بوركينا فاسو',
      name_fr: 'Actualités du Burkina Faso',
      name_en: 'Burkina Faso news',
      parent_id: String(parent.id),
      position: '3',
    });
    assert.equal(res.status, 303);
    const created = await site.services.repos.sections.bySlug('burkina');
    assert.equal(created?.parentId, parent.id);
    assert.equal((await site.app.inject('/section/burkina')).statusCode, 200);
    assert.equal(
      (await site.services.repos.audit.list({ limit: 1, action: 'section.created' }))[0]?.targetId,
      String(created!.id),
    );
  });

  it('refuses a section under its own sub-section, and a slug already used', async () => {
    const parent = (await site.services.repos.sections.list()).find(
      (s) => s.parentId === null && s.slug !== 'burkina',
    )!;
    const child = (await site.services.repos.sections.children(parent.id))[0]!;
    const loop = await editor.submit('/newsroom/sections', `/newsroom/sections/${parent.id}`, {
      slug: parent.slug,
      name_ar: parent.names.ar,
      parent_id: String(child.id),
    });
    assert.equal(loop.status, 422);
    assert.equal((await site.services.repos.sections.byId(parent.id))?.parentId, null);
    const taken = await editor.submit('/newsroom/sections', '/newsroom/sections', {
      slug: parent.slug,
      name_ar: 'مكرر',
    });
    assert.equal(taken.status, 422);
  });

  it('refuses a field given twice with a 400, writing nothing', async () => {
    const before = await site.services.repos.sections.list();
    const res = await editor.submit('/newsroom/sections', '/newsroom/sections', {
      slug: ['twice', 'again'],
      name_ar: 'مرتين',
    });
    assert.equal(res.status, 400);
    assert.equal((await site.services.repos.sections.list()).length, before.length);
  });

  it('an author may not manage sections: 403, nothing changed', async () => {
    const section = (await site.services.repos.sections.list())[0]!;
    assert.equal((await author.get('/newsroom/sections')).status, 403);
    const res = await author.submit('/newsroom', `/newsroom/sections/${section.id}/delete`, {});
    assert.equal(res.status, 403);
    assert.ok(await site.services.repos.sections.byId(section.id));
  });
});
