import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { AuditEntry, AuditRepository } from './auth-contract.ts';
import { nowIso, toCount } from './support.ts';

export function createAuditRepository(db: Kysely<Database>): AuditRepository {
  return {
    async record(entry) {
      await db
        .insertInto('audit_log')
        .values({
          at: entry.at ?? nowIso(),
          person_id: entry.personId,
          action: entry.action,
          target_type: entry.targetType,
          target_id: entry.targetId,
          details: JSON.stringify(entry.details),
          ip_hash: entry.ipHash,
        })
        .execute();
    },
    async list(query) {
      let q = db.selectFrom('audit_log').selectAll();
      if (query.action) q = q.where('action', '=', query.action);
      if (query.personId !== undefined) q = q.where('person_id', '=', query.personId);
      const rows = await q
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .limit(query.limit)
        .offset(query.offset ?? 0)
        .execute();
      return rows.map(
        (r): AuditEntry => ({
          id: r.id,
          at: r.at,
          personId: r.person_id,
          action: r.action,
          targetType: r.target_type,
          targetId: r.target_id,
          details: parseDetails(r.details),
          ipHash: r.ip_hash,
        }),
      );
    },
    async count(query = {}) {
      let q = db.selectFrom('audit_log').select((eb) => eb.fn.countAll().as('n'));
      if (query.action) q = q.where('action', '=', query.action);
      if (query.personId !== undefined) q = q.where('person_id', '=', query.personId);
      const row = await q.executeTakeFirst();
      return toCount(row?.n as string | number | undefined);
    },
  };
}

function parseDetails(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
