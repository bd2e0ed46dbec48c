// What the primary and its workers say to each other over the cluster's IPC channel. Every
// message carries the `midad` marker so that anything else on the channel (Node's own cluster
// messages) is left alone.
import type { Invalidation } from '../cache/store.ts';

export type WorkerMessage =
  | { midad: 'listening'; address: string }
  /** A page-cache eviction made in this worker, for the primary to pass to the others. */
  | { midad: 'evict'; invalidation: Invalidation };

export type PrimaryMessage =
  /** An eviction made in another worker. */
  | { midad: 'evict'; invalidation: Invalidation }
  /** Finish requests in flight and exit 0. */
  | { midad: 'shutdown' };

export function isMidadMessage<T extends { midad: string }>(message: unknown): message is T {
  return typeof message === 'object' && message !== null && typeof (message as T).midad === 'string';
}

/** The environment variable with a worker's slot (0 …N-1): slot 0 runs the background work. */
export const SLOT_VARIABLE = 'MIDAD_WORKER_SLOT';
