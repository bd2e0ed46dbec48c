// Import runs repository, on every engine.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachEngine } from '../test-databases.ts';
import { useDatabase } from '../test-fixtures.ts';

await forEachEngine((engine) => {
  describe('import runs', () => {
    const { r } = useDatabase(engine);
    const t0 = '2026-11-29T10:00:00.000Z';
    const t1 = '2026-11-29T10:01:00.000Z';

    it('goes from queued to running once, records progress and the outcome', async () => {
      const run = await r().importRuns.create({
        fileName: 'site.xml',
        filePath: '/data/imports/site.xml',
        options: { dryRun: true, skipPingbacks: false },
        personId: null,
        at: t0,
      });
      assert.equal(run.status, 'queued');
      assert.deepEqual(run.options, { dryRun: true, skipPingbacks: false });
      assert.equal((await r().importRuns.active())?.id, run.id);
      assert.equal(await r().importRuns.start(run.id, t0), true);
      assert.equal(await r().importRuns.start(run.id, t0), false, 'only one process starts it');
      await r().importRuns.progress(run.id, 40, 120, t1);
      const running = await r().importRuns.byId(run.id);
      assert.equal(running?.status, 'running');
      assert.equal(running?.done, 40);
      assert.equal(running?.total, 120);
      await r().importRuns.finish(run.id, { status: 'done', report: { counts: { articles: 3 } } }, t1);
      const done = await r().importRuns.byId(run.id);
      assert.equal(done?.status, 'done');
      assert.deepEqual(done?.report, { counts: { articles: 3 } });
      assert.equal(done?.finishedAt, t1);
      assert.equal(await r().importRuns.active(), null);
    });

    it('marks runs left behind by a stopped process as interrupted', async () => {
      const old = await r().importRuns.create({
        fileName: 'a.xml',
        filePath: '/a',
        options: {},
        personId: null,
        at: t0,
      });
      await r().importRuns.start(old.id, t0);
      const fresh = await r().importRuns.create({
        fileName: 'b.xml',
        filePath: '/b',
        options: {},
        personId: null,
        at: t1,
      });
      assert.equal(await r().importRuns.markInterrupted('2026-11-29T10:00:30.000Z', t1), 1);
      assert.equal((await r().importRuns.byId(old.id))?.status, 'interrupted');
      assert.equal((await r().importRuns.byId(fresh.id))?.status, 'queued');
      assert.deepEqual(
        (await r().importRuns.list(2)).map((x) => x.id),
        [fresh.id, old.id],
      );
    });
  });
});
