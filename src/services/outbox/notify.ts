// A nudge from a command that queued messages (after its commit) to a dispatcher running in the
// same process, so a mail or a post goes out at once instead of at the next poll. Messages
// queued by other processes are found by the dispatcher's timer.
import type { Db } from '../../db/connect.ts';

const listeners = new WeakMap<Db, Set<() => void>>();

export function onOutboxQueued(services: { db: Db }, fn: () => void): () => void {
  const set = listeners.get(services.db) ?? new Set<() => void>();
  listeners.set(services.db, set);
  set.add(fn);
  return () => set.delete(fn);
}

export function notifyOutbox(services: { db: Db }): void {
  for (const fn of listeners.get(services.db) ?? []) fn();
}
