// Page-cache evictions between workers of one `midad serve` without Redis: a worker applies its
// own at once and sends them to the primary, which passes them to every other worker (see
// primary.ts). With REDIS_URL the Redis bus is used instead, as between separate processes.
import type { CacheBus } from '../cache/bus.ts';
import type { Invalidation } from '../cache/store.ts';
import { isMidadMessage, type PrimaryMessage, type WorkerMessage } from './messages.ts';

/** The channel to the primary: `process` in a worker; a fake one in tests. */
export interface IpcChannel {
  send?: ((message: WorkerMessage) => unknown) | undefined;
  connected?: boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  off(event: 'message', listener: (message: unknown) => void): unknown;
}

export function ipcCacheBus(channel: IpcChannel = process as unknown as IpcChannel): CacheBus {
  const handlers = new Set<(invalidation: Invalidation) => void>();
  const apply = (invalidation: Invalidation) => {
    for (const handler of handlers) handler(invalidation);
  };
  const onMessage = (message: unknown) => {
    if (isMidadMessage<PrimaryMessage>(message) && message.midad === 'evict') apply(message.invalidation);
  };
  channel.on('message', onMessage);
  return {
    async publish(invalidation) {
      apply(invalidation);
      // While the worker is being stopped the channel may be gone: the others stop too.
      if (channel.connected !== false) channel.send?.({ midad: 'evict', invalidation });
    },
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    async close() {
      channel.off('message', onMessage);
      handlers.clear();
    },
  };
}
