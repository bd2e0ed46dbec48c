// The newsroom list query on both engines: the search (analyzer words in any status, or the
// title as typed), every sort column in both directions with undated rows last, comment counts,
// and a writer seeing only their own articles.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { buildArticle, buildPerson } from '../../../test/support/factories.ts';
import { loadConfig } from '../../config.ts';
import { forEachEngine } from '../../db/test-databases.ts';
import { type Services, servicesFor } from '../context.ts';
import { LIST_SORTS, listNewsroomArticles } from './list.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-list-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

await forEachEngine((engine) => {
  describe('newsroom article list query', () => {
    let services: Services;
    const ready = (async () => {
      const config = loadConfig({}, { dataDir: path.join(dir, engine.dialect), logLevel: 'silent' });
      services = servicesFor(config, await engine.fresh());
    })();

    it('searches every status, sorts by each column, counts comments', async () => {
      await ready;
      const editor = await buildPerson(services, { role: 'editor' });
      const writer = await buildPerson(services, { role: 'author' });
      const draft = await buildArticle(services, {
        status: 'draft',
        title: 'Brouillon sur le port',
        bodyHtml: '<p>Les pêcheurs de Nouadhibou attendent la saison.</p>',
        authorIds: [writer.id],
      });
      const live = await buildArticle(services, {
        title: 'Article publié sur le port',
        bodyHtml: '<p>Nouadhibou accueille un nouveau quai.</p>',
        publishedAt: '2026-01-02T10:00:00.000Z',
      });
      await services.repos.comments.create({
        articleId: live.id,
        status: 'approved',
        authorName: 'Lectrice',
        authorEmail: 'lectrice@example.org',
        body: 'Merci pour cet article.',
      });
      const found = await listNewsroomArticles(services, editor, { q: 'nouadhibou', page: 1 });
      assert.deepEqual(found.items.map((a) => a.id).sort(), [draft.id, live.id].sort());
      assert.equal(found.items.find((a) => a.id === live.id)?.comments, 1);
      const typed = await listNewsroomArticles(services, editor, { q: 'Brouillon sur le p', page: 1 });
      assert.deepEqual(
        typed.items.map((a) => a.id),
        [draft.id],
      );
      for (const sort of LIST_SORTS) {
        for (const descending of [true, false]) {
          const page = await listNewsroomArticles(services, editor, {
            q: 'nouadhibou',
            sort,
            descending,
            page: 1,
          });
          assert.equal(page.items.length, 2, `${sort} ${descending}`);
        }
      }
      const byComments = await listNewsroomArticles(services, editor, {
        q: 'nouadhibou',
        sort: 'comments',
        page: 1,
      });
      assert.equal(byComments.items[0]?.id, live.id);
      // The draft has no date: last whichever way the publication column is sorted.
      for (const descending of [true, false]) {
        const byDate = await listNewsroomArticles(services, editor, {
          q: 'nouadhibou',
          sort: 'published',
          descending,
          page: 1,
        });
        assert.equal(byDate.items.at(-1)?.id, draft.id);
      }
      const byTitle = await listNewsroomArticles(services, editor, {
        q: 'nouadhibou',
        sort: 'title',
        descending: false,
        page: 1,
      });
      assert.deepEqual(
        byTitle.items.map((a) => a.id),
        [live.id, draft.id],
      );
      const own = await listNewsroomArticles(services, writer, { q: 'nouadhibou', page: 1 });
      assert.deepEqual(
        own.items.map((a) => a.id),
        [draft.id],
      );
    });
  });
});
