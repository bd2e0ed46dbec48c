// The Redis connection of a multi-process site: cache evictions go out over its pub/sub and
// rate-limit counters live in it. A wrong address fails the start with one clear line; a Redis
// lost later is waited for in the background (ioredis reconnects) while callers fall back.
import type { Redis } from 'ioredis';
import { SetupError } from '../../core/errors.ts';

export type RedisClient = Redis;

export interface RedisConnectOptions {
  /** How long the first connection may take before the start is refused. */
  timeoutMs?: number;
  /** Told of connection losses and returns, once each. */
  onStateChange?: (state: 'lost' | 'back', detail: string) => void;
}

function describe(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '6379'}`;
  } catch {
    return url;
  }
}

/** Connects and checks with PING; throws SetupError naming the address when it cannot. */
export async function connectRedis(url: string, options: RedisConnectOptions = {}): Promise<RedisClient> {
  if (!/^rediss?:\/\//.test(url)) {
    throw new SetupError(`REDIS_URL must start with redis:// or rediss://, got "${url}".`);
  }
  // Loaded only by sites that use Redis.
  const { Redis } = await import('ioredis');
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: options.timeoutMs ?? 3000,
    // Commands fail at once while disconnected, so callers fall back instead of queueing.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  // Errors are reported through onStateChange; without a listener ioredis would print them.
  let lastError: Error | null = null;
  client.on('error', (err: Error) => {
    lastError = err;
  });
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    client.disconnect();
    // "Connection is closed" says less than the socket error that closed it (ECONNREFUSED…).
    const reason = (lastError as Error | null)?.message ?? (err as Error).message;
    throw new SetupError(`Cannot reach Redis at ${describe(url)}: ${reason.replace(/\.$/, '')}.`);
  }
  let lost = false;
  client.on('close', () => {
    if (lost) return;
    lost = true;
    options.onStateChange?.('lost', `Redis at ${describe(url)} is unreachable`);
  });
  client.on('ready', () => {
    if (!lost) return;
    lost = false;
    options.onStateChange?.('back', `Redis at ${describe(url)} is back`);
  });
  return client;
}

/** A second connection for subscribing (a subscribed connection can do nothing else). */
export function subscriberOf(client: RedisClient): RedisClient {
  const sub = client.duplicate({ enableOfflineQueue: true });
  sub.on('error', () => {});
  return sub;
}
