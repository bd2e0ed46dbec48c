// Sections from the newsroom: create, edit, refuse loops and taken slugs, delete; editors only.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { NewsroomClient } from '../../../test/support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../../test/support/site.ts';
import { addStaff } from '../../services/staff.ts';

let site: TestSite;
let editor: NewsroomClient;
let author: NewsroomClient;

before(async () => {
  site = await startTestSite();
  await addStaff(site.services, {
    email: 'chef@midad.example',
    name: 'Chef',
    role: 'editor',
    password: 'kidal sand key 2026',
  });
  await addStaff(site.services, {
    email: 'plume@midad.example',
    name: 'Plume',
    role: 'author',
    password: 'gao river key 2026',
  });
  editor = new NewsroomClient(site.app, '203.0.113.21');
  await editor.signIn('chef@midad.example', 'kidal sand key 2026');
  author = new NewsroomClient(site.app, '203.0.113.22');
  await author.signIn('plume@midad.example', 'gao river key 2026');
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

  it('an author may not manage sections: 403, nothing changed', async () => {
    const section = (await site.services.repos.sections.list())[0]!;
    assert.equal((await author.get('/newsroom/sections')).status, 403);
    const res = await author.submit('/newsroom', `/newsroom/sections/${section.id}/delete`, {});
    assert.equal(res.status, 403);
    assert.ok(await site.services.repos.sections.byId(section.id));
  });
});
