// Inviting someone to the team with a one-time link, and a fresh link for someone already on it.
import { z } from 'zod';
import { NotFound } from '../../core/errors.ts';
import { authorize } from '../../core/policies/index.ts';
import { slugify } from '../../core/slug.ts';
import { type Person, ROLES, type Role } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import type { Actor } from '../actor.ts';
import type { Services } from '../context.ts';
import { interfaceOf, loadSiteSettings } from '../settings.ts';
import { notifyOutbox } from '../outbox/notify.ts';
import { queueInvitationMail } from './invitation-mail.ts';
import { EMAIL, newInvitationToken, PersonInvalid, storeInvitation } from './rules.ts';

export const InvitePersonInput = z.object({
  email: z.string().max(500),
  name: z.string().max(500),
  role: z.string().max(40),
});
export type InvitePersonInput = z.input<typeof InvitePersonInput>;

/**
 * Creates the person without a password and returns the token of their one-time link;
 * `mailed` when the link also went into the outbox as a mail (the site has SMTP).
 */
export async function invitePerson(
  services: Services,
  actor: Actor,
  input: InvitePersonInput,
  now = new Date(),
): Promise<{ person: Person; token: string; mailed: boolean }> {
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
  const { person, mailed } = await services.transaction(async (trx) => {
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
    // A new person has chosen no language yet: the mail speaks the newsroom's.
    const settings = await loadSiteSettings(trx);
    const mailed = await queueInvitationMail(trx, mailContext(services, settings.name), {
      to: email,
      name,
      lang: interfaceOf(settings, settings.defaultLang),
      token,
      tokenHash: hash,
      again: false,
    });
    return { person: created, mailed };
  });
  notifyOutbox(services);
  return { person, token, mailed };
}

function mailContext(services: Services, siteName: string) {
  return { mailEnabled: services.config.mail !== null, publicUrl: services.config.publicUrl, siteName };
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
): Promise<{ token: string; mailed: boolean }> {
  authorize(actor.person, { kind: 'people.manage' });
  const { token, hash } = newInvitationToken();
  const mailed = await services.transaction(async (trx) => {
    const person = await trx.people.byId(input.personId);
    if (!person) throw new NotFound('No such person.');
    if (person.disabled) throw new PersonInvalid({ form: 'errDisabled' });
    await trx.invitations.revokeForPerson(person.id);
    await storeInvitation(trx, actor, { personId: person.id, hash, now }, 'person.reinvited', {});
    const settings = await loadSiteSettings(trx);
    return queueInvitationMail(trx, mailContext(services, settings.name), {
      to: person.email,
      name: person.name,
      lang: person.locale,
      token,
      tokenHash: hash,
      again: true,
    });
  });
  notifyOutbox(services);
  return { token, mailed };
}
