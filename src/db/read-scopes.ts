// On SQLite, the reads one request makes share one read transaction instead of each opening its
// own. Every statement SQLite runs outside a transaction starts and ends one: in WAL mode that
// is a lock on the database taken and dropped (two fcntl calls) and a check of the file (a stat),
// about half of what a page's seventeen small reads cost (alone 230-264 µs, in one transaction
// 118-121 µs, at 10,000 articles). The page's reads also see one state of the database.
//
// Which reads go together: those made in one scope, an asynchronous context the HTTP server
// enters for each request (`inScope`). The connection is shared, so a transaction can belong to
// one scope at a time: a read from another scope (another request, a timer, a message from
// another process) ends it first and starts its own, and so sees everything committed before it
// began, as it would have without this. A write, a transaction of Kysely's and a pragma end it
// first too, so they run exactly as before. What nothing else ends is ended once the event
// loop's current phase is over, so a snapshot never holds the write-ahead log back for long.
import { AsyncLocalStorage } from 'node:async_hooks';
import type SQLite from 'better-sqlite3';

export interface ReadScopes {
  /** Runs `fn` in a scope of its own: its reads on the connection share one transaction. */
  inScope<T>(fn: () => T): T;
  /** Called with each statement just before it runs (the caching database's `prepare`). */
  before(statement: SQLite.Statement, sql: string): void;
  /** Ends the open read transaction, if any (before the connection closes). */
  end(): void;
}

const CONTROL = /^\s*(begin|commit|end|rollback|savepoint|release|pragma)\b/i;

export function readScopes(db: SQLite.Database): ReadScopes {
  const storage = new AsyncLocalStorage<object>();
  const begin = db.prepare('begin deferred');
  const commit = db.prepare('commit');
  /** The scope whose read transaction is open, or null. */
  let owner: object | null = null;
  let backstop = false;

  const end = () => {
    if (owner === null) return;
    if (db.inTransaction) commit.run();
    owner = null;
  };
  const endLater = () => {
    backstop = false;
    try {
      end();
    } catch {
      if (!db.inTransaction) {
        owner = null;
        return;
      }
      // A streamed read is still going (its rows come over several turns; Kysely runs nothing
      // else on the connection meanwhile): try again shortly.
      backstop = true;
      setTimeout(endLater, 10).unref();
    }
  };
  const scheduleEnd = () => {
    if (backstop) return;
    backstop = true;
    setImmediate(endLater);
  };

  return {
    inScope: (fn) => storage.run({}, fn),
    before(statement, sql) {
      const scope = storage.getStore();
      const read = statement.reader && statement.readonly && !CONTROL.test(sql);
      if (!read || scope === undefined) {
        end();
        return;
      }
      if (owner === scope) return;
      end();
      // A transaction of Kysely's is open (this read is part of it): leave it alone.
      if (db.inTransaction) return;
      begin.run();
      owner = scope;
      scheduleEnd();
    },
    end,
  };
}
