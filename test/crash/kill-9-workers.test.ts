// The crash test with `midad serve --workers 2`: kills of the whole process group (primary and
// both workers at once) take turns with kills of one worker alone while both write, on SQLite
// (two processes writing one WAL database) and on PostgreSQL. After each, every acknowledged
// write is in the database; after a worker's kill the other kept serving and a replacement
// answers, without a restart. Short, for the suite: bench/crash.ts runs as many kills as asked.
// In CI an unreachable PostgreSQL fails its part; elsewhere that part is skipped with the reason.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scratchDatabaseOrSkip } from '../support/postgres.ts';
import { type CrashReport, runCrashTest } from './run.ts';

const WORKERS = 2;
/** Even, half of them of one worker: a restart of the group takes 3 to 8 s on a busy two-core machine. */
const SQLITE_KILLS = 4;
const POSTGRES_KILLS = 2;

const log = (line: string) => console.log(line);

function assertNothingLost(report: CrashReport, kills: number): void {
  console.log(report.summary);
  assert.deepEqual(report.lost, [], `acknowledged writes lost:\n${report.lost.slice(0, 20).join('\n')}`);
  assert.deepEqual(report.problems, [], report.problems.slice(0, 20).join('\n'));
  assert.equal(report.kills, kills);
  assert.equal(report.workerKills, kills / 2, 'every second kill is of one worker');
  // The clients really wrote, or the test proves nothing (see kill-9.test.ts).
  const { comments, saves, publishes } = report.counts;
  assert.ok(comments >= kills && saves + publishes >= kills && publishes > 0, report.summary);
}

describe(`kill -9 under writes with ${WORKERS} workers`, () => {
  it(`keeps every acknowledged write on SQLite across ${SQLITE_KILLS} kills`, {
    timeout: 300_000,
  }, async () => {
    assertNothingLost(await runCrashTest({ kills: SQLITE_KILLS, workers: WORKERS, log }), SQLITE_KILLS);
  });

  it(`keeps every acknowledged write on PostgreSQL across ${POSTGRES_KILLS} kills`, {
    timeout: 300_000,
  }, async (t) => {
    const database = await scratchDatabaseOrSkip(t, 'midad_crash_workers');
    if (!database) return;
    try {
      assertNothingLost(
        await runCrashTest({ kills: POSTGRES_KILLS, workers: WORKERS, postgresUrl: database.url, log }),
        POSTGRES_KILLS,
      );
    } finally {
      await database.drop();
    }
  });
});
