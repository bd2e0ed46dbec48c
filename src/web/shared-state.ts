// What several processes of one site share through Redis (REDIS_URL): page-cache evictions,
// comment rate limits and sign-in throttles, and the content API's rate limit. Sessions, the
// scheduler's one-winner publishing and the webhook queue already live in the database.
// Without REDIS_URL every process keeps these to itself, which is right for one process.
import { createHash } from 'node:crypto';
import type { Config } from '../config.ts';
import type { SignInThrottles } from '../services/auth/throttle.ts';
import type { RateLimiter } from '../services/rate-limit.ts';
import { connectRedis, type RedisClient } from '../services/redis/client.ts';
import { redisFailureThrottle, redisRateLimiter } from '../services/redis/limits.ts';
import type { CacheBus } from './cache/bus.ts';
import { redisCacheBus } from './cache/redis-bus.ts';

/** Where connection news goes (the server's log once it exists). */
export interface SharedLog {
  warn(message: string, err?: unknown): void;
  info(message: string): void;
}

export interface SharedState {
  cacheBus?: CacheBus;
  commentLimiter?: RateLimiter;
  signInThrottles?: SignInThrottles;
  /** For the content API's rate limit. */
  redis?: RedisClient;
  close(): Promise<void>;
}

/**
 * While Redis is away, evictions made by other processes cannot reach this one: its cached
 * pages are then dropped this often, so none is shown stale for longer, until Redis is back.
 */
export const DEGRADED_PAGE_LIFETIME_MS = 5000;

const MINUTE = 60_000;

/** A short name for a site, the same in all its processes: from its secret, which they share. */
export function siteKey(secret: string): string {
  return createHash('sha256').update(`midad-site:${secret}`).digest('hex').slice(0, 12);
}

/**
 * `site` names this site among others on the same Redis (see siteKey): its channel and counters
 * are its own, so two sites never evict each other's pages or throttle each other's staff.
 */
export async function sharedState(config: Config, log: SharedLog, site: string): Promise<SharedState> {
  const none: SharedState = { close: async () => {} };
  if (!config.redisUrl) return none;
  let degraded: ReturnType<typeof setInterval> | null = null;
  let bus: CacheBus | null = null;
  let redis: RedisClient;
  try {
    redis = await connectRedis(config.redisUrl, {
      onStateChange: (state, detail) => {
        if (state === 'lost') {
          log.warn(`${detail}: cached pages now last ${DEGRADED_PAGE_LIFETIME_MS / 1000} s until it returns`);
          if (!degraded && bus) {
            const cache = bus;
            degraded = setInterval(() => void cache.publish({ all: true }), DEGRADED_PAGE_LIFETIME_MS);
            degraded.unref();
          }
        } else {
          log.info(`${detail}: page cache back to normal lifetimes`);
          if (degraded) clearInterval(degraded);
          degraded = null;
          // Evictions sent while it was away were lost: start afresh everywhere.
          void bus?.publish({ all: true });
        }
      },
    });
  } catch (err) {
    if (!config.redisOptional) throw err;
    log.warn(
      `${(err as Error).message.replace(/\.$/, '')}; serving as a single process (MIDAD_REDIS_OPTIONAL=1)`,
    );
    return none;
  }
  // One line per outage, not one per request.
  let lastFallbackLog = 0;
  const onFallback = (err: unknown) => {
    if (Date.now() - lastFallbackLog < MINUTE) return;
    lastFallbackLog = Date.now();
    log.warn('Redis did not answer: rate limits counted by this process alone', err);
  };
  // A failed publish needs no line of its own: the connection loss was logged once.
  bus = await redisCacheBus(redis, { channel: `midad:${site}:page-cache` });
  const cacheBus = bus;
  return {
    cacheBus,
    redis,
    commentLimiter: redisRateLimiter(redis, `${site}:comments`, 5, 10 * MINUTE, onFallback),
    signInThrottles: {
      perAccount: redisFailureThrottle(redis, `${site}:sign-in-account`, 5, 15 * MINUTE, onFallback),
      perAddress: redisFailureThrottle(redis, `${site}:sign-in-address`, 20, 15 * MINUTE, onFallback),
    },
    async close() {
      if (degraded) clearInterval(degraded);
      await cacheBus.close();
      redis.disconnect();
    },
  };
}
