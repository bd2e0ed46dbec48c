// Throw-away PostgreSQL databases on this machine, for tests and benchmarks that start servers of
// their own on one: each gets an empty database, dropped afterwards with its open connections.
import { randomBytes } from 'node:crypto';
import type { TestContext } from 'node:test';
import pg from 'pg';
import { TEST_POSTGRES_URL } from '../../src/db/test-databases.ts';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function requireLoopback(url: string, variable: string): URL {
  const parsed = new URL(url);
  if (!LOOPBACK.has(parsed.hostname)) {
    throw new Error(`${variable} must point at this machine (127.0.0.1), not ${parsed.hostname}`);
  }
  return parsed;
}

/**
 * Creates an empty database through MIDAD_TEST_POSTGRES_URL's connection and returns its
 * address and a `drop` that removes it (connections still open included).
 */
export async function createDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const target = requireLoopback(TEST_POSTGRES_URL, 'MIDAD_TEST_POSTGRES_URL');
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * A scratch database for one test, or null when PostgreSQL cannot be reached: the test is then
 * skipped with the reason, except in CI, where PostgreSQL is part of the contract and it fails.
 */
export async function scratchDatabaseOrSkip(
  t: TestContext,
  prefix: string,
): Promise<{ url: string; drop(): Promise<void> } | null> {
  try {
    return await createDatabase(prefix);
  } catch (err) {
    const reason = `PostgreSQL unreachable at MIDAD_TEST_POSTGRES_URL: ${(err as Error).message}`;
    if (process.env.CI) throw new Error(`PostgreSQL is required in CI. ${reason}`);
    t.skip(reason);
    return null;
  }
}
