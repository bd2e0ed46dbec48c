// `midad reindex` as an operator runs it: it refills an emptied search index and the emptied
// related-articles lists, and says how many articles it indexed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import SQLite from 'better-sqlite3';

const BIN = path.resolve('bin/midad.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-reindex-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const { DATABASE_URL: _ignored, ...base } = process.env;
  return spawnSync(process.execPath, [BIN, ...args], {
    env: { ...base, MIDAD_DATA_DIR: dir },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

function count(query: string): number {
  const db = new SQLite(path.join(dir, 'midad.db'));
  try {
    return (db.prepare(query).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

// The FTS5 docsize shadow table has one row per indexed article.
const indexedRows = () => count('SELECT count(*) AS n FROM search_fts_docsize');
const relatedRows = () => count('SELECT count(*) AS n FROM related_articles');

describe('midad reindex', () => {
  it('refills an emptied index and emptied related lists with every published article', () => {
    assert.equal(run(['init']).status, 0);
    const seeded = indexedRows();
    const related = relatedRows();
    assert.ok(seeded > 0, 'the demo content is indexed at setup');
    assert.ok(related > 0, 'the demo articles have related lists from setup');

    const db = new SQLite(path.join(dir, 'midad.db'));
    db.exec('DELETE FROM search_fts; DELETE FROM related_articles; DELETE FROM related_docs;');
    db.close();
    assert.equal(indexedRows(), 0);
    assert.equal(relatedRows(), 0);

    const r = run(['reindex']);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, new RegExp(`Indexed ${seeded} articles and their related articles in [\\d.]+ s`));
    assert.equal(indexedRows(), seeded);
    assert.equal(relatedRows(), related);
  });
});
