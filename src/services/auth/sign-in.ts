// Signing in with e-mail and password, then (when enrolled) a second factor, and signing out.
// Every outcome is audited; a refusal never tells whether the e-mail exists. Before sign-in
// there is no actor: the commands take the address (kept only as its hash) in their input.
import { z } from 'zod';
import { authorize } from '../../core/policies/index.ts';
import type { Person } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import type { Repositories } from '../../db/repositories/contract.ts';
import { type Actor, ipHashOf, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';
import { hashPassword, verifyPassword } from '../passwords.ts';
import { type NewSession, type ResolvedSession, startSession } from './sessions.ts';
import type { SignInThrottles } from './throttle.ts';
import { checkSecondFactor } from './two-factor.ts';

export type SignInResult =
  | { ok: true; person: Person; session: NewSession; needsSecondFactor: boolean }
  | { ok: false; reason: 'invalid' | 'throttled' };

export const SignInInput = z.object({
  email: z.string().max(254),
  password: z.string().max(1024),
  ip: z.string(),
  userAgent: z.string(),
});
export type SignInInput = z.input<typeof SignInInput>;

// Compared against when the e-mail is unknown, so both paths cost one argon2 verification.
let dummyHash: Promise<string> | null = null;

export async function signIn(
  services: Services,
  throttles: SignInThrottles,
  input: SignInInput,
): Promise<SignInResult> {
  const data = parseInput(SignInInput, input);
  const { repos } = services;
  const seen = { ipHash: await ipHashOf(services, data.ip), userAgent: data.userAgent };
  const email = data.email.trim().toLowerCase();
  const accountKey = `account:${email}`;
  const addressKey = `address:${seen.ipHash}`;
  if (
    (await throttles.perAccount.isBlocked(accountKey)) ||
    (await throttles.perAddress.isBlocked(addressKey))
  ) {
    await auditSignIn(repos, null, 'sign-in.throttled', seen, { email });
    return { ok: false, reason: 'throttled' };
  }
  const person = email === '' ? null : await repos.people.byEmail(email);
  const stored = person && !person.disabled ? await repos.people.passwordHash(person.id) : null;
  dummyHash ??= hashPassword('not-a-real-password-for-timing');
  const valid = await verifyPassword(stored ?? (await dummyHash), data.password);
  if (!person || !stored || !valid) {
    await throttles.perAccount.fail(accountKey);
    await throttles.perAddress.fail(addressKey);
    await auditSignIn(repos, person?.id ?? null, 'sign-in.failure', seen, { email });
    return { ok: false, reason: 'invalid' };
  }
  await throttles.perAccount.reset(accountKey);
  const needsSecondFactor = person.twoFactorEnabled;
  const session = await services.transaction(async (trx) => {
    const started = await startSession(trx, {
      personId: person.id,
      stage: needsSecondFactor ? 'second-factor' : 'full',
      ...seen,
    });
    const action = needsSecondFactor ? 'sign-in.password-ok' : 'sign-in.success';
    await auditSignIn(trx, person.id, action, seen, {});
    return started;
  });
  return { ok: true, person, session, needsSecondFactor };
}

export const SecondFactorInput = z.object({
  code: z.string().max(64),
  ip: z.string(),
  userAgent: z.string(),
});
export type SecondFactorInput = z.input<typeof SecondFactorInput>;

export type SecondFactorResult =
  | { ok: true; session: NewSession; usedRecoveryCode: boolean }
  | { ok: false; reason: 'invalid' | 'throttled' };

/**
 * Completes a sign-in that waits for its second factor. The waiting session is replaced by a
 * new one (a fresh id), so a token seen before the code was typed is worth nothing after.
 */
export async function completeSecondFactor(
  services: Services,
  throttles: SignInThrottles,
  pending: ResolvedSession,
  input: SecondFactorInput,
): Promise<SecondFactorResult> {
  const data = parseInput(SecondFactorInput, input);
  const { person } = pending;
  const seen = { ipHash: await ipHashOf(services, data.ip), userAgent: data.userAgent };
  const key = `second-factor:${person.id}`;
  if (await throttles.perAccount.isBlocked(key)) return { ok: false, reason: 'throttled' };
  const outcome = await services.transaction(async (trx) => {
    // The code is spent in the same transaction that opens the session it unlocks.
    const check = await checkSecondFactor(trx, person.id, data.code);
    if (check === 'invalid') {
      await auditSignIn(trx, person.id, 'sign-in.second-factor-failure', seen, {});
      return null;
    }
    await trx.sessions.delete(pending.session.idHash);
    const session = await startSession(trx, { personId: person.id, stage: 'full', ...seen });
    await auditSignIn(trx, person.id, 'sign-in.success', seen, { secondFactor: check });
    return { session, usedRecoveryCode: check === 'recovery-code' };
  });
  if (!outcome) {
    await throttles.perAccount.fail(key);
    return { ok: false, reason: 'invalid' };
  }
  await throttles.perAccount.reset(key);
  return { ok: true, ...outcome };
}

/** Ends the session the person signs out of (a full one or one waiting for its code). */
export async function signOut(
  services: Services,
  actor: Actor,
  input: { sessionIdHash: string },
): Promise<void> {
  authorize(actor.person, { kind: 'newsroom.enter' });
  await services.transaction(async (trx) => {
    await trx.sessions.delete(input.sessionIdHash);
    await recordAudit(trx, actor, { action: 'sign-out', targetType: 'person', targetId: actor.person.id });
  });
}

/** Sign-in audit rows may have no person (an unknown e-mail), so they are written here. */
async function auditSignIn(
  repos: Pick<Repositories, 'audit'>,
  personId: number | null,
  action: string,
  seen: { ipHash: string; userAgent: string },
  details: Record<string, unknown>,
): Promise<void> {
  await repos.audit.record({
    personId,
    action,
    targetType: 'person',
    targetId: personId === null ? '' : String(personId),
    details: { ...details, userAgent: seen.userAgent.slice(0, 200) },
    ipHash: seen.ipHash,
  });
}
