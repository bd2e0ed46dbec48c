// Who is acting, as every command receives it: the signed-in person and the hash of the address
// they act from (the audit log keeps the hash, never the address), and the API token they act
// through when the request came through the write API (the audit row names it).
import type { Person } from '../core/types.ts';
import type { Repositories } from '../db/repositories/contract.ts';
import { hashIp } from './comment-guard.ts';
import type { Services } from './context.ts';
import { loadSiteSettings } from './settings.ts';

export interface Actor {
  readonly person: Person;
  readonly ipHash: string;
  /** Set when the person acts through a personal API token rather than a newsroom session. */
  readonly apiToken?: { readonly id: number; readonly name: string };
}

/** The actor for a person acting from an address, hashed with the site's secret. */
export async function actorFrom(
  services: Pick<Services, 'repos'>,
  person: Person,
  ip: string,
): Promise<Actor> {
  return { person, ipHash: await ipHashOf(services, ip) };
}

export async function ipHashOf(services: Pick<Services, 'repos'>, ip: string): Promise<string> {
  const { secret } = await loadSiteSettings(services.repos);
  return hashIp(secret, ip);
}

export interface AuditNote {
  action: string;
  targetType: string;
  targetId: string | number;
  details?: Record<string, unknown>;
}

/** One audit row, written with the change it records (pass the transaction's repositories). */
export function recordAudit(
  repos: Pick<Repositories, 'audit'>,
  actor: Actor,
  note: AuditNote,
): Promise<void> {
  return repos.audit.record({
    personId: actor.person.id,
    action: note.action,
    targetType: note.targetType,
    targetId: String(note.targetId),
    details: actor.apiToken
      ? { ...note.details, apiToken: { id: actor.apiToken.id, name: actor.apiToken.name } }
      : (note.details ?? {}),
    ipHash: actor.ipHash,
  });
}
