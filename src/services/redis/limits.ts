// Rate limits and sign-in throttles shared by every process through Redis. When Redis does not
// answer, each process falls back to its own in-memory counts (a little more lenient across
// processes, never wide open) until it is back.
import type { FailureThrottle } from '../auth/throttle.ts';
import { memoryFailureThrottle } from '../auth/throttle.ts';
import { memoryRateLimiter, type RateLimiter } from '../rate-limit.ts';
import type { RedisClient } from './client.ts';

export function redisRateLimiter(
  redis: RedisClient,
  name: string,
  limit: number,
  windowMs: number,
  onFallback: (err: unknown) => void = () => {},
): RateLimiter {
  const local = memoryRateLimiter(limit, windowMs);
  return {
    async hit(key, now = Date.now()) {
      // Fixed windows: one counter per key and window, gone when the window ends.
      const counter = `midad:rl:${name}:${key}:${Math.floor(now / windowMs)}`;
      try {
        const result = await redis.multi().incr(counter).pexpire(counter, windowMs).exec();
        const count = Number(result?.[0]?.[1] ?? 0);
        return count <= limit;
      } catch (err) {
        onFallback(err);
        return local.hit(key, now);
      }
    },
  };
}

export function redisFailureThrottle(
  redis: RedisClient,
  name: string,
  maxFailures: number,
  windowMs: number,
  onFallback: (err: unknown) => void = () => {},
): FailureThrottle {
  const local = memoryFailureThrottle(maxFailures, windowMs);
  const keyOf = (key: string) => `midad:throttle:${name}:${key}`;
  // A sorted set of failure times per key: old ones are dropped before counting.
  const recent = async (key: string, now: number) => {
    const result = await redis
      .multi()
      .zremrangebyscore(keyOf(key), 0, now - windowMs)
      .zcard(keyOf(key))
      .exec();
    return Number(result?.[1]?.[1] ?? 0);
  };
  return {
    async isBlocked(key, now = Date.now()) {
      try {
        return (await recent(key, now)) >= maxFailures;
      } catch (err) {
        onFallback(err);
        return local.isBlocked(key, now);
      }
    },
    async fail(key, now = Date.now()) {
      try {
        await redis
          .multi()
          .zadd(keyOf(key), now, `${now}:${Math.random().toString(36).slice(2)}`)
          .pexpire(keyOf(key), windowMs)
          .exec();
      } catch (err) {
        onFallback(err);
      }
      // Counted here too, so a Redis lost in the middle of an attack still finds it throttled.
      await local.fail(key, now);
    },
    async reset(key) {
      try {
        await redis.del(keyOf(key));
      } catch (err) {
        onFallback(err);
      }
      await local.reset(key);
    },
  };
}
