// Throw-away PostgreSQL databases and the Redis address for the benchmarks. Both must be on this
// machine: a benchmark loads what it talks to, and must never do that to a shared server.
import { requireLoopback } from '../../test/support/postgres.ts';

export { createDatabase } from '../../test/support/postgres.ts';

/** REDIS_URL, else MIDAD_TEST_REDIS_URL, else the local default. */
export function redisUrl(): string {
  const url = process.env.REDIS_URL || process.env.MIDAD_TEST_REDIS_URL || 'redis://127.0.0.1:6379';
  requireLoopback(url, 'REDIS_URL');
  return url;
}
