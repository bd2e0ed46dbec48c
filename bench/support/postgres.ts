// Throw-away PostgreSQL databases and the Redis address for the benchmarks. Both must be on this
// machine: a benchmark loads what it talks to, and must never do that to a shared server.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { TEST_POSTGRES_URL } from '../../src/db/test-databases.ts';

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

function requireLoopback(url: string, variable: string): URL {
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

/** REDIS_URL, else MIDAD_TEST_REDIS_URL, else the local default. */
export function redisUrl(): string {
  const url = process.env.REDIS_URL || process.env.MIDAD_TEST_REDIS_URL || 'redis://127.0.0.1:6379';
  requireLoopback(url, 'REDIS_URL');
  return url;
}
