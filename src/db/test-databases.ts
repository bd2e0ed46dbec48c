// Test support: runs one set of tests against every engine Midad supports. SQLite databases
// live in a temporary folder; PostgreSQL ones in a throw-away schema of the database named by
// MIDAD_TEST_POSTGRES_URL. In CI an unreachable PostgreSQL fails the tests, because a skipped
// engine there would let a dialect bug land unseen; elsewhere it is skipped with the reason.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import { type Db, openDatabase } from './connect.ts';
import { migrateToLatest } from './migrate.ts';
import type { Dialect } from './migrations/helpers.ts';

export const TEST_POSTGRES_URL =
  process.env.MIDAD_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestEngine {
  readonly dialect: Dialect;
  /** A new, empty database, migrated unless `migrate: false`; removed when the engine's suite ends. */
  fresh(options?: { migrate?: boolean }): Promise<Db>;
}

interface EngineSetup {
  fresh(migrate: boolean): Promise<Db>;
  cleanup(): Promise<void>;
}

function sqliteSetup(): EngineSetup {
  let dir: string | undefined;
  const opened: Db[] = [];
  return {
    async fresh(migrate) {
      dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'midad-test-'));
      const db = await openDatabase(`sqlite:${path.join(dir, `test-${opened.length + 1}.db`)}`);
      opened.push(db);
      if (migrate) await migrateToLatest(db);
      return db;
    },
    async cleanup() {
      await Promise.all(opened.map((db) => db.close()));
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresSetup(admin: Db): EngineSetup {
  const opened: { db: Db; schema: string }[] = [];
  return {
    async fresh(migrate) {
      const schema = `midad_test_${randomBytes(6).toString('hex')}`;
      await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin.kysely);
      const db = await openDatabase(TEST_POSTGRES_URL, { schema });
      opened.push({ db, schema });
      if (migrate) await migrateToLatest(db);
      return db;
    },
    async cleanup() {
      for (const { db, schema } of opened) {
        await db.close();
        await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(admin.kysely);
      }
      await admin.close();
    },
  };
}

/**
 * Declares `describe('<engine>', …)` once per engine and calls `fn` inside it, so every test
 * the callback declares runs on each engine. Await it at the top level of a test file.
 */
export async function forEachEngine(fn: (engine: TestEngine) => void): Promise<void> {
  defineSuite('sqlite', sqliteSetup, fn);

  // This connection creates and drops the suite's schemas; the suite's cleanup closes it.
  const admin = await openDatabase(TEST_POSTGRES_URL).catch((err: unknown) =>
    err instanceof Error ? err : new Error(String(err)),
  );
  if (!(admin instanceof Error)) {
    defineSuite('postgres', () => postgresSetup(admin), fn);
  } else if (process.env.CI) {
    describe('postgres', () => {
      it('is reachable, as CI requires', () => {
        throw new Error(`PostgreSQL is required in CI (MIDAD_TEST_POSTGRES_URL): ${admin.message}`);
      });
    });
  } else {
    const reason = `PostgreSQL unreachable (set MIDAD_TEST_POSTGRES_URL to test it): ${admin.message}`;
    describe('postgres', () => {
      it('is reachable', { skip: reason }, () => {});
    });
  }
}

function defineSuite(dialect: Dialect, setup: () => EngineSetup, fn: (engine: TestEngine) => void): void {
  describe(dialect, () => {
    const engine = setup();
    fn({ dialect, fresh: (options = {}) => engine.fresh(options.migrate ?? true) });
    after(() => engine.cleanup());
  });
}
