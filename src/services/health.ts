// Whether this process can serve: the database answers within a short time and has every
// migration this code expects. Load balancers and orchestrators ask this (GET /readyz) to
// decide whether to send traffic here.
import { sql } from 'kysely';
import { isDatabaseUnavailable } from '../db/availability.ts';
import { pendingMigrations } from '../db/migrate.ts';
import type { Services } from './context.ts';

export interface Readiness {
  ready: boolean;
  database: 'ok' | 'unreachable' | 'timeout';
  /** Migrations not yet applied; empty when the schema is current (or unknown when unreachable). */
  pendingMigrations: string[];
}

export async function checkReadiness(services: Services, timeoutMs = 2000): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const probe = (async () => {
    await sql`SELECT 1`.execute(services.db.kysely);
    return pendingMigrations(services.db);
  })();
  try {
    const outcome = await Promise.race([probe, timeout]);
    if (outcome === 'timeout') {
      // The probe may still settle later; nobody is waiting for it any more.
      probe.catch(() => {});
      return { ready: false, database: 'timeout', pendingMigrations: [] };
    }
    return { ready: outcome.length === 0, database: 'ok', pendingMigrations: outcome };
  } catch {
    return { ready: false, database: 'unreachable', pendingMigrations: [] };
  } finally {
    clearTimeout(timer);
  }
}

/** Whether a failure means "the database cannot be reached now" (it will pass) rather than a bug. */
export function isOutage(err: unknown): boolean {
  return isDatabaseUnavailable(err);
}
