// Live coverage on every engine: the coverage state, entries newest first, a repeated
// idempotency key stored once, edits and deletes marked (never removed), and the change query a
// broadcaster reads.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachEngine } from '../test-databases.ts';
import { useDatabase } from '../test-fixtures.ts';

await forEachEngine((engine) => {
  describe('live coverage', () => {
    const { r } = useDatabase(engine);
    const article = () =>
      r().articles.create({
        lang: 'ar',
        status: 'published',
        title: 'انتخابات بلدية',
        slug: `elections-${Math.random().toString(36).slice(2, 8)}`,
        publishedAt: '2026-01-01T08:00:00.000Z',
      });

    it('starts, ends and restarts coverage, keeping the first start', async () => {
      const a = await article();
      assert.equal(await r().live.coverage(a.id), null);
      const started = await r().live.setCoverage(a.id, 'live', '2026-01-02T08:00:00.000Z');
      assert.deepEqual(started, {
        articleId: a.id,
        state: 'live',
        startedAt: '2026-01-02T08:00:00.000Z',
        endedAt: null,
      });
      const ended = await r().live.setCoverage(a.id, 'ended', '2026-01-02T20:00:00.000Z');
      assert.equal(ended.state, 'ended');
      assert.equal(ended.endedAt, '2026-01-02T20:00:00.000Z');
      assert.equal(ended.startedAt, '2026-01-02T08:00:00.000Z');
      const again = await r().live.setCoverage(a.id, 'live', '2026-01-03T08:00:00.000Z');
      assert.equal(again.endedAt, null);
      assert.equal(again.startedAt, '2026-01-02T08:00:00.000Z');
      const map = await r().live.coverages([a.id, 99999]);
      assert.equal(map.get(a.id)?.state, 'live');
      assert.equal(map.has(99999), false);
    });

    it('stores an idempotency key once per article, lists newest first, marks edits and deletes', async () => {
      const a = await article();
      const b = await article();
      const first = await r().live.createEntry({
        articleId: a.id,
        bodyHtml: '<p>فتحت مكاتب الاقتراع.</p>',
        personId: null,
        idempotencyKey: 'k-1',
        createdAt: '2026-01-02T08:00:00.000Z',
      });
      assert.equal(first.created, true);
      const twice = await r().live.createEntry({
        articleId: a.id,
        bodyHtml: '<p>فتحت مكاتب الاقتراع.</p>',
        personId: null,
        idempotencyKey: 'k-1',
      });
      assert.equal(twice.created, false);
      assert.equal(twice.entry.id, first.entry.id);
      // The same key on another article is another entry.
      const other = await r().live.createEntry({
        articleId: b.id,
        bodyHtml: '<p>x</p>',
        personId: null,
        idempotencyKey: 'k-1',
      });
      assert.equal(other.created, true);
      // Entries without a key are never merged.
      const second = await r().live.createEntry({ articleId: a.id, bodyHtml: '<p>٢</p>', personId: null });
      const third = await r().live.createEntry({ articleId: a.id, bodyHtml: '<p>٣</p>', personId: null });
      assert.notEqual(second.entry.id, third.entry.id);
      assert.deepEqual(
        (await r().live.listEntries(a.id)).map((e) => e.id),
        [third.entry.id, second.entry.id, first.entry.id],
      );
      assert.deepEqual(
        (await r().live.listEntries(a.id, { afterId: first.entry.id, order: 'asc' })).map((e) => e.id),
        [second.entry.id, third.entry.id],
      );

      const stampBefore = (await r().live.stamps(a.id)).find((s) => s.id === second.entry.id)!;
      await new Promise((resolve) => setTimeout(resolve, 5));
      const edited = await r().live.updateEntry(second.entry.id, { bodyHtml: '<p>اثنان</p>', edited: true });
      assert.equal(edited?.edited, true);
      assert.equal(edited?.bodyHtml, '<p>اثنان</p>');
      assert.ok(edited!.updatedAt > stampBefore.updatedAt);
      const pinned = await r().live.updateEntry(first.entry.id, { pinned: true });
      assert.equal(pinned?.pinned, true);
      assert.equal(pinned?.edited, false, 'pinning is not an edit');
      await r().live.updateEntry(third.entry.id, { deleted: true });
      assert.deepEqual(
        (await r().live.listEntries(a.id)).map((e) => e.id),
        [second.entry.id, first.entry.id],
        'a deleted entry is not listed',
      );
      assert.equal((await r().live.listEntries(a.id, { includeDeleted: true })).length, 3);
      const changed = await r().live.changedSince(a.id, stampBefore.updatedAt);
      assert.deepEqual(
        changed.map((e) => e.id).sort(),
        [first.entry.id, second.entry.id, third.entry.id].sort(),
      );
      assert.equal(changed.find((e) => e.id === third.entry.id)?.deleted, true);
      assert.equal(await r().live.updateEntry(999999, { pinned: true }), null);
    });

    it('moves the article updated time alone', async () => {
      const a = await article();
      await r().live.touchArticle(a.id, '2026-02-01T00:00:00.000Z');
      const after = await r().articles.byId(a.id);
      assert.equal(after?.updatedAt, '2026-02-01T00:00:00.000Z');
      assert.equal(after?.version, a.version);
    });
  });
});
