// Repeated views of one page by one reader within a window count once. A reader is recognised
// only by a hash of (a random salt, their address, their user agent, the page): the salt is
// made afresh every UTC day and kept in memory (or in Redis, shared by the site's processes,
// when one is configured), the hashes are kept for the window and then forgotten, and neither
// is ever written to the database or a log. Once the day's salt is gone, yesterday's hashes
// cannot be linked to anyone, nor to today's.
import { createHash, randomBytes } from 'node:crypto';
import type { RedisClient } from '../redis/client.ts';

export interface SeenWindow {
  /** True the first time this reader is seen on this page within the window. */
  firstSight(address: string, userAgent: string, page: string, now: number): Promise<boolean>;
}

/** Hashes remembered at most; past it, views are counted without being remembered. */
const MAX_REMEMBERED = 500_000;

const utcDay = (now: number): string => new Date(now).toISOString().slice(0, 10);

function digest(salt: string, address: string, userAgent: string, page: string): Buffer {
  return createHash('sha256').update(`${salt}\n${address}\n${userAgent}\n${page}`).digest();
}

/**
 * The first 48 bits of the hash as a number: a small map key that costs the server no string.
 * Two readers share one by a chance of 1 in 2^48 per pair: with half a million readers in one
 * window, under 1 in 2,000 that any two meet (and then one view is missed, nothing more).
 */
const shortKey = (hash: Buffer): number => hash.readUIntBE(0, 6);

export function memorySeenWindow(windowMs: number): SeenWindow {
  let day = '';
  let salt = '';
  // Insertion order is expiry order (every entry lives windowMs), so the oldest come first.
  const seen = new Map<number, number>();
  const sweep = (now: number) => {
    for (const [hash, until] of seen) {
      if (until > now) break;
      seen.delete(hash);
    }
  };
  return {
    async firstSight(address, userAgent, page, now) {
      const today = utcDay(now);
      if (today !== day) {
        // A new salt makes every old hash meaningless: drop them with it.
        day = today;
        salt = randomBytes(32).toString('base64');
        seen.clear();
      }
      const hash = shortKey(digest(salt, address, userAgent, page));
      const until = seen.get(hash);
      if (until !== undefined && until > now) return false;
      if (until !== undefined) seen.delete(hash);
      if (seen.size >= MAX_REMEMBERED) sweep(now);
      if (seen.size < MAX_REMEMBERED) seen.set(hash, now + windowMs);
      return true;
    },
  };
}

/**
 * The same window shared by several processes through Redis: one salt per day (set by
 * whichever process needs it first, expiring after two days) and one short-lived key per hash.
 * When Redis does not answer, this process falls back to its own memory.
 */
export function redisSeenWindow(
  redis: RedisClient,
  windowMs: number,
  onFallback: (err: unknown) => void,
): SeenWindow {
  const local = memorySeenWindow(windowMs);
  let day = '';
  let salt = '';
  const saltFor = async (now: number): Promise<string> => {
    const today = utcDay(now);
    if (today === day) return salt;
    const key = `midad:readership:salt:${today}`;
    await redis.set(key, randomBytes(32).toString('base64'), 'EX', 2 * 86_400, 'NX');
    const stored = await redis.get(key);
    if (!stored) throw new Error('the readership salt vanished from Redis');
    day = today;
    salt = stored;
    return salt;
  };
  return {
    async firstSight(address, userAgent, page, now) {
      try {
        const hash = digest(await saltFor(now), address, userAgent, page)
          .toString('base64url')
          .slice(0, 22);
        const set = await redis.set(`midad:readership:seen:${hash}`, '1', 'PX', windowMs, 'NX');
        return set === 'OK';
      } catch (err) {
        onFallback(err);
        return local.firstSight(address, userAgent, page, now);
      }
    },
  };
}
