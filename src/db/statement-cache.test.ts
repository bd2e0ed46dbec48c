// Kysely on SQLite prepares every query it runs; the database it is given returns the statement
// compiled the first time for each SQL text, keeps at most its capacity, and opens transactions
// with BEGIN IMMEDIATE.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { openDatabase } from './connect.ts';
import { cachingDatabase } from './statement-cache.ts';

describe('the statement cache', () => {
  it('prepares a query once, however often it runs through Kysely', async () => {
    const db = await openDatabase(':memory:');
    try {
      await sql`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)`.execute(db.kysely);
      const first = db.statementCache?.();
      assert.ok(first, 'SQLite databases report their statement cache');
      for (let i = 0; i < 50; i++) {
        await sql`INSERT INTO notes (body) VALUES (${`note ${i}`})`.execute(db.kysely);
        await sql`SELECT body FROM notes WHERE id = ${i + 1}`.execute(db.kysely);
      }
      const after = db.statementCache?.();
      assert.ok(after);
      assert.equal(after.misses - first.misses, 2, 'two SQL texts, each prepared once');
      assert.equal(after.hits - first.hits, 98);
      const rows = await sql<{ body: string }>`SELECT body FROM notes WHERE id = ${50}`.execute(db.kysely);
      assert.deepEqual(rows.rows, [{ body: 'note 49' }], 'a reused statement binds its new parameters');
    } finally {
      await db.close();
    }
  });

  it('drops the least recently used statement past its capacity', () => {
    const database = cachingDatabase(new SQLite(':memory:'), { capacity: 2 });
    const a = database.prepare('SELECT 1');
    database.prepare('SELECT 2');
    assert.equal(database.prepare('SELECT 1'), a, 'still cached');
    database.prepare('SELECT 3');
    assert.equal(database.stats.size, 2);
    assert.equal(database.prepare('SELECT 1'), a, 'used most recently, so kept');
    const misses = database.stats.misses;
    database.prepare('SELECT 2');
    assert.equal(database.stats.misses, misses + 1, 'SELECT 2 was dropped and prepared again');
    database.close();
  });

  it('takes the write lock when a transaction begins', () => {
    // Kysely sends "begin"; what is prepared is the immediate form.
    const database = cachingDatabase(new SQLite(':memory:'));
    assert.equal(database.prepare('begin').source, 'begin immediate');
    assert.equal(database.prepare('commit').source, 'commit');
    database.close();
    const snapshot = cachingDatabase(new SQLite(':memory:'), { immediateTransactions: false });
    assert.equal(snapshot.prepare('begin').source, 'begin', 'unless a read-only snapshot asks not to');
    snapshot.close();
  });
});
