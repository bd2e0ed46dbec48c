// Sign-in throttling: failures are counted per account and per address over a window; past
// the limit, attempts are refused before the password is even checked. One process keeps the
// counts in memory; the same interface can be backed by Redis for several processes.
export interface FailureThrottle {
  isBlocked(key: string, now?: number): Promise<boolean>;
  fail(key: string, now?: number): Promise<void>;
  reset(key: string): Promise<void>;
}

export function memoryFailureThrottle(maxFailures: number, windowMs: number): FailureThrottle {
  const failures = new Map<string, number[]>();
  const recent = (key: string, now: number) => {
    const list = (failures.get(key) ?? []).filter((t) => now - t < windowMs);
    if (list.length === 0) failures.delete(key);
    else failures.set(key, list);
    return list;
  };
  return {
    async isBlocked(key, now = Date.now()) {
      return recent(key, now).length >= maxFailures;
    },
    async fail(key, now = Date.now()) {
      const list = recent(key, now);
      list.push(now);
      failures.set(key, list);
    },
    async reset(key) {
      failures.delete(key);
    },
  };
}

export interface SignInThrottles {
  perAccount: FailureThrottle;
  perAddress: FailureThrottle;
}

export function defaultSignInThrottles(): SignInThrottles {
  return {
    perAccount: memoryFailureThrottle(5, 15 * 60 * 1000),
    perAddress: memoryFailureThrottle(20, 15 * 60 * 1000),
  };
}
