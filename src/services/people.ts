// The team: inviting people with a one-time link, their profiles and roles, and disabling an
// account. A site never loses its last active admin, and every change is audited.
import { randomBytes } from 'node:crypto';
import { Conflict, Forbidden, Invalid, NotFound } from '../core/errors.ts';
import { passwordProblem } from '../core/password-rules.ts';
import { can } from '../core/policies/index.ts';
import { isValidSlug, slugify } from '../core/slug.ts';
import { LANGUAGES, type Lang, type Person, type PersonLink, ROLES, type Role } from '../core/types.ts';
import type { Repositories } from '../db/repositories/contract.ts';
import { hashToken } from './auth/sessions.ts';
import type { Services } from './context.ts';
import { hashPassword } from './passwords.ts';

export const INVITATION_DAYS = 7;
export const MAX_LINKS = 5;
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>".]{2,}$/u;

/** Field problems as message codes (the newsroom turns them into text in its language). */
export class PersonInvalid extends Invalid {
  constructor(readonly problems: Record<string, string>) {
    super('The person could not be saved.', problems);
  }
}

export interface ProfileInput {
  name: string;
  email: string;
  slug: string;
  bio: string;
  locale: string;
  links: PersonLink[];
  /** Only admins change roles; ignored for someone editing their own profile. */
  role?: string;
  avatarMediaId?: number | null;
  ipHash?: string;
}

export interface InviteInput {
  email: string;
  name: string;
  role: string;
  ipHash?: string;
}

function newToken(): { token: string; hash: string } {
  const token = randomBytes(24).toString('base64url');
  return { token, hash: hashToken(token) };
}

async function activeAdmins(repos: Repositories): Promise<Person[]> {
  return (await repos.people.list()).filter((p) => p.role === 'admin' && !p.disabled);
}

