// Which failures count as "the database is unavailable for now" on each engine.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isDatabaseUnavailable } from './availability.ts';

const coded = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('database availability', () => {
  it('recognises a refused, reset or timed-out connection and PostgreSQL going away', () => {
    for (const err of [
      coded('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'),
      coded('read ECONNRESET', 'ECONNRESET'),
      coded('terminating connection due to administrator command', '57P01'),
      coded('the database system is starting up', '57P03'),
      coded('sorry, too many clients already', '53300'),
      coded('connection failure', '08006'),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      coded('database is locked', 'SQLITE_BUSY'),
      coded('disk I/O error', 'SQLITE_IOERR_WRITE'),
      new Error('driver has already been destroyed'),
      new AggregateError([coded('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')], 'all attempts failed'),
      new Error('query failed', { cause: coded('connect ECONNREFUSED', 'ECONNREFUSED') }),
    ]) {
      assert.ok(isDatabaseUnavailable(err), err.message);
    }
  });

  it('leaves programming and data errors alone', () => {
    for (const err of [
      coded('duplicate key value violates unique constraint', '23505'),
      coded('syntax error at or near "SELEC"', '42601'),
      coded('UNIQUE constraint failed: articles.slug', 'SQLITE_CONSTRAINT_UNIQUE'),
      new TypeError("Cannot read properties of undefined (reading 'id')"),
    ]) {
      assert.equal(isDatabaseUnavailable(err), false, err.message);
    }
    assert.equal(isDatabaseUnavailable('ECONNREFUSED'), false);
    assert.equal(isDatabaseUnavailable(null), false);
  });
});
