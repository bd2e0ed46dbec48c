// Bulk actions of the article list on both engines: an author publishing a selection with a
// colleague's article in it (theirs done, the colleague's refused and untouched), moves and tags
// through the editor's save (revision, version, tags kept), steps an article cannot take
// skipped with the reason, bad input refused with the field named and nothing done, and one
// audit row for the whole action.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { buildArticle, buildPerson, buildSection, buildTag } from '../../../test/support/factories.ts';
import { loadConfig } from '../../config.ts';
import { Malformed } from '../../core/errors.ts';
import type { Person } from '../../core/types.ts';
import { forEachEngine } from '../../db/test-databases.ts';
import type { Actor } from '../actor.ts';
import { type Services, servicesFor } from '../context.ts';
import { bulkArticles } from './bulk.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-bulk-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const as = (person: Person): Actor => ({ person, ipHash: 'test' });
const malformedOn = (field: string) => (err: unknown) =>
  err instanceof Malformed && err.status === 400 && Object.keys(err.fields).includes(field);

await forEachEngine((engine) => {
  describe('bulk article actions', () => {
    let services: Services;
    const ready = (async () => {
      const config = loadConfig({}, { dataDir: path.join(dir, engine.dialect), logLevel: 'silent' });
      services = servicesFor(config, await engine.fresh());
    })();
    const statusOf = async (id: number) => (await services.repos.articles.byId(id))!.status;
    const lastBulkAudit = async () =>
      (await services.repos.audit.list({ limit: 1, action: 'article.bulk' }))[0];

    it("publishes an author's own drafts and refuses a colleague's, naming it", async () => {
      await ready;
      const author = await buildPerson(services, { role: 'author' });
      const colleague = await buildPerson(services, { role: 'author' });
      const mine = await buildArticle(services, { status: 'draft', authorIds: [author.id] });
      const pending = await buildArticle(services, { status: 'pending', authorIds: [author.id] });
      const theirs = await buildArticle(services, {
        status: 'draft',
        title: 'مسودة زميل',
        authorIds: [colleague.id],
      });
      const result = await bulkArticles(services, as(author), {
        ids: [mine.id, theirs.id, pending.id],
        action: 'publish',
      });
      assert.deepEqual(result.done.map((r) => r.id).sort(), [mine.id, pending.id].sort());
      // A colleague's draft is named by number only: its title is not the author's to see.
      assert.deepEqual(result.refused, [{ id: theirs.id, title: null }]);
      assert.equal(await statusOf(mine.id), 'published');
      assert.equal(await statusOf(pending.id), 'published');
      assert.equal(await statusOf(theirs.id), 'draft', "the colleague's draft is untouched");
      const audit = await lastBulkAudit();
      assert.ok(audit);
      assert.equal(audit.personId, author.id);
      assert.deepEqual(audit.details.refused, [theirs.id]);
      assert.deepEqual((audit.details.done as number[]).sort(), [mine.id, pending.id].sort());
      // Each published row also has the step's own audit row, as from the editor.
      const steps = await services.repos.audit.list({ limit: 50, action: 'article.publish' });
      assert.ok(steps.some((r) => r.targetId === String(mine.id)));
      assert.ok(!steps.some((r) => r.targetId === String(theirs.id)));
    });

    it('a contributor may not publish even their own; trash and unpublish follow the same policy', async () => {
      await ready;
      const contributor = await buildPerson(services, { role: 'contributor' });
      const own = await buildArticle(services, { status: 'draft', authorIds: [contributor.id] });
      const published = await buildArticle(services, { authorIds: [contributor.id] });
      const r1 = await bulkArticles(services, as(contributor), { ids: [own.id], action: 'publish' });
      assert.deepEqual(
        r1.refused.map((r) => r.id),
        [own.id],
      );
      const r2 = await bulkArticles(services, as(contributor), { ids: [published.id], action: 'unpublish' });
      assert.equal(r2.refused.length, 1);
      assert.equal(await statusOf(published.id), 'published');
      const editor = await buildPerson(services, { role: 'editor' });
      const r3 = await bulkArticles(services, as(editor), { ids: [published.id, own.id], action: 'trash' });
      assert.equal(r3.done.length, 2);
      assert.equal(await statusOf(published.id), 'trashed');
    });

    it('skips steps an article cannot take, with the reason, and does the rest', async () => {
      await ready;
      const editor = await buildPerson(services, { role: 'editor' });
      const live = await buildArticle(services);
      const untitled = await buildArticle(services, { status: 'draft', title: '' });
      const draft = await buildArticle(services, { status: 'draft' });
      const result = await bulkArticles(services, as(editor), {
        ids: [live.id, untitled.id, draft.id],
        action: 'publish',
      });
      assert.deepEqual(
        result.done.map((r) => r.id),
        [draft.id],
      );
      assert.deepEqual(
        result.skipped.map((r) => [r.id, r.reason]),
        [
          [live.id, 'status'],
          [untitled.id, 'title'],
        ],
      );
      assert.equal(await statusOf(untitled.id), 'draft');
    });

    it("moves and tags through the editor's save: new version, revision when live, tags kept", async () => {
      await ready;
      const editor = await buildPerson(services, { role: 'editor' });
      const section = await buildSection(services, { name: 'اقتصاد' });
      const kept = await buildTag(services, { name: 'الساحل, الصحراء' });
      const added = await buildTag(services, { name: 'موانئ' });
      const live = await buildArticle(services, { tagIds: [kept.id] });
      const draft = await buildArticle(services, { status: 'draft' });
      const moved = await bulkArticles(services, as(editor), {
        ids: [live.id, draft.id],
        action: 'move',
        sectionId: section.id,
      });
      assert.equal(moved.done.length, 2);
      const after = (await services.repos.articles.byId(live.id))!;
      assert.equal(after.sectionId, section.id);
      assert.equal(after.version, live.version + 1);
      assert.equal(after.status, 'published');
      const revisions = await services.repos.revisions.listForArticle(live.id);
      assert.ok(
        revisions.some((r) => r.version === after.version),
        'a live save keeps a revision',
      );
      assert.equal((await services.repos.articles.byId(draft.id))!.sectionId, section.id);

      const tagged = await bulkArticles(services, as(editor), {
        ids: [live.id, draft.id],
        action: 'tag',
        tagId: added.id,
      });
      assert.equal(tagged.done.length, 2);
      const tags = (await services.repos.articles.byId(live.id))!.tagIds;
      assert.deepEqual([...tags].sort(), [kept.id, added.id].sort(), 'a tag with a comma stays one tag');
      // Tagging again changes nothing and writes no new version.
      const version = (await services.repos.articles.byId(live.id))!.version;
      await bulkArticles(services, as(editor), { ids: [live.id], action: 'tag', tagId: added.id });
      assert.equal((await services.repos.articles.byId(live.id))!.version, version);
    });

    it("an author may tag their own article and not a colleague's", async () => {
      await ready;
      const author = await buildPerson(services, { role: 'author' });
      const tag = await buildTag(services);
      const own = await buildArticle(services, { status: 'draft', authorIds: [author.id] });
      const other = await buildArticle(services, { status: 'draft' });
      const result = await bulkArticles(services, as(author), {
        ids: [own.id, other.id],
        action: 'tag',
        tagId: tag.id,
      });
      assert.deepEqual(
        result.refused.map((r) => r.id),
        [other.id],
      );
      assert.deepEqual((await services.repos.articles.byId(own.id))!.tagIds, [tag.id]);
      assert.deepEqual((await services.repos.articles.byId(other.id))!.tagIds, []);
    });

    it('refuses unknown ids, sections and tags and an empty selection, naming the field, doing nothing', async () => {
      await ready;
      const editor = await buildPerson(services, { role: 'editor' });
      const draft = await buildArticle(services, { status: 'draft' });
      const before = await services.repos.audit.count({ action: 'article.bulk' });
      await assert.rejects(
        bulkArticles(services, as(editor), { ids: [draft.id, 987_654], action: 'publish' }),
        malformedOn('ids'),
      );
      await assert.rejects(
        bulkArticles(services, as(editor), { ids: [], action: 'trash' }),
        malformedOn('ids'),
      );
      await assert.rejects(
        bulkArticles(services, as(editor), { ids: [draft.id], action: 'move', sectionId: 987_654 }),
        malformedOn('section'),
      );
      await assert.rejects(
        bulkArticles(services, as(editor), { ids: [draft.id], action: 'tag', tagId: 987_654 }),
        malformedOn('tag'),
      );
      await assert.rejects(
        bulkArticles(services, as(editor), { ids: [draft.id], action: 'explode' as 'trash' }),
        malformedOn('action'),
      );
      assert.equal(await statusOf(draft.id), 'draft');
      assert.equal(await services.repos.audit.count({ action: 'article.bulk' }), before);
    });
  });
});
