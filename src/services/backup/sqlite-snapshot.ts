// SQLite: a consistent copy of a live database through SQLite's online backup API, while the
// site keeps serving and writing (WAL mode: readers and the copy never block the writer).
import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { SetupError } from '../../core/errors.ts';
import type { Database } from '../../db/schema.ts';

/** Copies the database at `source` to `dest` (a new file) and checks the copy. */
export async function snapshotSqlite(source: string, dest: string): Promise<void> {
  if (!fs.existsSync(source)) {
    throw new SetupError(`There is no database at ${source}: nothing to back up.`);
  }
  const db = new SQLite(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // After a first small step, copy everything in one step: one read snapshot, so writes by
    // the running site cannot make the copy start over again and again.
    await db.backup(dest, { progress: () => 1_000_000_000 });
  } catch (err) {
    throw new SetupError(`Cannot copy the database ${source}: ${(err as Error).message}`);
  } finally {
    db.close();
  }
  checkSqliteFile(dest, `The copy of ${source}`);
}

/** Opens a database file read-only and runs SQLite's quick check; throws a clear message if it fails. */
export function checkSqliteFile(file: string, what: string): void {
  let db: SQLite.Database | undefined;
  try {
    db = new SQLite(file, { readonly: true, fileMustExist: true });
    const result = db.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw new Error(String(result));
  } catch (err) {
    throw new SetupError(`${what} is not a sound SQLite database (${(err as Error).message}).`);
  } finally {
    db?.close();
  }
}

/** The database file and the journal files SQLite keeps beside it. */
export function sqliteFiles(file: string): string[] {
  return [file, `${file}-wal`, `${file}-shm`, `${file}-journal`];
}

/** A read-only Kysely handle on a database file, for digests of a copy that must not change. */
export function openReadOnly(file: string): { kysely: Kysely<Database>; close(): Promise<void> } {
  const kysely = new Kysely<Database>({
    dialect: new SqliteDialect({ database: new SQLite(file, { readonly: true, fileMustExist: true }) }),
  });
  return { kysely, close: () => kysely.destroy() };
}
