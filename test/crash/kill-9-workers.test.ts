// The crash test with `midad serve --workers 2`: kills of the whole process group (primary and
// both workers at once) take turns with kills of one worker alone while both write, on SQLite
// (two processes writing one WAL database) and on PostgreSQL. After each, every acknowledged
// write is in the database; after a worker's kill the other kept serving and a replacement
// answers, without a restart. Short, for the suite: bench/crash.ts runs as many kills as asked.
// In CI an unreachable PostgreSQL fails its part; elsewhere that part is skipped with the reason.
import { describe, it } from 'node:test';
import { scratchDatabaseOrSkip } from '../support/postgres.ts';
import { assertNothingLost } from './assertions.ts';
import { runCrashTest } from './run.ts';

const WORKERS = 2;
/** Even, half of them of one worker: a restart of the group takes 3 to 8 s on a busy two-core machine. */
const SQLITE_KILLS = 4;
const POSTGRES_KILLS = 2;

const log = (line: string) => console.log(line);

describe(`kill -9 under writes with ${WORKERS} workers`, () => {
  it(`keeps every acknowledged write on SQLite across ${SQLITE_KILLS} kills`, {
    timeout: 300_000,
  }, async () => {
    assertNothingLost(
      await runCrashTest({ kills: SQLITE_KILLS, workers: WORKERS, log }),
      SQLITE_KILLS,
      SQLITE_KILLS / 2,
    );
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
        POSTGRES_KILLS / 2,
      );
    } finally {
      await database.drop();
    }
  });
});
