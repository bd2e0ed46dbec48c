// Invalidations shared by every process of a site over Redis pub/sub: a process applies its own
// at once and publishes them; the others apply what they receive. Messages carry the sender's
// id, so a process never applies its own twice. While Redis is unreachable messages are lost:
// other processes then refresh those pages when their lifetime ends (MIDAD_PAGE_CACHE_TTL).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type RedisClient, subscriberOf } from '../../services/redis/client.ts';
import type { CacheBus } from './bus.ts';
import type { Invalidation } from './store.ts';

const Message = z.object({
  origin: z.string(),
  invalidation: z.union([
    z.object({ all: z.literal(true) }),
    z.object({ tags: z.array(z.string()), drop: z.boolean().optional() }),
  ]),
});
type Message = z.infer<typeof Message>;

export interface RedisCacheBusOptions {
  /** One channel per site: processes of different sites on one Redis must not share it. */
  channel?: string;
  /** A publish Redis refused (it is down): the local cache is already up to date. */
  onError?: (err: unknown) => void;
}

export async function redisCacheBus(
  redis: RedisClient,
  options: RedisCacheBusOptions = {},
): Promise<CacheBus> {
  const channel = options.channel ?? 'midad:page-cache';
  const origin = randomUUID();
  const handlers = new Set<(invalidation: Invalidation) => void>();
  const apply = (invalidation: Invalidation) => {
    for (const handler of handlers) handler(invalidation);
  };
  const subscriber = subscriberOf(redis);
  subscriber.on('message', (from: string, text: string) => {
    if (from !== channel) return;
    const message = parse(text);
    if (message && message.origin !== origin) apply(message.invalidation);
  });
  await subscriber.subscribe(channel);
  return {
    async publish(invalidation) {
      apply(invalidation);
      const message = { origin, invalidation };
      try {
        await redis.publish(channel, JSON.stringify(message));
      } catch (err) {
        options.onError?.(err);
      }
    },
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    async close() {
      handlers.clear();
      subscriber.disconnect();
    },
  };
}

function parse(text: string): Message | null {
  try {
    const result = Message.safeParse(JSON.parse(text));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}
