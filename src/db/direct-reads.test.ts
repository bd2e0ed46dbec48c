// On SQLite, reusable queries run on the connection directly when Kysely does not hold it; while
// it does (a transaction between its statements, a streamed read) they wait their turn as any
// Kysely query would: they never see another flow's uncommitted writes, never fail on a busy
// connection, and the query log hears of them as of the others.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type Kysely, sql } from 'kysely';
import { type Db, openDatabase } from './connect.ts';
import { reusableQuery } from './reusable-query.ts';

interface Notes {
  notes: { id: number; body: string };
}

const noteById = reusableQuery((db: Kysely<Notes>, id: number) =>
  db.selectFrom('notes').select(['id', 'body']).where('id', '=', id),
);

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('direct reads on SQLite', () => {
  let dir: string;
  let db: Db;
  let notes: Kysely<Notes>;
  const logged: string[] = [];

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-direct-reads-'));
    db = await openDatabase(path.join(dir, 'site.db'), { onQuery: (text) => logged.push(text) });
    notes = db.kysely as unknown as Kysely<Notes>;
    await sql`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)`.execute(notes);
    await sql`INSERT INTO notes (id, body) VALUES (1, 'first')`.execute(notes);
  });

  after(async () => {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers as Kysely does, and the query log hears of it', async () => {
    logged.length = 0;
    assert.deepEqual(await noteById(notes, 1), [{ id: 1, body: 'first' }]);
    assert.deepEqual(await noteById(notes, 2), []);
    assert.equal(logged.filter((text) => /from "notes"/.test(text)).length, 2);
  });

  it("waits for another flow's transaction instead of reading inside it", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let written!: () => void;
    const insideWritten = new Promise<void>((resolve) => {
      written = resolve;
    });
    const transaction = notes.transaction().execute(async (trx) => {
      await trx.insertInto('notes').values({ id: 2, body: 'second' }).execute();
      written();
      await gate;
    });
    await insideWritten;
    let answered: unknown[] | null = null;
    const read = noteById(notes, 2).then((rows) => {
      answered = rows;
    });
    await nextTurn();
    await nextTurn();
    assert.equal(answered, null, 'the read waits while the transaction holds the connection');
    release();
    await transaction;
    await read;
    assert.deepEqual(answered, [{ id: 2, body: 'second' }], 'and then sees what it committed');
  });

  it('waits for a streamed read of another request instead of failing on a busy connection', async () => {
    assert.ok(db.inReadScope, 'an SQLite database offers read scopes');
    const scoped = db.inReadScope;
    const bodies: string[] = [];
    const reads: Promise<unknown[]>[] = [];
    await scoped(async () => {
      for await (const row of notes.selectFrom('notes').select('body').orderBy('id').stream()) {
        bodies.push(row.body);
        // Each request's reads share a transaction: one from another request would end the
        // stream's first, under its open cursor.
        reads.push(scoped(() => noteById(notes, 1)));
        await nextTurn();
      }
    });
    assert.deepEqual(bodies, ['first', 'second']);
    for (const rows of await Promise.all(reads)) assert.deepEqual(rows, [{ id: 1, body: 'first' }]);
  });

  it("runs a transaction's reusable queries inside it", async () => {
    const seen = await notes.transaction().execute(async (trx) => {
      await trx.updateTable('notes').set({ body: 'changed' }).where('id', '=', 1).execute();
      return noteById(trx, 1);
    });
    assert.deepEqual(seen, [{ id: 1, body: 'changed' }]);
  });
});
