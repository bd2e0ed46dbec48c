// A signed-in person's own security: turning two-step verification on and off, and changing
// the password. Each change is audited with the change itself; only the person acts on
// their own account.
import { z } from 'zod';
import { Invalid } from '../../core/errors.ts';
import { passwordProblem } from '../../core/password-rules.ts';
import { authorize } from '../../core/policies/index.ts';
import { parseInput } from '../../core/validation.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';
import { hashPassword, verifyPassword } from '../passwords.ts';
import { siteSettings } from '../settings.ts';
import { type Enrolment, enableWithCode, enrolmentFor, storePendingSecret } from './two-factor.ts';

async function auditSelf(repos: Parameters<typeof recordAudit>[0], actor: Actor, action: string) {
  await recordAudit(repos, actor, { action, targetType: 'person', targetId: actor.person.id });
}

/** Refuses with `fields[field] = 'wrongPassword'` unless the password is the actor's own. */
async function confirmOwnPassword(
  services: Pick<Services, 'repos'>,
  actor: Actor,
  password: string,
  field: string,
): Promise<void> {
  const stored = await services.repos.people.passwordHash(actor.person.id);
  if (!stored || !(await verifyPassword(stored, password))) {
    throw new Invalid('The password is not right.', { [field]: 'wrongPassword' });
  }
}

/** A new secret to scan; sign-in asks for codes only once one is confirmed. */
export async function startTwoFactorEnrolment(services: Services, actor: Actor): Promise<Enrolment> {
  authorize(actor.person, { kind: 'newsroom.enter' });
  const settings = await siteSettings(services);
  const secret = await services.transaction(async (trx) => {
    const stored = await storePendingSecret(trx, actor.person.id);
    await auditSelf(trx, actor, 'two-factor.enrolment-started');
    return stored;
  });
  return enrolmentFor(secret, actor.person.email, settings.name);
}

export const ConfirmTwoFactorInput = z.object({ code: z.string().max(64) });
export type ConfirmTwoFactorInput = z.input<typeof ConfirmTwoFactorInput>;

/** Turns verification on with a code from the app; returns the recovery codes, shown once. */
export async function confirmTwoFactorEnrolment(
  services: Services,
  actor: Actor,
  input: ConfirmTwoFactorInput,
): Promise<string[]> {
  authorize(actor.person, { kind: 'newsroom.enter' });
  const data = parseInput(ConfirmTwoFactorInput, input);
  const codes = await services.transaction(async (trx) => {
    const issued = await enableWithCode(trx, actor.person.id, data.code);
    if (issued) await auditSelf(trx, actor, 'two-factor.enabled');
    return issued;
  });
  if (!codes) throw new Invalid('The code does not match.', { code: 'codeInvalid' });
  return codes;
}

export const DisableTwoFactorInput = z.object({ password: z.string().max(1024) });
export type DisableTwoFactorInput = z.input<typeof DisableTwoFactorInput>;

export async function disableTwoFactor(
  services: Services,
  actor: Actor,
  input: DisableTwoFactorInput,
): Promise<void> {
  authorize(actor.person, { kind: 'newsroom.enter' });
  const data = parseInput(DisableTwoFactorInput, input);
  await confirmOwnPassword(services, actor, data.password, 'password');
  await services.transaction(async (trx) => {
    await trx.twoFactor.disable(actor.person.id);
    await auditSelf(trx, actor, 'two-factor.disabled');
  });
}

export const ChangePasswordInput = z.object({
  current: z.string().max(1024),
  password: z.string().max(1024),
  /** The session the change is made from: it stays, every other one ends. */
  keepSessionIdHash: z.string(),
});
export type ChangePasswordInput = z.input<typeof ChangePasswordInput>;

/** Refusals: `current: 'wrongPassword'`, or `password:` a password-rule message key. */
export async function changePassword(
  services: Services,
  actor: Actor,
  input: ChangePasswordInput,
): Promise<void> {
  authorize(actor.person, { kind: 'newsroom.enter' });
  const data = parseInput(ChangePasswordInput, input);
  await confirmOwnPassword(services, actor, data.current, 'current');
  const problem = passwordProblem(data.password, [actor.person.email, actor.person.name]);
  if (problem) throw new Invalid('The new password is not acceptable.', { password: problem });
  const hash = await hashPassword(data.password);
  await services.transaction(async (trx) => {
    await trx.people.setPasswordHash(actor.person.id, hash);
    await trx.sessions.deleteForPerson(actor.person.id, data.keepSessionIdHash);
    await auditSelf(trx, actor, 'password.changed');
  });
}

export interface AccountSecurity {
  twoFactorEnabled: boolean;
  /** The site requires verification and this person has not turned it on. */
  twoFactorRequired: boolean;
}

export async function accountSecurity(
  services: Pick<Services, 'repos'>,
  actor: Actor,
): Promise<AccountSecurity> {
  const [state, settings] = await Promise.all([
    services.repos.twoFactor.state(actor.person.id),
    siteSettings(services),
  ]);
  return { twoFactorEnabled: state.enabled, twoFactorRequired: settings.requireTwoFactor && !state.enabled };
}

/** A started, unconfirmed enrolment (shown again after a wrong code, so there is no re-scan). */
export async function pendingEnrolment(
  services: Pick<Services, 'repos'>,
  actor: Actor,
): Promise<Enrolment | null> {
  const state = await services.repos.twoFactor.state(actor.person.id);
  if (!state.secret || state.enabled) return null;
  const settings = await siteSettings(services);
  return enrolmentFor(state.secret, actor.person.email, settings.name);
}
