// Completing setup: whoever holds the one-time link printed by the server's first start names
// the first admin (name, e-mail, password) and is signed in as them. Nobody is signed in before,
// so, as with sign-in, the address (kept only as its hash) is in the input and failed attempts
// are throttled per address. A refused link writes nothing but its audit row.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { NotFound, TooManyRequests } from '../../core/errors.ts';
import { passwordProblem } from '../../core/password-rules.ts';
import { slugify } from '../../core/slug.ts';
import { LANGUAGES, type Lang, type Person } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import type { Repositories } from '../../db/repositories/contract.ts';
import { ipHashOf, recordAudit } from '../actor.ts';
import { type NewSession, startSession } from '../auth/sessions.ts';
import type { SignInThrottles } from '../auth/throttle.ts';
import type { Services } from '../context.ts';
import { hashPassword } from '../passwords.ts';
import { EMAIL, PersonInvalid } from '../people/rules.ts';
import { COMPLETED_KEY, setupLinkUsable, spendSetupLink } from './setup-link.ts';

export const CompleteSetupInput = z.object({
  token: z.string().max(200),
  name: z.string().max(500),
  email: z.string().max(500),
  password: z.string().max(1024),
  confirm: z.string().max(1024),
  /** The language the page was in: the admin's newsroom stays in it. */
  locale: z.enum(LANGUAGES).default('ar'),
  ip: z.string(),
  userAgent: z.string(),
});
export type CompleteSetupInput = z.input<typeof CompleteSetupInput>;

export const SetupLinkQuery = z.object({ token: z.string().max(200), ip: z.string() });
export type SetupLinkQuery = z.input<typeof SetupLinkQuery>;

/** Refused: the link is unknown, altered, spent, expired, or the site already has an admin. */
export class SetupLinkDead extends NotFound {
  constructor() {
    super('This setup link is unknown, used or expired, or the site already has an admin.');
  }
}

const throttleKey = (ipHash: string) => `setup:${ipHash}`;

/**
 * Whether the link can still make the first admin, for the page that shows its form. A dead
 * link counts as a failed attempt from the address, as a wrong password does at sign-in.
 */
export async function checkSetupLink(
  services: Services,
  throttles: SignInThrottles,
  input: SetupLinkQuery,
  now = new Date(),
): Promise<void> {
  const data = parseInput(SetupLinkQuery, input);
  const key = throttleKey(await ipHashOf(services, data.ip));
  if (await throttles.perAddress.isBlocked(key)) throw new TooManyRequests('Too many setup attempts.');
  if (await setupLinkUsable(services.repos, data.token, now)) return;
  await throttles.perAddress.fail(key);
  throw new SetupLinkDead();
}

/** Makes the first admin, spends the link and opens their session, in one transaction. */
export async function completeSetup(
  services: Services,
  throttles: SignInThrottles,
  input: CompleteSetupInput,
  now = new Date(),
): Promise<{ person: Person; session: NewSession }> {
  const data = parseInput(CompleteSetupInput, input);
  const ipHash = await ipHashOf(services, data.ip);
  const key = throttleKey(ipHash);
  if (await throttles.perAddress.isBlocked(key)) throw new TooManyRequests('Too many setup attempts.');
  if (!(await setupLinkUsable(services.repos, data.token, now))) {
    await throttles.perAddress.fail(key);
    await services.repos.audit.record({
      personId: null,
      action: 'setup.refused',
      targetType: 'site',
      targetId: 'setup',
      details: {},
      ipHash,
    });
    throw new SetupLinkDead();
  }

  const email = data.email.trim().toLowerCase();
  const name = data.name.normalize('NFC').trim();
  const problems: Record<string, string> = {};
  if (name === '' || Array.from(name).length > 120) problems.name = 'errName';
  if (!EMAIL.test(email)) problems.email = 'errEmail';
  const weak = passwordProblem(data.password, [email, name]);
  if (weak) problems.password = weak;
  else if (data.password !== data.confirm) problems.confirm = 'errConfirm';
  if (Object.keys(problems).length > 0) throw new PersonInvalid(problems);
  const passwordHash = await hashPassword(data.password);

  const result = await services.transaction(async (trx) => {
    // Written first: on PostgreSQL a second completion waits on this row until the first
    // commits, then finds the link spent and the admin made (SQLite runs one writer at a time).
    await trx.settings.set(COMPLETED_KEY, now.toISOString());
    if (!(await setupLinkUsable(trx, data.token, now))) throw new SetupLinkDead();
    const person = await firstAdmin(trx, { email, name, passwordHash, locale: data.locale });
    await spendSetupLink(trx, now);
    const session = await startSession(trx, {
      personId: person.id,
      stage: 'full',
      ipHash,
      userAgent: data.userAgent,
      now,
    });
    await recordAudit(
      trx,
      { person, ipHash },
      { action: 'setup.completed', targetType: 'person', targetId: person.id, details: { email } },
    );
    return { person, session };
  });
  await throttles.perAddress.reset(key);
  await services.events.emit({ type: 'person', id: result.person.id });
  return result;
}

/**
 * The admin as a new person; or, when the e-mail belongs to someone who cannot sign in yet (an
 * imported author), that person made admin. Someone who already has a password keeps their
 * account: the link must not take it over.
 */
async function firstAdmin(
  trx: Repositories,
  input: { email: string; name: string; passwordHash: string; locale: Lang },
): Promise<Person> {
  const existing = await trx.people.byEmail(input.email);
  if (existing) {
    if ((await trx.people.passwordHash(existing.id)) !== null) {
      throw new PersonInvalid({ email: 'errEmailTaken' });
    }
    await trx.people.setPasswordHash(existing.id, input.passwordHash);
    return trx.people.update(existing.id, {
      role: 'admin',
      name: input.name,
      locale: input.locale,
      disabled: false,
    });
  }
  const base = slugify(input.name) || slugify(input.email.split('@')[0] ?? '') || 'admin';
  const slug = (await trx.people.bySlug(base)) ? `${base}-${randomBytes(2).toString('hex')}` : base;
  return trx.people.create({ ...input, slug, role: 'admin' });
}
