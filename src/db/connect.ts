// Opens the database named by a DATABASE_URL: `postgres://…` selects PostgreSQL, `sqlite:PATH`
// or a plain path selects SQLite, and any other scheme is refused. Failures become SetupErrors
// that name the file or host and say what to do, because an operator reads them, not a developer.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type KyselyConfig, PostgresDialect, SqliteDialect } from 'kysely';
import { SetupError } from '../core/errors.ts';
import type { Dialect } from './migrations/helpers.ts';
import type { Database } from './schema.ts';
import { sqliteWithDirectReads } from './direct-reads.ts';
import { readScopes } from './read-scopes.ts';
import { cachingDatabase, type StatementCacheStats } from './statement-cache.ts';

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** Human-readable location: the SQLite file path or the PostgreSQL host/database. */
  location: string;
  /**
   * PostgreSQL only: the schema that unqualified table names resolve to. Migrations pin their
   * bookkeeping table to it, because Kysely otherwise looks for that table in every schema.
   */
  schema?: string;
  /** SQLite only: how often a query found its compiled statement already prepared. */
  statementCache?(): StatementCacheStats;
  /**
   * SQLite only: runs `fn` in a read scope of its own, whose reads share one transaction
   * (read-scopes.ts). Without it, `fn` simply runs.
   */
  inReadScope?<T>(fn: () => T): T;
  close(): Promise<void>;
}

export interface DatabaseTarget {
  dialect: Dialect;
  /** SQLite file path, or the PostgreSQL connection string. */
  target: string;
}

export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//i.test(url)) return { dialect: 'postgres', target: url };
  // Any other scheme (mysql://, file:, postgres: without //) is refused rather than taken for
  // a file name: "mysql://…" would otherwise become an SQLite file named "mysql:". Only the
  // scheme is repeated, since the rest of a URL may hold a password. One letter is a drive.
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(url)?.[1];
  if (scheme !== undefined && scheme.toLowerCase() !== 'sqlite') {
    throw new SetupError(
      `DATABASE_URL must be sqlite:PATH, a file path, or a postgres:// (postgresql://) URL, got one starting "${scheme}:".`,
    );
  }
  const file = url.replace(/^sqlite:(\/\/)?/i, '');
  if (file === '') {
    throw new SetupError('DATABASE_URL "sqlite:" names no file. Use sqlite:/path/to/midad.db.');
  }
  return { dialect: 'sqlite', target: file };
}

export interface OpenOptions {
  /** PostgreSQL: the schema to use (tests give each suite its own). */
  schema?: string;
  /** Told of every query run, with its parameters: the query-plan tests and benches record them. */
  onQuery?: (sql: string, parameters: readonly unknown[]) => void;
  /**
   * SQLite: transactions begin deferred instead of taking the write lock at once, for a
   * read-only command whose long transaction is a snapshot (the export) and must not keep
   * the server's writers waiting.
   */
  snapshotReads?: boolean;
}

export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Db> {
  const parsed = parseDatabaseUrl(url);
  return parsed.dialect === 'postgres'
    ? openPostgres(parsed.target, options.schema, logFor(options))
    : openSqlite(parsed.target, options, options.snapshotReads !== true);
}

function logFor(options: OpenOptions): KyselyConfig['log'] {
  const { onQuery } = options;
  if (!onQuery) return undefined;
  return (event) => {
    if (event.level === 'query') onQuery(event.query.sql, event.query.parameters);
  };
}

function openSqlite(file: string, options: OpenOptions, immediateTransactions = true): Db {
  const log = logFor(options);
  const memory = file === ':memory:';
  if (!memory) {
    const dir = path.dirname(path.resolve(file));
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch (err) {
      throw new SetupError(`Cannot create the folder ${dir} for the database: ${(err as Error).message}`);
    }
  }
  let sqlite: SQLite.Database;
  try {
    sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Every commit is on disk before it is acknowledged, power cuts included (docs/adr/0003).
    sqlite.pragma('synchronous = FULL');
    // SQLite's own default page cache (2 MB). better-sqlite3 builds SQLite with 16 MB, which a
    // worker filled within seconds of reading articles at random (10,000 in the archive): 12 MB
    // more resident per worker for no measurable gain in pages per second, since the pages it
    // would hold are in the operating system's file cache anyway (bench/pages, issue 19).
    sqlite.pragma('cache_size = -2000');
    // Reading one page forces SQLite to check the header: a corrupt file fails here, not mid-request.
    sqlite.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (err) {
    throw unopenableSqlite(file, err);
  }
  // Statements compiled once per SQL text, and transactions that take the write lock at BEGIN.
  // A command whose one long transaction is its snapshot (the export) has no use for scopes.
  const scopes = immediateTransactions ? readScopes(sqlite) : undefined;
  const database = cachingDatabase(sqlite, { immediateTransactions, scopes });
  // The server's reads run directly when Kysely does not hold the connection (direct-reads.ts);
  // the export's snapshot, one long transaction, has nothing to gain.
  const direct = scopes ? sqliteWithDirectReads(database, options.onQuery) : null;
  const kysely = new Kysely<Database>({
    dialect: direct?.dialect ?? new SqliteDialect({ database: database as unknown as SQLite.Database }),
    ...(log ? { log } : {}),
  });
  direct?.offer(kysely);
  return {
    kysely,
    dialect: 'sqlite',
    statementCache: () => database.stats,
    ...(scopes ? { inReadScope: scopes.inScope } : {}),
    location: memory ? ':memory:' : path.resolve(file),
    close: () => kysely.destroy(),
  };
}

/** The one message for an SQLite file that exists but cannot be opened or read. */
export function unopenableSqlite(file: string, err: unknown): SetupError {
  return new SetupError(
    `The database file ${path.resolve(file)} cannot be opened (${(err as Error).message}). ` +
      'If it is corrupt, restore it from a backup, or move it aside to start with an empty site.',
  );
}

async function openPostgres(url: string, schema?: string, log?: KyselyConfig['log']): Promise<Db> {
  const where = describePostgres(url);
  // Loaded only for PostgreSQL: an SQLite site never pays its memory.
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    // Generous: a busy machine can take seconds to accept; a dead host is refused at once anyway.
    connectionTimeoutMillis: 15000,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // A client losing its connection must not crash the process. Idle clients report it to the
  // pool; a client in use emits it on itself, where nobody listens (its query fails anyway, and
  // the pool drops it when it is released). Either way the pool connects afresh when asked.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  let current: string | null;
  try {
    const client = await pool.connect();
    try {
      const result = await client.query<{ schema: string | null }>('SELECT current_schema() AS schema');
      current = result.rows[0]?.schema ?? null;
    } finally {
      client.release();
    }
  } catch (err) {
    await pool.end().catch(() => {});
    throw new SetupError(
      `Cannot connect to PostgreSQL at ${where}: ${(err as Error).message}. ` +
        'Check that the server is running and that DATABASE_URL is right.',
    );
  }
  if (current === null) {
    await pool.end().catch(() => {});
    throw new SetupError(
      `PostgreSQL at ${where} has no schema ${schema ? `named "${schema}"` : 'on the search_path'}. ` +
        'Create it (CREATE SCHEMA ...) or fix the search_path.',
    );
  }
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), ...(log ? { log } : {}) });
  return { kysely, dialect: 'postgres', location: where, schema: current, close: () => kysely.destroy() };
}

function describePostgres(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || 'localhost'}:${u.port || '5432'}${u.pathname}`;
  } catch {
    throw new SetupError('DATABASE_URL is not a valid postgres:// URL.');
  }
}
