// Profiles: everyone edits their own (not their role), admins anyone's; the role on its own;
// the profile photo. Bylines, author boxes and author pages show the profile, so each saved
// change is announced.
import { z } from 'zod';
import { Invalid, NotFound } from '../../core/errors.ts';
import { authorize, can } from '../../core/policies/index.ts';
import { isValidSlug } from '../../core/slug.ts';
import { LANGUAGES, type Lang, type Person, ROLES, type Role } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import type { Repositories } from '../../db/repositories/contract.ts';
import { isPdf } from '../../media/documents.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';
import { ingestUpload } from '../media/upload-media.ts';
import { cleanLinks, EMAIL, keepOneAdmin, PersonInvalid } from './rules.ts';

/** Someone may change a profile when it is their own or when they manage the team. */
function authorizeProfile(actor: Actor, personId: number): void {
  if (actor.person.id !== personId) authorize(actor.person, { kind: 'people.manage' });
}

async function personOrNotFound(repos: Pick<Repositories, 'people'>, id: number): Promise<Person> {
  const person = await repos.people.byId(id);
  if (!person) throw new NotFound('No such person.');
  return person;
}

async function announce(services: Services, personId: number): Promise<void> {
  await services.events.emit({ type: 'person', id: personId });
}

/** Audits a role change (inside the caller's transaction) when there is one. */
async function auditRole(trx: Repositories, actor: Actor, before: Person, after: Person): Promise<void> {
  if (before.role === after.role) return;
  await recordAudit(trx, actor, {
    action: 'person.role-changed',
    targetType: 'person',
    targetId: after.id,
    details: { from: before.role, to: after.role },
  });
}

export const ProfileInput = z.object({
  personId: z.number().int().positive(),
  name: z.string().max(500),
  email: z.string().max(500),
  slug: z.string().max(500),
  bio: z.string().max(5000),
  locale: z.string().max(20),
  links: z.array(z.object({ label: z.string().max(200), url: z.string().max(2000) })).max(20),
  /** Only admins change roles; ignored for someone editing their own profile. */
  role: z.string().max(40).optional(),
});
export type ProfileInput = z.input<typeof ProfileInput>;

/** Saves a profile: admins for anyone (role included), everyone for themselves (not the role). */
export async function updateProfile(services: Services, actor: Actor, input: ProfileInput): Promise<Person> {
  authorizeProfile(actor, input.personId);
  const data = parseInput(ProfileInput, input);
  const problems: Record<string, string> = {};
  const name = data.name.normalize('NFC').trim();
  const email = data.email.trim().toLowerCase();
  const slug = data.slug.normalize('NFC').trim().toLowerCase();
  const bio = data.bio.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  if (name === '' || Array.from(name).length > 120) problems.name = 'errName';
  if (!EMAIL.test(email)) problems.email = 'errEmail';
  if (!isValidSlug(slug)) problems.slug = 'errSlug';
  if (Array.from(bio).length > 1000) problems.bio = 'errBio';
  if (!LANGUAGES.includes(data.locale as Lang)) problems.locale = 'errLocale';
  const links = cleanLinks(data.links, problems);
  const role = can(actor.person, { kind: 'people.manage' }) ? data.role : undefined;
  if (role !== undefined && !ROLES.includes(role as Role)) problems.role = 'errRole';
  if (Object.keys(problems).length > 0) throw new PersonInvalid(problems);

  const saved = await services.transaction(async (trx) => {
    const current = await personOrNotFound(trx, data.personId);
    if (role !== undefined && role !== current.role) await keepOneAdmin(trx, current, 'role');
    // Checked before writing so the form can say which field is taken; a racing write that
    // takes it meanwhile is still refused by the database as a Conflict.
    const emailHolder = await trx.people.byEmail(email);
    if (emailHolder && emailHolder.id !== current.id) throw new PersonInvalid({ email: 'errEmailTaken' });
    const slugHolder = await trx.people.bySlug(slug);
    if (slugHolder && slugHolder.id !== current.id) throw new PersonInvalid({ slug: 'errSlugTaken' });
    const after = await trx.people.update(current.id, {
      name,
      email,
      slug,
      bio,
      locale: data.locale as Lang,
      links,
      ...(role !== undefined ? { role: role as Role } : {}),
    });
    await auditRole(trx, actor, current, after);
    await recordAudit(trx, actor, {
      action: 'person.updated',
      targetType: 'person',
      targetId: current.id,
      details: { name: after.name },
    });
    return after;
  });
  await announce(services, saved.id);
  return saved;
}

export const SetRoleInput = z.object({ personId: z.number().int().positive(), role: z.string().max(40) });
export type SetRoleInput = z.input<typeof SetRoleInput>;

/** Changes someone's role alone (the profile form changes it with the rest of the profile). */
export async function setPersonRole(services: Services, actor: Actor, input: SetRoleInput): Promise<Person> {
  authorize(actor.person, { kind: 'people.manage' });
  const data = parseInput(SetRoleInput, input);
  if (!ROLES.includes(data.role as Role)) throw new PersonInvalid({ role: 'errRole' });
  const saved = await services.transaction(async (trx) => {
    const current = await personOrNotFound(trx, data.personId);
    if (current.role === data.role) return current;
    await keepOneAdmin(trx, current, 'role');
    const after = await trx.people.update(current.id, { role: data.role as Role });
    await auditRole(trx, actor, current, after);
    return after;
  });
  await announce(services, saved.id);
  return saved;
}

/**
 * Sets (from an uploaded image) or removes (`image: null`) a profile photo. The image is stored
 * in the media library first (its files cannot be part of a transaction); the audited change
 * is the profile pointing at it.
 */
export async function setProfilePhoto(
  services: Services,
  actor: Actor,
  input: { personId: number; image: Buffer | null },
): Promise<Person> {
  authorizeProfile(actor, input.personId);
  const person = await personOrNotFound(services.repos, input.personId);
  let mediaId: number | null = null;
  if (input.image) {
    if (isPdf(input.image)) throw new Invalid('Not an image.', { file: 'not_image' });
    const media = await ingestUpload(services, {
      buffer: input.image,
      text: { alt: person.name, caption: '', credit: '' },
    });
    mediaId = media.id;
  }
  const saved = await services.transaction(async (trx) => {
    const after = await trx.people.update(person.id, { avatarMediaId: mediaId });
    await recordAudit(trx, actor, {
      action: 'person.updated',
      targetType: 'person',
      targetId: person.id,
      details: { name: after.name },
    });
    return after;
  });
  await announce(services, saved.id);
  return saved;
}
