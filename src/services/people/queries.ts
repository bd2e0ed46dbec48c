// What the team pages read: the team with each person's sign-in status, one profile (for its
// owner or an admin), its photo, and whose invitation a link is.
import type { Invitation } from '../../core/auth.ts';
import { NotFound } from '../../core/errors.ts';
import { authorize } from '../../core/policies/index.ts';
import type { Media, Person } from '../../core/types.ts';
import type { Actor } from '../actor.ts';
import { hashToken } from '../auth/sessions.ts';
import type { Services } from '../context.ts';

export interface TeamMember {
  person: Person;
  hasPassword: boolean;
  /** Their newest open invitation, if any. */
  invitation: Invitation | null;
}

export async function listTeam(services: Pick<Services, 'repos'>, actor: Actor): Promise<TeamMember[]> {
  authorize(actor.person, { kind: 'people.manage' });
  const { repos } = services;
  const people = await repos.people.list();
  const open = await repos.invitations.openFor(
    people.map((p) => p.id),
    new Date().toISOString(),
  );
  return Promise.all(
    people.map(async (person) => ({
      person,
      hasPassword: (await repos.people.passwordHash(person.id)) !== null,
      invitation: open.get(person.id) ?? null,
    })),
  );
}

/** A profile as its owner or an admin sees it; anyone else is refused. */
export async function profileOf(
  services: Pick<Services, 'repos'>,
  actor: Actor,
  personId: number,
): Promise<Person> {
  if (actor.person.id !== personId) authorize(actor.person, { kind: 'people.manage' });
  const person = await services.repos.people.byId(personId);
  if (!person) throw new NotFound('No such person.');
  return person;
}

export async function profilePhoto(services: Pick<Services, 'repos'>, person: Person): Promise<Media | null> {
  return person.avatarMediaId === null ? null : services.repos.media.byId(person.avatarMediaId);
}

/** The person an invitation link is for, or null when the link is unknown, used or expired. */
export async function invitationHolder(
  services: Pick<Services, 'repos'>,
  token: string,
  now = new Date(),
): Promise<Person | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const invitation = await services.repos.invitations.usable(hashToken(token), now.toISOString());
  if (!invitation) return null;
  const person = await services.repos.people.byId(invitation.personId);
  return person && !person.disabled ? person : null;
}
