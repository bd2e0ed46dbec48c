// The Redis the tests use: MIDAD_TEST_REDIS_URL, or the local server. In CI an unreachable Redis
// fails the tests (a skipped multi-process suite would pass for the wrong reason); elsewhere the
// Redis tests are skipped with the reason.
import { connectRedis, type RedisClient } from '../../src/services/redis/client.ts';

export const TEST_REDIS_URL = process.env.MIDAD_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A connected client, or a reason to skip; in CI, a failure. */
export async function testRedis(): Promise<{ client: RedisClient } | { skip: string }> {
  try {
    return { client: await connectRedis(TEST_REDIS_URL, { timeoutMs: 2000 }) };
  } catch (err) {
    if (process.env.CI)
      throw new Error(`Redis is required in CI (MIDAD_TEST_REDIS_URL): ${(err as Error).message}`);
    return { skip: `Redis unreachable (set MIDAD_TEST_REDIS_URL to test it): ${(err as Error).message}` };
  }
}

/** A name no other test run uses, for keys and channels. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
