// PostgreSQL: dumps with pg_dump (plain SQL of Midad's schema, from a snapshot the caller holds
// open so the digests and the dump see the same data) and restores with psql in one
// transaction. The schema it replaces is renamed aside, not dropped, until the restored one has
// been checked: a restore that fails or does not match its backup leaves the database as it was.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { SetupError } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';

const CLIENT_PACKAGE =
  'Install the PostgreSQL client tools of the server\'s version (Debian/Ubuntu: "apt-get install postgresql-client").';

/** Stops with a clear message when a PostgreSQL client program is not installed. */
export function requireTool(name: 'pg_dump' | 'psql'): string {
  const probe = spawnSync(name, ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new SetupError(
      `${name} was not found on PATH; it is needed for PostgreSQL backups. ${CLIENT_PACKAGE}`,
    );
  }
  return probe.stdout.trim();
}

/** The URL without its password, and the password for PGPASSWORD: not shown to `ps`. */
function connection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  parsed.password = '';
  return {
    dbname: parsed.toString(),
    env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}), PGCONNECT_TIMEOUT: '15' },
  };
}

function run(program: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.once('error', (err) => reject(new SetupError(`${program} could not be started: ${err.message}`)));
    child.once('exit', (code, signal) => {
      if (code === 0) return resolve();
      const reason =
        stderr
          .trim()
          .split('\n')
          .find((l) => l.trim() !== '') ?? `exit ${code ?? signal}`;
      reject(new SetupError(`${program} failed: ${reason.replace(/^\S+: /, '')}`));
    });
  });
}

/** The open snapshot a consistent backup reads through. */
export interface PostgresSnapshot {
  id: string;
  schema: string;
  serverVersion: string;
}

/**
 * Runs `fn` inside a read-only repeatable-read transaction whose snapshot is exported, so
 * pg_dump (given the snapshot's id) sees exactly what `fn`'s own queries see.
 */
export async function withSnapshot<T>(
  db: Db,
  fn: (snapshot: PostgresSnapshot, trx: Pick<Db, 'kysely'>) => Promise<T>,
): Promise<T> {
  return db.kysely
    .transaction()
    .setIsolationLevel('repeatable read')
    .setAccessMode('read only')
    .execute(async (trx) => {
      const row = (
        await sql<{ id: string; schema: string; version: string }>`
          SELECT pg_export_snapshot() AS id, current_schema() AS schema,
                 current_setting('server_version') AS version`.execute(trx)
      ).rows[0];
      if (!row) throw new SetupError('PostgreSQL did not export a snapshot.');
      return fn({ id: row.id, schema: row.schema, serverVersion: row.version }, { kysely: trx });
    });
}

export async function dumpPostgres(url: string, snapshot: PostgresSnapshot, dest: string): Promise<void> {
  requireTool('pg_dump');
  const { dbname, env } = connection(url);
  await run(
    'pg_dump',
    [
      '--no-owner',
      '--no-privileges',
      `--schema=${snapshot.schema}`,
      `--snapshot=${snapshot.id}`,
      `--file=${dest}`,
      `--dbname=${dbname}`,
    ],
    env,
  );
}

/** Tables, sequences and views in the schema: a restore target must have none (unless forced). */
export async function relationsIn(db: Db, schema: string): Promise<string[]> {
  const result = await sql<{ name: string }>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = ${schema} AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
    ORDER BY c.relname`.execute(db.kysely);
  return result.rows.map((r) => r.name);
}

const quoted = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The schema a restore replaced, kept under another name until the restored one is checked. */
export interface SchemaAside {
  schema: string;
  /** Null when the schema did not exist before the restore. */
  aside: string | null;
}

/**
 * Replaces the schema with the dump's, in one transaction: the schema (with whatever it held,
 * which the caller has checked or been told to overwrite) is renamed aside and the dump
 * creates it again. Any error rolls the whole restore back. The caller then checks the result
 * and ends with `dropAside` or `putBack`.
 */
export async function restorePostgres(
  db: Db,
  url: string,
  schema: string,
  dump: string,
  workDir: string,
): Promise<SchemaAside> {
  requireTool('psql');
  const existed = await schemaExists(db, schema);
  const aside = existed ? `midad_before_restore_${randomBytes(6).toString('hex')}` : null;
  const prelude = path.join(workDir, 'prelude.sql');
  fs.writeFileSync(prelude, aside ? `ALTER SCHEMA ${quoted(schema)} RENAME TO ${quoted(aside)};\n` : '');
  const { dbname, env } = connection(url);
  await run(
    'psql',
    [
      '-X',
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '--single-transaction',
      '-f',
      prelude,
      '-f',
      dump,
      `--dbname=${dbname}`,
    ],
    env,
  );
  return { schema, aside };
}

async function schemaExists(db: Db, schema: string): Promise<boolean> {
  const result = await sql<{ n: number | string }>`
    SELECT count(*) AS n FROM pg_namespace WHERE nspname = ${schema}`.execute(db.kysely);
  return Number(result.rows[0]?.n ?? 0) > 0;
}

/** The restored schema is good: the one it replaced goes. */
export async function dropAside(db: Db, restore: SchemaAside): Promise<void> {
  if (!restore.aside) return;
  await sql`DROP SCHEMA ${sql.raw(quoted(restore.aside))} CASCADE`.execute(db.kysely);
}

/** The restored schema is wrong: it goes, and the one it replaced takes its name again. */
export async function putBack(db: Db, restore: SchemaAside): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    await sql`DROP SCHEMA ${sql.raw(quoted(restore.schema))} CASCADE`.execute(trx);
    if (restore.aside) {
      await sql`ALTER SCHEMA ${sql.raw(quoted(restore.aside))} RENAME TO ${sql.raw(quoted(restore.schema))}`.execute(
        trx,
      );
    } else {
      await sql`CREATE SCHEMA ${sql.raw(quoted(restore.schema))}`.execute(trx);
    }
  });
}
