// Tags from the newsroom: rename, merge, delete; editors may, authors may not.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type NewsroomClient, staffClient } from '../../../../test/support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';

let site: TestSite;
let editor: NewsroomClient;
let author: NewsroomClient;

before(async () => {
  site = await startTestSite();
  editor = await staffClient(site, 'editor', '203.0.113.11');
  author = await staffClient(site, 'author', '203.0.113.12');
});
after(() => site.close());

describe('tags in the newsroom', () => {
  it('an editor merges one tag into another: its articles move, it is gone, it is audited', async () => {
    const [from, into] = (await site.services.repos.tags.list()).filter((t) => t.id !== undefined);
    const counts = await site.services.repos.tags.usageCounts();
    const res = await editor.submit('/newsroom/tags', `/newsroom/tags/${from!.id}/merge`, {
      into: String(into!.id),
    });
    assert.equal(res.status, 303);
    assert.equal(await site.services.repos.tags.byId(from!.id), null);
    const after = await site.services.repos.tags.usageCounts();
    assert.ok((after.get(into!.id) ?? 0) >= (counts.get(into!.id) ?? 0));
    assert.equal(
      (await site.services.repos.audit.list({ limit: 1, action: 'tag.merged' }))[0]?.targetId,
      String(from!.id),
    );
  });

  it('renames a tag and refuses a slug already used', async () => {
    const [a, b] = await site.services.repos.tags.list();
    const ok = await editor.submit('/newsroom/tags', `/newsroom/tags/${a!.id}`, {
      name: 'اسم جديد',
      slug: a!.slug,
    });
    assert.equal(ok.status, 303);
    assert.equal((await site.services.repos.tags.byId(a!.id))?.name, 'اسم جديد');
    const taken = await editor.submit('/newsroom/tags', `/newsroom/tags/${a!.id}`, {
      name: 'x',
      slug: b!.slug,
    });
    assert.equal(taken.location, '/newsroom/tags?invalid=1');
    assert.equal((await site.services.repos.tags.byId(a!.id))?.slug, a!.slug);
  });

  it('an author may not manage tags: 403, nothing changed', async () => {
    const [tag] = await site.services.repos.tags.list();
    assert.equal((await author.get('/newsroom/tags')).status, 403);
    const res = await author.submit('/newsroom', `/newsroom/tags/${tag!.id}/delete`, {});
    assert.equal(res.status, 403);
    assert.ok(await site.services.repos.tags.byId(tag!.id));
  });
});
