// On SQLite the reads of one request share one read transaction: they see one state of the
// database, a read from any other scope sees everything committed before it, writes and
// Kysely's transactions run as before, and the transaction ends with the event loop's phase.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { type Db, openDatabase } from './connect.ts';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('read scopes on SQLite', () => {
  let dir: string;
  let db: Db;
  /** Another process's connection to the same file. */
  let other: SQLite.Database;

  const read = async () =>
    (await sql<{ body: string }>`SELECT body FROM notes WHERE id = 1`.execute(db.kysely)).rows[0]?.body;
  const scoped = <T>(fn: () => Promise<T>): Promise<T> => {
    assert.ok(db.inReadScope, 'an SQLite database offers read scopes');
    return db.inReadScope(fn);
  };

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-read-scopes-'));
    db = await openDatabase(path.join(dir, 'site.db'));
    await sql`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)`.execute(db.kysely);
    await sql`INSERT INTO notes (id, body) VALUES (1, 'first')`.execute(db.kysely);
    other = new SQLite(path.join(dir, 'site.db'));
    other.pragma('busy_timeout = 5000');
  });

  after(async () => {
    other.close();
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("gives a scope's reads one state of the database, and the next scope a fresh one", async () => {
    other.prepare("UPDATE notes SET body = 'first' WHERE id = 1").run();
    const seen = await scoped(async () => {
      const before = await read();
      other.prepare("UPDATE notes SET body = 'second' WHERE id = 1").run();
      return [before, await read()];
    });
    assert.deepEqual(seen, ['first', 'first'], 'one snapshot for the whole scope');
    assert.equal(await scoped(read), 'second', 'another scope starts after the commit');
  });

  it('lets a read from another scope, or from no scope, see what was committed meanwhile', async () => {
    other.prepare("UPDATE notes SET body = 'a' WHERE id = 1").run();
    let hasRead = () => {};
    const read1 = new Promise<void>((resolve) => {
      hasRead = resolve;
    });
    const first = scoped(async () => {
      const seen = await read();
      hasRead();
      // Another request's turn comes while this one waits for something else.
      await nextTurn();
      return seen;
    });
    await read1;
    other.prepare("UPDATE notes SET body = 'b' WHERE id = 1").run();
    assert.equal(await scoped(read), 'b', 'another scope');
    other.prepare("UPDATE notes SET body = 'c' WHERE id = 1").run();
    assert.equal(await read(), 'c', 'no scope at all (a timer, a message from another process)');
    assert.equal(await first, 'a');
  });

  it('ends the read transaction before a write, so the scope sees its own write', async () => {
    await scoped(async () => {
      await read();
      await sql`UPDATE notes SET body = 'own' WHERE id = 1`.execute(db.kysely);
      assert.equal(await read(), 'own');
      // Kysely's transactions begin with the write lock, as they do outside a scope.
      await db.kysely.transaction().execute(async (trx) => {
        await sql`UPDATE notes SET body = 'in a transaction' WHERE id = 1`.execute(trx);
      });
      assert.equal(await read(), 'in a transaction');
    });
    assert.equal(other.prepare('SELECT body FROM notes WHERE id = 1').pluck().get(), 'in a transaction');
  });

  it('ends the read transaction when the current turn of the event loop is over', async () => {
    await scoped(read);
    // The writer's checkpoint can then reset the log: nothing holds an old snapshot.
    await nextTurn();
    other.prepare("UPDATE notes SET body = 'later' WHERE id = 1").run();
    const log = other.pragma('wal_checkpoint(TRUNCATE)', { simple: false }) as { busy: number }[];
    assert.equal(log[0]?.busy, 0, 'no reader holds the log back');
    assert.equal(await scoped(read), 'later');
  });

  it('keeps a streamed read going across turns', async () => {
    await sql`INSERT INTO notes (body) SELECT 'row ' || value FROM json_each('[1,2,3,4,5]')`.execute(
      db.kysely,
    );
    const bodies = await scoped(async () => {
      const out: string[] = [];
      for await (const row of db.kysely
        .selectFrom('notes' as never)
        .select('body' as never)
        .stream()) {
        out.push((row as { body: string }).body);
        await nextTurn();
      }
      return out;
    });
    assert.equal(bodies.length, 6);
    await nextTurn();
    await nextTurn();
    assert.equal(other.prepare('SELECT count(*) FROM notes').pluck().get(), 6);
    await sql`DELETE FROM notes WHERE id > 1`.execute(db.kysely);
  });
});
