// better-sqlite3 compiles a statement on every `prepare`, and Kysely's SQLite driver prepares
// every query it runs: on a page that issues a dozen small queries, compiling them cost about
// as much as running them. This wraps the database handed to Kysely so that `prepare` returns
// the statement compiled the first time for that SQL text (a Statement can be run again and
// again; Kysely runs one query at a time on its single connection, so none is busy when reused).
//
// It also makes every transaction Kysely opens `BEGIN IMMEDIATE`: with several processes on one
// database (`midad serve --workers N`), a deferred transaction that reads, then writes after
// another process committed, fails at once with SQLITE_BUSY, which busy_timeout cannot wait
// out. Taking the write lock at BEGIN makes writers queue (up to busy_timeout) instead. A
// read-only command whose one long transaction is a snapshot (the export) opts out: it must not
// hold the write lock for minutes.
import type SQLite from 'better-sqlite3';
import type { ReadScopes } from './read-scopes.ts';

/** Distinct SQL texts kept: queries with `IN (?, ?, …)` lists of every length make many. */
export const STATEMENT_CACHE_SIZE = 500;

export interface StatementCacheStats {
  hits: number;
  misses: number;
  size: number;
}

export interface CachingDatabase {
  prepare(sql: string): SQLite.Statement;
  close(): void;
  readonly stats: StatementCacheStats;
}

export function cachingDatabase(
  db: SQLite.Database,
  options: {
    capacity?: number;
    immediateTransactions?: boolean;
    /** Reads of one request share a transaction (read-scopes.ts); told of every statement. */
    scopes?: ReadScopes;
  } = {},
): CachingDatabase {
  const capacity = options.capacity ?? STATEMENT_CACHE_SIZE;
  const { scopes } = options;
  const begin = options.immediateTransactions === false ? 'begin' : 'begin immediate';
  const statements = new Map<string, SQLite.Statement>();
  const stats = { hits: 0, misses: 0, size: 0 };
  return {
    prepare(sql) {
      const text = sql === 'begin' ? begin : sql;
      const cached = statements.get(text);
      if (cached) {
        stats.hits++;
        // Most recently used last, so the first key is the one to drop.
        statements.delete(text);
        statements.set(text, cached);
        // Kysely runs what it prepares at once, so this is the moment before it runs.
        scopes?.before(cached, text);
        return cached;
      }
      stats.misses++;
      const statement = db.prepare(text);
      statements.set(text, statement);
      if (statements.size > capacity) {
        const oldest = statements.keys().next().value;
        if (oldest !== undefined) statements.delete(oldest);
      }
      stats.size = statements.size;
      scopes?.before(statement, text);
      return statement;
    },
    close() {
      scopes?.end();
      statements.clear();
      db.close();
    },
    get stats() {
      return { ...stats, size: statements.size };
    },
  };
}
