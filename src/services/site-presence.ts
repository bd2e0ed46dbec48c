// Whether the configured database holds a Midad site, found out without creating anything:
// commands that work on a site (user, reindex, export, backup, import wordpress, migrate) refuse
// a folder or database without one, instead of creating an empty database that makes "no
// users" or "no articles" look like facts. A site is there once its first start has finished:
// `midad init` and `midad serve` set the marker row below last, in the same transaction.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import type { Config } from '../config.ts';
import { SetupError } from '../core/errors.ts';
import { openDatabase, parseDatabaseUrl, unopenableSqlite } from '../db/connect.ts';

/** Set by initializeSite (services/setup.ts) when a site's first start completes. */
export const INITIALIZED_KEY = 'site.initializedAt';

/** Throws a one-line SetupError when the configured database holds no Midad site. */
export async function requireSite(config: Config): Promise<void> {
  const where = await siteLocation(config.databaseUrl);
  if (where.found) return;
  throw new SetupError(`no Midad site at ${where.location}; run \`midad init\` first.`);
}

async function siteLocation(url: string): Promise<{ found: boolean; location: string }> {
  const target = parseDatabaseUrl(url);
  if (target.dialect === 'sqlite') {
    const location = target.target === ':memory:' ? ':memory:' : path.resolve(target.target);
    return { found: sqliteHasSite(target.target), location };
  }
  const db = await openDatabase(url);
  try {
    // Looked up in the connection's own schema only, as the migrations and repositories do.
    const table = await sql<{ found: boolean }>`
      SELECT EXISTS (
        SELECT 1 FROM information_schema.tables
        WHERE table_schema = current_schema() AND table_name = 'settings'
      ) AS found`.execute(db.kysely);
    const found =
      table.rows[0]?.found === true &&
      (await db.kysely
        .selectFrom('settings')
        .select('key')
        .where('key', '=', INITIALIZED_KEY)
        .executeTakeFirst()) !== undefined;
    return { found, location: db.location };
  } finally {
    await db.close();
  }
}

function sqliteHasSite(file: string): boolean {
  if (file === ':memory:' || !fs.existsSync(file)) return false;
  let db: SQLite.Database | undefined;
  try {
    // Read-only: an empty or foreign file is left exactly as it was.
    db = new SQLite(file, { readonly: true, fileMustExist: true });
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'").get();
    if (table === undefined) return false;
    return db.prepare('SELECT 1 FROM settings WHERE key = ?').get(INITIALIZED_KEY) !== undefined;
  } catch (err) {
    throw unopenableSqlite(file, err);
  } finally {
    db?.close();
  }
}
