// Signing in with e-mail and password, then (when enrolled) a second factor. Every outcome is
// audited; a refusal never tells whether the e-mail exists.
import type { Person } from '../../core/types.ts';
import type { Repositories } from '../../db/repositories/contract.ts';
import { hashPassword, verifyPassword } from '../passwords.ts';
import { type NewSession, startSession } from './sessions.ts';
import type { SignInThrottles } from './throttle.ts';
import { checkSecondFactor } from './two-factor.ts';

export type SignInResult =
  | { ok: true; person: Person; session: NewSession; needsSecondFactor: boolean }
  | { ok: false; reason: 'invalid' | 'throttled' };

export interface SignInInput {
  email: string;
  password: string;
  ipHash: string;
  userAgent: string;
}

// Compared against when the e-mail is unknown, so both paths cost one argon2 verification.
let dummyHash: Promise<string> | null = null;

export async function signIn(
  deps: { repos: Repositories; throttles: SignInThrottles },
  input: SignInInput,
): Promise<SignInResult> {
  const { repos, throttles } = deps;
  const email = input.email.trim().toLowerCase();
  const accountKey = `account:${email}`;
  const addressKey = `address:${input.ipHash}`;
  if (
    (await throttles.perAccount.isBlocked(accountKey)) ||
    (await throttles.perAddress.isBlocked(addressKey))
  ) {
    await audit(repos, null, 'sign-in.throttled', input, { email });
    return { ok: false, reason: 'throttled' };
  }
  const person = email === '' ? null : await repos.people.byEmail(email);
  const stored = person && !person.disabled ? await repos.people.passwordHash(person.id) : null;
  dummyHash ??= hashPassword('not-a-real-password-for-timing');
  const valid = await verifyPassword(stored ?? (await dummyHash), input.password);
  if (!person || !stored || !valid) {
    await throttles.perAccount.fail(accountKey);
    await throttles.perAddress.fail(addressKey);
    await audit(repos, person?.id ?? null, 'sign-in.failure', input, { email });
    return { ok: false, reason: 'invalid' };
  }
  await throttles.perAccount.reset(accountKey);
  const needsSecondFactor = person.twoFactorEnabled;
  const session = await startSession(repos, {
    personId: person.id,
    stage: needsSecondFactor ? 'second-factor' : 'full',
    ipHash: input.ipHash,
    userAgent: input.userAgent,
  });
  await audit(repos, person.id, needsSecondFactor ? 'sign-in.password-ok' : 'sign-in.success', input, {});
  return { ok: true, person, session, needsSecondFactor };
}

/**
 * Completes a sign-in that waits for its second factor. The waiting session is replaced by a
 * new one (a fresh id), so a token seen before the code was typed is worth nothing after.
 */
export async function completeSecondFactor(
  deps: { repos: Repositories; throttles: SignInThrottles },
  input: { pendingIdHash: string; person: Person; code: string; ipHash: string; userAgent: string },
): Promise<
  | { ok: true; session: NewSession; usedRecoveryCode: boolean }
  | { ok: false; reason: 'invalid' | 'throttled' }
> {
  const { repos, throttles } = deps;
  const key = `second-factor:${input.person.id}`;
  if (await throttles.perAccount.isBlocked(key)) return { ok: false, reason: 'throttled' };
  const check = await checkSecondFactor(repos, input.person.id, input.code);
  if (check === 'invalid') {
    await throttles.perAccount.fail(key);
    await audit(repos, input.person.id, 'sign-in.second-factor-failure', input, {});
    return { ok: false, reason: 'invalid' };
  }
  await throttles.perAccount.reset(key);
  await repos.sessions.delete(input.pendingIdHash);
  const session = await startSession(repos, {
    personId: input.person.id,
    stage: 'full',
    ipHash: input.ipHash,
    userAgent: input.userAgent,
  });
  await audit(repos, input.person.id, 'sign-in.success', input, { secondFactor: check });
  return { ok: true, session, usedRecoveryCode: check === 'recovery-code' };
}

async function audit(
  repos: Pick<Repositories, 'audit'>,
  personId: number | null,
  action: string,
  input: { ipHash: string; userAgent: string },
  details: Record<string, unknown>,
): Promise<void> {
  await repos.audit.record({
    personId,
    action,
    targetType: 'person',
    targetId: personId === null ? '' : String(personId),
    details: { ...details, userAgent: input.userAgent.slice(0, 200) },
    ipHash: input.ipHash,
  });
}
