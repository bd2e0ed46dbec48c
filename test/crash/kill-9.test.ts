// `midad serve` killed with SIGKILL at random moments while readers comment and editors save and
// publish, 50 times on SQLite and 10 on PostgreSQL: after every restart each acknowledged write
// is in the database, SQLite passes its integrity and foreign key checks, and the server starts
// cleanly (see run.ts). bench/crash.ts runs the same with more kills. In CI an unreachable
// PostgreSQL fails its part; elsewhere that part is skipped with the reason.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scratchDatabaseOrSkip } from '../support/postgres.ts';
import { type CrashReport, runCrashTest } from './run.ts';

/** About 2.5 s a kill on a busy two-core machine (a restart is most of it), plus the first start. */
const SQLITE_KILLS = 50;
const POSTGRES_KILLS = 10;

const log = (line: string) => console.log(line);

function assertNothingLost(report: CrashReport, kills: number): void {
  console.log(report.summary);
  assert.deepEqual(report.lost, [], `acknowledged writes lost:\n${report.lost.slice(0, 20).join('\n')}`);
  assert.deepEqual(report.problems, [], report.problems.slice(0, 20).join('\n'));
  assert.equal(report.kills, kills);
  // The clients really wrote, or the test proves nothing: each round waits for a comment and an
  // editor's save before its kill, and an editor's first save of a round publishes.
  const { comments, saves, publishes } = report.counts;
  assert.ok(comments >= kills && saves + publishes >= kills && publishes > 0, report.summary);
}

describe('kill -9 under writes', () => {
  it(`keeps every acknowledged write on SQLite across ${SQLITE_KILLS} kills`, {
    timeout: 600_000,
  }, async () => {
    assertNothingLost(await runCrashTest({ kills: SQLITE_KILLS, log }), SQLITE_KILLS);
  });

  it(`keeps every acknowledged write on PostgreSQL across ${POSTGRES_KILLS} kills`, {
    timeout: 300_000,
  }, async (t) => {
    const database = await scratchDatabaseOrSkip(t, 'midad_crash');
    if (!database) return;
    try {
      assertNothingLost(
        await runCrashTest({ kills: POSTGRES_KILLS, postgresUrl: database.url, log }),
        POSTGRES_KILLS,
      );
    } finally {
      await database.drop();
    }
  });
});
