// Fixed-window counters per key (e.g. a hashed IP). In one process this map is enough; a
// Redis-backed implementation of the same interface shares counts across processes.
export interface RateLimiter {
  /** Counts one hit; true when the key is still within its budget. */
  hit(key: string, now?: number): Promise<boolean>;
}

export function memoryRateLimiter(limit: number, windowMs: number): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  let lastSweep = 0;
  return {
    async hit(key, now = Date.now()) {
      if (now - lastSweep > windowMs) {
        for (const [k, w] of windows) if (now - w.start >= windowMs) windows.delete(k);
        lastSweep = now;
      }
      const w = windows.get(key);
      if (!w || now - w.start >= windowMs) {
        windows.set(key, { start: now, count: 1 });
        return true;
      }
      w.count++;
      return w.count <= limit;
    },
  };
}