/** Stores an invitation valid INVITATION_DAYS and audits it. */
async function recordInvitation(
  repos: Repositories,
  i: { personId: number; by: Person; hash: string; now: Date; ipHash: string },
  action: 'person.invited' | 'person.reinvited',
  details: Record<string, unknown>,
): Promise<void> {
  await repos.invitations.create({
    personId: i.personId,
    tokenHash: i.hash,
    createdBy: i.by.id,
    createdAt: i.now.toISOString(),
    expiresAt: new Date(i.now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
  });
  await repos.audit.record({
    personId: i.by.id,
    action,
    targetType: 'person',
    targetId: String(i.personId),
    details,
    ipHash: i.ipHash,
  });
}

/** Creates the person without a password and returns the token of their one-time link. */
export async function invitePerson(
  services: Services,
  by: Person,
  input: InviteInput,
  now = new Date(),
): Promise<{ person: Person; token: string }> {
  if (!can(by, { kind: 'people.manage' })) throw new Forbidden('forbidden');
  const email = input.email.trim().toLowerCase();
  const name = input.name.normalize('NFC').trim();
  const problems: Record<string, string> = {};
  if (!EMAIL.test(email)) problems.email = 'errEmail';
  if (name === '' || Array.from(name).length > 120) problems.name = 'errName';
  if (!ROLES.includes(input.role as Role)) problems.role = 'errRole';
  if (Object.keys(problems).length > 0) throw new PersonInvalid(problems);
  const { token, hash } = newToken();
  const person = await services.transaction(async (repos) => {
    if (await repos.people.byEmail(email)) throw new PersonInvalid({ email: 'errEmailTaken' });
    const base = slugify(name) || slugify(email.split('@')[0] ?? '') || 'staff';
    let slug = base;
    for (let n = 2; await repos.people.bySlug(slug); n++) slug = `${base}-${n}`;
    const created = await repos.people.create({
      email,
      name,
      slug,
      role: input.role as Role,
      passwordHash: null,
    });
    await recordInvitation(
      repos,
      { personId: created.id, by, hash, now, ipHash: input.ipHash ?? '' },
      'person.invited',
      {
        email,
        role: created.role,
      },
    );
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
  by: Person,
  personId: number,
  ipHash = '',
  now = new Date(),
) {
  if (!can(by, { kind: 'people.manage' })) throw new Forbidden('forbidden');
  const { token, hash } = newToken();
  await services.transaction(async (repos) => {
    const person = await repos.people.byId(personId);
    if (!person) throw new NotFound('No such person.');
    if (person.disabled) throw new PersonInvalid({ form: 'errDisabled' });
    await repos.invitations.revokeForPerson(person.id);
    await recordInvitation(repos, { personId: person.id, by, hash, now, ipHash }, 'person.reinvited', {});
  });
  return { token };
}

/** The person an invitation link is for, or null when the link is unknown, used or expired. */
export async function invitationHolder(services: Services, token: string, now = new Date()) {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
  const invitation = await services.repos.invitations.usable(hashToken(token), now.toISOString());
  if (!invitation) return null;
  const person = await services.repos.people.byId(invitation.personId);
  return person && !person.disabled ? person : null;
}

/** Sets the invited person's password; the link then stops working, and older sessions end. */
export async function acceptInvitation(
  services: Services,
  input: { token: string; password: string; confirm: string; ipHash: string },
  now = new Date(),
): Promise<Person> {
  const person = await invitationHolder(services, input.token, now);
  if (!person) throw new NotFound('This invitation link is unknown, used or expired.');
  const problem = passwordProblem(input.password, [person.email, person.name]);
  if (problem) throw new PersonInvalid({ password: problem });
  if (input.password !== input.confirm) throw new PersonInvalid({ confirm: 'errConfirm' });
  const hash = await hashPassword(input.password);
  await services.transaction(async (repos) => {
    const invitation = await repos.invitations.usable(hashToken(input.token), now.toISOString());
    if (!invitation || !(await repos.invitations.markUsed(invitation.id, now.toISOString()))) {
      throw new NotFound('This invitation link is unknown, used or expired.');
    }
    await repos.people.setPasswordHash(person.id, hash);
    await repos.sessions.deleteForPerson(person.id);
    await repos.invitations.revokeForPerson(person.id);
    await repos.audit.record({
      personId: person.id,
      action: 'invitation.accepted',
      targetType: 'person',
      targetId: String(person.id),
      details: {},
      ipHash: input.ipHash,
    });
  });
  return person;
}

function cleanLinks(links: PersonLink[], problems: Record<string, string>): PersonLink[] {
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

/** Saves a profile: admins for anyone (role included), everyone for themselves (not the role). */
export async function updateProfile(
  services: Services,
  by: Person,
  personId: number,
  input: ProfileInput,
): Promise<Person> {
  const isAdmin = can(by, { kind: 'people.manage' });
  if (!isAdmin && by.id !== personId) throw new Forbidden('forbidden');
  const problems: Record<string, string> = {};
  const name = input.name.normalize('NFC').trim();
  const email = input.email.trim().toLowerCase();
  const slug = input.slug.normalize('NFC').trim().toLowerCase();
  const bio = input.bio.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  if (name === '' || Array.from(name).length > 120) problems.name = 'errName';
  if (!EMAIL.test(email)) problems.email = 'errEmail';
  if (!isValidSlug(slug)) problems.slug = 'errSlug';
  if (Array.from(bio).length > 1000) problems.bio = 'errBio';
  if (!LANGUAGES.includes(input.locale as Lang)) problems.locale = 'errLocale';
  const links = cleanLinks(input.links, problems);
  const role = isAdmin && input.role !== undefined ? input.role : undefined;
  if (role !== undefined && !ROLES.includes(role as Role)) problems.role = 'errRole';
  if (Object.keys(problems).length > 0) throw new PersonInvalid(problems);

  const { before, after } = await services.transaction(async (repos) => {
    const current = await repos.people.byId(personId);
    if (!current) throw new NotFound('No such person.');
    if (role !== undefined && role !== current.role && current.role === 'admin') {
      const admins = await activeAdmins(repos);
      if (admins.length <= 1 && !current.disabled) throw new PersonInvalid({ role: 'errLastAdmin' });
    }
    if (input.avatarMediaId != null && !(await repos.media.byId(input.avatarMediaId))) {
      throw new PersonInvalid({ avatar: 'errAvatar' });
    }
    let saved: Person;
    try {
      saved = await repos.people.update(personId, {
        name,
        email,
        slug,
        bio,
        locale: input.locale as Lang,
        links,
        ...(role !== undefined ? { role: role as Role } : {}),
        ...(input.avatarMediaId !== undefined ? { avatarMediaId: input.avatarMediaId } : {}),
      });
    } catch (err) {
      if (err instanceof Conflict) {
        throw new PersonInvalid(
          /e-mail/.test(err.message) ? { email: 'errEmailTaken' } : { slug: 'errSlugTaken' },
        );
      }
      throw err;
    }
    if (saved.role !== current.role) {
      await repos.audit.record({
        personId: by.id,
        action: 'person.role-changed',
        targetType: 'person',
        targetId: String(personId),
        details: { from: current.role, to: saved.role },
        ipHash: input.ipHash ?? '',
      });
    }
    await repos.audit.record({
      personId: by.id,
      action: 'person.updated',
      targetType: 'person',
      targetId: String(personId),
      details: { name: saved.name },
      ipHash: input.ipHash ?? '',
    });
    return { before: current, after: saved };
  });
  // Bylines, author boxes and author pages show the profile.
  await services.events.emit({ type: 'person', id: before.id });
  return after;
}

/** Disabling ends the person's sessions and open invitations; their byline stays. */
export async function setPersonDisabled(
  services: Services,
  by: Person,
  personId: number,
  disabled: boolean,
  ipHash = '',
): Promise<Person> {
  if (!can(by, { kind: 'people.manage' })) throw new Forbidden('forbidden');
  if (by.id === personId && disabled) throw new PersonInvalid({ form: 'errDisableSelf' });
  return services.transaction(async (repos) => {
    const current = await repos.people.byId(personId);
    if (!current) throw new NotFound('No such person.');
    if (current.disabled === disabled) return current;
    if (disabled && current.role === 'admin' && (await activeAdmins(repos)).length <= 1) {
      throw new PersonInvalid({ form: 'errLastAdmin' });
    }
    const saved = await repos.people.update(personId, { disabled });
    if (disabled) {
      await repos.sessions.deleteForPerson(personId);
      await repos.invitations.revokeForPerson(personId);
    }
    await repos.audit.record({
      personId: by.id,
      action: disabled ? 'person.disabled' : 'person.enabled',
      targetType: 'person',
      targetId: String(personId),
      details: {},
      ipHash,
    });
    return saved;
  });
}
