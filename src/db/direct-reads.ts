// On SQLite a read can run on the connection at once, without Kysely's executor. For every query
// Kysely hands the one connection over through a mutex and its promises, builds a log event and
// transforms the result: on an uncached article page's fifteen small lookups, about a tenth of
// all the page allocated. better-sqlite3 runs a statement synchronously, so there is nothing to
// wait for unless Kysely holds the connection across turns of the event loop: a transaction
// between its statements, or a streamed read. Then the read goes Kysely's way and waits, as
// before, so it never runs inside a transaction it is not part of.
//
// Only the reusable queries (reusable-query.ts) use this: their SQL is compiled once, and they
// run on the database's own Kysely instance or a transaction's (which has no direct reader).
// A transaction begun with raw SQL (sql`begin`) is not seen here: code that shares the
// connection with requests opens its transactions with Kysely's `transaction()`. (Migrations
// 032 and 033 use raw ones, before the server serves anything.)
import type SQLite from 'better-sqlite3';
import { type DatabaseConnection, SqliteDialect, type SqliteDialectConfig, SqliteDriver } from 'kysely';

/** Rows of a read, or undefined when the read cannot run now and must go through Kysely. */
export type DirectReader = (sql: string, parameters: readonly unknown[]) => unknown[] | undefined;

const readers = new WeakMap<object, DirectReader>();

/**
 * The direct reader of this Kysely instance, if it has one. A transaction's instance has none:
 * its reads must run inside it, on the connection it holds.
 */
export function directReaderOf(kysely: object): DirectReader | undefined {
  return readers.get(kysely);
}

/**
 * Knows whether Kysely holds the connection across turns: from a transaction's BEGIN to its
 * COMMIT or ROLLBACK, and while a streamed read is open. A plain query holds it too, from
 * acquiring it to releasing it, but runs in one synchronous call in between: a direct read
 * before or after it is safe, and waiting behind it would queue every read of a busy server
 * behind the few that go Kysely's way.
 */
class HeldSqliteDriver extends SqliteDriver {
  private transaction = false;
  private streams = 0;

  get held(): boolean {
    return this.transaction || this.streams > 0;
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    return {
      executeQuery: (query) => connection.executeQuery(query),
      streamQuery: (query, chunkSize) => this.counted(connection.streamQuery(query, chunkSize)),
    };
  }

  private async *counted<R>(rows: AsyncIterableIterator<R>): AsyncIterableIterator<R> {
    this.streams++;
    try {
      yield* rows;
    } finally {
      this.streams--;
    }
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    this.transaction = true;
    try {
      await super.beginTransaction(connection);
    } catch (err) {
      this.transaction = false;
      throw err;
    }
  }

  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    // A failed COMMIT is followed by Kysely's ROLLBACK, which ends the transaction.
    await super.commitTransaction(connection);
    this.transaction = false;
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    try {
      await super.rollbackTransaction(connection);
    } finally {
      this.transaction = false;
    }
  }
}

class HeldSqliteDialect extends SqliteDialect {
  constructor(
    readonly driver: HeldSqliteDriver,
    config: SqliteDialectConfig,
  ) {
    super(config);
  }

  override createDriver(): HeldSqliteDriver {
    return this.driver;
  }
}

interface PreparingDatabase {
  prepare(sql: string): SQLite.Statement;
}

/**
 * A dialect for Kysely over `database`, and `offer(kysely)` to call once the Kysely instance is
 * made with it: its reusable queries then run directly whenever Kysely does not hold the
 * connection. `onQuery` is told of them, as Kysely's log is of the others.
 */
export function sqliteWithDirectReads(
  database: PreparingDatabase,
  onQuery?: (sql: string, parameters: readonly unknown[]) => void,
): { dialect: SqliteDialect; offer(kysely: object): void } {
  const config = { database: database as unknown as SQLite.Database };
  const driver = new HeldSqliteDriver(config);
  const reader: DirectReader = (sql, parameters) => {
    if (driver.held) return undefined;
    const statement = database.prepare(sql);
    if (!statement.reader) return undefined;
    const rows = statement.all(parameters as unknown[]);
    onQuery?.(sql, parameters);
    return rows;
  };
  return {
    dialect: new HeldSqliteDialect(driver, config),
    offer: (kysely) => readers.set(kysely, reader),
  };
}
