// What every team command shares: the refusal carrying field problems as message codes, the
// rules for e-mails and links, the last-admin guard and one-time invitation links.
import { randomBytes } from 'node:crypto';
import { Invalid } from '../../core/errors.ts';
import type { Person, PersonLink } from '../../core/types.ts';
import type { Repositories } from '../../db/repositories/contract.ts';
import { type Actor, recordAudit } from '../actor.ts';
import { hashToken } from '../auth/sessions.ts';

export const INVITATION_DAYS = 7;
export const MAX_LINKS = 5;
export const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>".]{2,}$/u;

/** Field problems as message codes (the newsroom turns them into text in its language). */
export class PersonInvalid extends Invalid {
  constructor(readonly problems: Record<string, string>) {
    super('The person could not be saved.', problems);
  }
}

export async function activeAdmins(repos: Pick<Repositories, 'people'>): Promise<Person[]> {
  return (await repos.people.list()).filter((p) => p.role === 'admin' && !p.disabled);
}

/** Refuses to take the last active admin away (by a role change or by disabling). */
export async function keepOneAdmin(
  repos: Pick<Repositories, 'people'>,
  current: Person,
  field: 'role' | 'form',
): Promise<void> {
  if (current.role !== 'admin' || current.disabled) return;
  if ((await activeAdmins(repos)).length <= 1) throw new PersonInvalid({ [field]: 'errLastAdmin' });
}

export function cleanLinks(links: PersonLink[], problems: Record<string, string>): PersonLink[] {
  const out: PersonLink[] = [];
  for (const link of links.slice(0, MAX_LINKS)) {
    const label = link.label.trim();
    const url = link.url.trim();
    if (label === '' && url === '') continue;
    let ok = false;
    try {
      const parsed = new URL(url);
      ok = (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.username === '';
    } catch {
      ok = false;
    }
    if (!ok || label === '' || Array.from(label).length > 40) problems[`links.${out.length}`] = 'errLink';
    out.push({ label, url });
  }
  return out;
}

export function newInvitationToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** Stores an invitation valid INVITATION_DAYS and audits it (inside the caller's transaction). */
export async function storeInvitation(
  trx: Repositories,
  actor: Actor,
  invitation: { personId: number; hash: string; now: Date },
  action: 'person.invited' | 'person.reinvited',
  details: Record<string, unknown>,
): Promise<void> {
  const { personId, hash, now } = invitation;
  await trx.invitations.create({
    personId,
    tokenHash: hash,
    createdBy: actor.person.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
  });
  await recordAudit(trx, actor, { action, targetType: 'person', targetId: personId, details });
}
