// Adding staff and resetting their passwords: used by the CLI and, later, the newsroom's team page.
import { randomBytes } from 'node:crypto';
import { Invalid, NotFound } from '../core/errors.ts';
import { messages } from '../core/i18n.ts';
import { passwordProblem } from '../core/password-rules.ts';
import { slugify } from '../core/slug.ts';
import { type Person, ROLES, type Role } from '../core/types.ts';
import type { Services } from './context.ts';
import { generatePassword, hashPassword } from './passwords.ts';

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>".]{2,}$/u;

export interface AddStaffInput {
  email: string;
  name: string;
  role: string;
  /** When absent, a strong password is generated and returned. */
  password?: string;
}

export async function addStaff(
  services: Services,
  input: AddStaffInput,
): Promise<{ person: Person; password: string; generated: boolean }> {
  const email = input.email.trim().toLowerCase();
  const name = input.name.trim();
  if (!EMAIL.test(email)) throw new Invalid(`"${input.email}" is not a valid e-mail address.`);
  if (name === '') throw new Invalid('The name must not be empty.');
  if (!ROLES.includes(input.role as Role)) {
    throw new Invalid(`Unknown role "${input.role}". Use one of: ${ROLES.join(', ')}.`);
  }
  const generated = input.password === undefined;
  const password = input.password ?? generatePassword();
  const problem = passwordProblem(password, [email, name]);
  if (problem) throw new Invalid(messages('en')[problem]);
  const passwordHash = await hashPassword(password);
  const person = await services.transaction(async (repos) => {
    const base = slugify(name) || slugify(email.split('@')[0] ?? '') || 'staff';
    const slug = (await repos.people.bySlug(base)) ? `${base}-${randomBytes(2).toString('hex')}` : base;
    const created = await repos.people.create({ email, name, slug, role: input.role as Role, passwordHash });
    await repos.audit.record({
      personId: null,
      action: 'person.created',
      targetType: 'person',
      targetId: String(created.id),
      details: { role: created.role, via: 'cli' },
      ipHash: '',
    });
    return created;
  });
  return { person, password, generated };
}

/** Sets a new password and ends every session of the person. */
export async function resetPassword(
  services: Services,
  input: { email: string; password?: string },
): Promise<{ password: string; endedSessions: number }> {
  const person = await services.repos.people.byEmail(input.email);
  if (!person) throw new NotFound(`No person with the e-mail "${input.email}".`);
  const password = input.password ?? generatePassword();
  const problem = passwordProblem(password, [person.email, person.name]);
  if (problem) throw new Invalid(messages('en')[problem]);
  const hash = await hashPassword(password);
  const endedSessions = await services.transaction(async (repos) => {
    await repos.people.setPasswordHash(person.id, hash);
    const ended = await repos.sessions.deleteForPerson(person.id);
    await repos.audit.record({
      personId: null,
      action: 'password.reset',
      targetType: 'person',
      targetId: String(person.id),
      details: { via: 'cli', endedSessions: ended },
      ipHash: '',
    });
    return ended;
  });
  return { password, endedSessions };
}
