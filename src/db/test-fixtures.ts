// Test support shared by the storage tests: date fixtures, an error matcher for assert.rejects
// and a per-describe database with its repositories. Not a test file itself.
import assert from 'node:assert/strict';
import { before } from 'node:test';
import type { Article } from '../core/types.ts';
import type { Db } from './connect.ts';
import { createRepositories, type Repositories } from './repositories/index.ts';
import type { TestEngine } from './test-databases.ts';

export const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const FUTURE = '2999-01-01T00:00:00.000Z';
export const day = (n: number) => `2024-01-${String(n).padStart(2, '0')}T10:00:00.000Z`;

/** An error check for assert.rejects that also pins the message, so the wrong Conflict cannot pass. */
export function error(type: new (...args: never[]) => Error, message?: RegExp) {
  return (err: unknown) => {
    assert.ok(err instanceof type, `expected ${type.name}, got ${String(err)}`);
    if (message) assert.match(err.message, message);
    return true;
  };
}

export const ids = (articles: readonly Article[]) => articles.map((a) => a.id);

/** A fresh migrated database and its repositories, for one describe block. */
export function useDatabase(engine: TestEngine): { db: () => Db; r: () => Repositories } {
  let db: Db | undefined;
  let r: Repositories | undefined;
  before(async () => {
    db = await engine.fresh();
    r = createRepositories(db.kysely);
  });
  return { db: () => db!, r: () => r! };
}
