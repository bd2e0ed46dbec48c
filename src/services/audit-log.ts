// The audit log as the newsroom reads it (admins): newest first, a page at a time, each entry
// with the name of the person who acted.
import type { Services } from './context.ts';

export interface AuditLogEntry {
  id: number;
  at: string;
  personId: number | null;
  /** Null for an entry without a person, or one whose person is gone. */
  personName: string | null;
  action: string;
  targetType: string;
  targetId: string;
  details: Record<string, unknown>;
}

export interface AuditLogPage {
  entries: AuditLogEntry[];
  total: number;
}

export async function auditLogPage(
  services: Pick<Services, 'repos'>,
  query: { page: number; perPage: number },
): Promise<AuditLogPage> {
  const { repos } = services;
  const [entries, total] = await Promise.all([
    repos.audit.list({ limit: query.perPage, offset: (query.page - 1) * query.perPage }),
    repos.audit.count(),
  ]);
  const ids = [...new Set(entries.flatMap((e) => (e.personId === null ? [] : [e.personId])))];
  const people = new Map((await repos.people.byIds(ids)).map((p) => [p.id, p.name]));
  return {
    total,
    entries: entries.map((e) => ({
      id: e.id,
      at: e.at,
      personId: e.personId,
      personName: e.personId === null ? null : (people.get(e.personId) ?? null),
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      details: e.details,
    })),
  };
}
