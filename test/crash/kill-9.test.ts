// `midad serve` killed with SIGKILL at random moments while readers comment and editors save and
// publish, 50 times on SQLite and 10 on PostgreSQL: after every restart each acknowledged write
// is in the database, SQLite passes its integrity and foreign key checks, and the server starts
// cleanly (see run.ts). bench/crash.ts runs the same with more kills. In CI an unreachable
// PostgreSQL fails its part; elsewhere that part is skipped with the reason.
import { describe, it } from 'node:test';
import { scratchDatabaseOrSkip } from '../support/postgres.ts';
import { assertNothingLost } from './assertions.ts';
import { runCrashTest } from './run.ts';

/**
 * About 2.5 s a kill on a busy two-core machine (a restart is most of it), plus the first start.
 * The suite's short version; `npm run bench:crash -- --kills N` runs the long loop.
 */
const SQLITE_KILLS = 20;
const POSTGRES_KILLS = 4;

const log = (line: string) => console.log(line);

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
