// Tells "the database cannot be reached right now" apart from every other failure, for both
// engines: the web layer answers the first with 503 and Retry-After (it will pass; the pool
// reconnects by itself), the second with 500. Errors are recognised by code, walking causes.

/** Socket failures under the PostgreSQL driver. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/**
 * PostgreSQL SQLSTATEs: class 08 (connection exception), 57P01-57P03 (administrator shutdown,
 * crash shutdown, cannot connect now: a restart in progress), 53300 (too many connections).
 */
const POSTGRES_STATE = /^(08\d{3}|57P0[123]|53300)$/;

/** SQLite: another process holds the write lock past busy_timeout, or the disk fails. */
const SQLITE_CODE = /^SQLITE_(BUSY|IOERR|CANTOPEN|FULL)/;

/** Failures the drivers report without a code. */
const MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Connection ended unexpectedly/i,
  // Kysely after destroy() and better-sqlite3 after close(): a process shutting down.
  /driver has already been destroyed/,
  /The database connection is not open/,
];

export function isDatabaseUnavailable(err: unknown, depth = 0): boolean {
  if (!(err instanceof Error) || depth > 5) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || POSTGRES_STATE.test(code) || SQLITE_CODE.test(code)) return true;
  }
  if (MESSAGES.some((m) => m.test(err.message))) return true;
  const inner = err instanceof AggregateError ? err.errors : [];
  return [...inner, err.cause].some((e) => isDatabaseUnavailable(e, depth + 1));
}
