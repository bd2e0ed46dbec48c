// Small pieces every repository needs: value conversions that keep both engines returning the
// same JavaScript values, and the translation of constraint violations into domain errors.
import type { Kysely, Transaction } from 'kysely';
import { Conflict, Invalid } from '../../core/errors.ts';
import type { IsoDate } from '../../core/types.ts';
import type { Database } from '../schema.ts';

export function nowIso(): IsoDate {
  return new Date().toISOString();
}

/**
 * Normalizes any parseable date to the one ISO form (`…T…:…:….000Z`): published_at is
 * filtered and ordered by string comparison, which is only right when every value has it.
 */
export function toIso(value: IsoDate, field: string): IsoDate {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new Invalid(`${field} is not a valid date: "${value}".`, { [field]: 'Not a valid date.' });
  }
  return date.toISOString();
}

export function toIsoOrNull(value: IsoDate | null, field: string): IsoDate | null {
  return value === null ? null : toIso(value, field);
}

// better-sqlite3 refuses to bind booleans, so flags are 0/1 on both engines.
export const flag = (value: boolean): number => (value ? 1 : 0);
export const isSet = (value: number): boolean => value !== 0;

/** PostgreSQL returns count(*) as a bigint string, SQLite as a number. */
export function toCount(value: string | number | bigint | undefined): number {
  return value === undefined ? 0 : Number(value);
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Puts rows in the order of the ids asked for, which callers such as search rely on. */
export function inOrderOf<T extends { id: number }>(ids: readonly number[], items: readonly T[]): T[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const out: T[] = [];
  for (const id of ids) {
    const item = byId.get(id);
    if (item) out.push(item);
  }
  return out;
}

export function unique(ids: readonly number[]): number[] {
  return [...new Set(ids)];
}

interface DriverError {
  code?: unknown;
  message?: unknown;
  detail?: unknown;
}

function driverError(err: unknown): DriverError | null {
  return typeof err === 'object' && err !== null ? (err as DriverError) : null;
}

/**
 * The columns of the unique constraint an error broke, or null if it is not a unique violation.
 * The violation is recognized by its code; the columns, which only the message carries, serve
 * to word the Conflict and are empty if the wording ever changes.
 */
export function uniqueViolation(err: unknown): string[] | null {
  const e = driverError(err);
  if (!e) return null;
  const message = typeof e.message === 'string' ? e.message : '';
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    // "UNIQUE constraint failed: articles.lang, articles.slug"
    const list = message.split('failed: ')[1] ?? '';
    return list
      .split(',')
      .map((c) => c.trim().split('.').pop() ?? '')
      .filter((c) => c !== '');
  }
  if (e.code === '23505') {
    // detail: "Key (lang, slug)=(ar, x) already exists."
    const detail = typeof e.detail === 'string' ? e.detail : '';
    const match = /^Key \(([^)]*)\)=/.exec(detail);
    return match?.[1] ? match[1].split(',').map((c) => c.trim()) : [];
  }
  return null;
}

function foreignKeyViolation(err: unknown): boolean {
  const e = driverError(err);
  return e?.code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || e?.code === '23503';
}

/**
 * Runs a write and turns constraint violations into domain errors: a unique violation becomes
 * a Conflict worded by `conflict` (given the broken columns), a dangling reference an Invalid
 * worded by `missing`.
 */
export async function guardWrite<T>(
  op: () => Promise<T>,
  conflict: (columns: string[]) => string,
  missing = 'The record refers to something that does not exist.',
): Promise<T> {
  try {
    return await op();
  } catch (err) {
    const columns = uniqueViolation(err);
    if (columns) throw new Conflict(conflict(columns), { columns });
    if (foreignKeyViolation(err)) throw new Invalid(`${missing} (${(err as Error).message})`);
    throw err;
  }
}

/**
 * Runs `fn` in a transaction, or inside the caller's when there is one already: Kysely cannot
 * nest transactions, and a multi-table write must never be left half done.
 */
export function atomically<T>(db: Kysely<Database>, fn: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db);
  return db.transaction().execute((trx: Transaction<Database>) => fn(trx));
}
