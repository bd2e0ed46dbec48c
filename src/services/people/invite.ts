// Inviting someone to the team with a one-time link, and a fresh link for someone already on it.
import { z } from 'zod';
import { NotFound } from '../../core/errors.ts';
import { authorize } from '../../core/policies/index.ts';
import { slugify } from '../../core/slug.ts';
import { type Person, ROLES, type Role } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import type { Actor } from '../actor.ts';
import type { Services } from '../context.ts';
import { EMAIL, newInvitationToken, PersonInvalid, storeInvitation } from './rules.ts';

export const InvitePersonInput = z.object({
  email: z.string().max(500),
  name: z.string().max(500),
  role: z.string().max(40),
});
export type InvitePersonInput = z.input<typeof InvitePersonInput>;

/** Creates the person without a password and returns the token of their one-time link. */
export async function invitePerson(
  services: Services,
  actor: Actor,
  input: InvitePersonInput,
  now = new Date(),
): Promise<{ person: Person; token: string }> {
  authorize(actor.person, { kind: 'people.manage' });
  const data = parseInput(InvitePersonInput, input);
  const email = data.email.trim().toLowerCase();
  const name = data.name.normalize('NFC').trim();
  const problems: Record<string, string> = {};
  if (!EMAIL.test(email)) problems.email = 'errEmail';
  if (name === '' || Array.from(name).length > 120) problems.name = 'errName';
  if (!ROLES.includes(data.role as Role)) problems.role = 'errRole';
  if (Object.keys(problems).length > 0) throw new PersonInvalid(problems);
  const { token, hash } = newInvitationToken();
  const person = await services.transaction(async (trx) => {
    if (await trx.people.byEmail(email)) throw new PersonInvalid({ email: 'errEmailTaken' });
    const base = slugify(name) || slugify(email.split('@')[0] ?? '') || 'staff';
    let slug = base;
    for (let n = 2; await trx.people.bySlug(slug); n++) slug = `${base}-${n}`;
    const created = await trx.people.create({
      email,
      name,
      slug,
      role: data.role as Role,
      passwordHash: null,
    });
    await storeInvitation(trx, actor, { personId: created.id, hash, now }, 'person.invited', {
      email,
      role: created.role,
    });
    return created;
  });
  return { person, token };
}

/**
 * A fresh link for someone already on the team (an imported author, a lost invitation, a
 * forgotten password). Earlier links stop working.
 */
export async function reinvitePerson(
  services: Services,
  actor: Actor,
  input: { personId: number },
  now = new Date(),
): Promise<{ token: string }> {
  authorize(actor.person, { kind: 'people.manage' });
  const { token, hash } = newInvitationToken();
  await services.transaction(async (trx) => {
    const person = await trx.people.byId(input.personId);
    if (!person) throw new NotFound('No such person.');
    if (person.disabled) throw new PersonInvalid({ form: 'errDisabled' });
    await trx.invitations.revokeForPerson(person.id);
    await storeInvitation(trx, actor, { personId: person.id, hash, now }, 'person.reinvited', {});
  });
  return { token };
}
