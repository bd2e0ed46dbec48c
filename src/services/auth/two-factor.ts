// TOTP second factor (RFC 6238, 30-second steps, 6 digits: what every authenticator app
// speaks) and ten single-use recovery codes for the day the phone is lost.
import { createHash, randomBytes } from 'node:crypto';
// otplib and qrcode are loaded when a second factor is used: most requests never need them.
import type { Repositories } from '../../db/repositories/contract.ts';

export const RECOVERY_CODE_COUNT = 10;

export interface Enrolment {
  secret: string;
  uri: string;
  /** The otpauth URI as an SVG QR code, rendered on the server. */
  qrSvg: string;
}

/** A new secret, stored as pending: it guards sign-in only once a code from it is confirmed. */
export async function storePendingSecret(
  repos: Pick<Repositories, 'twoFactor'>,
  personId: number,
): Promise<string> {
  const { generateSecret } = await import('otplib');
  const secret = generateSecret();
  await repos.twoFactor.setPendingSecret(personId, secret);
  return secret;
}

export async function enrolmentFor(secret: string, email: string, issuer: string): Promise<Enrolment> {
  const [{ generateURI }, { default: QRCode }] = await Promise.all([import('otplib'), import('qrcode')]);
  const uri = generateURI({ issuer, label: email, secret });
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, uri, qrSvg };
}

/** Enables the pending secret when the code matches it; the recovery codes to show once, or null. */
export async function enableWithCode(
  repos: Pick<Repositories, 'twoFactor'>,
  personId: number,
  code: string,
): Promise<string[] | null> {
  const state = await repos.twoFactor.state(personId);
  if (!state.secret || state.enabled) return null;
  const step = await totpStep(state.secret, code);
  if (step === null) return null;
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await repos.twoFactor.enable(personId, codes.map(hashRecoveryCode), step);
  return codes;
}

export type SecondFactorCheck = 'totp' | 'recovery-code' | 'invalid';

export async function checkSecondFactor(
  repos: Pick<Repositories, 'twoFactor'>,
  personId: number,
  input: string,
): Promise<SecondFactorCheck> {
  const state = await repos.twoFactor.state(personId);
  if (!state.enabled || !state.secret) return 'invalid';
  const code = input.replace(/[\s-]/g, '');
  if (/^\d{6}$/.test(toAsciiDigits(code))) {
    const step = await totpStep(state.secret, toAsciiDigits(code));
    return step !== null && (await repos.twoFactor.useStep(personId, step)) ? 'totp' : 'invalid';
  }
  const hash = hashRecoveryCode(code);
  const match = (await repos.twoFactor.unusedRecoveryCodes(personId)).find((c) => c.codeHash === hash);
  if (match && (await repos.twoFactor.markRecoveryCodeUsed(match.id, new Date().toISOString()))) {
    return 'recovery-code';
  }
  return 'invalid';
}

/** The time step the code belongs to (one step of clock drift allowed either way), or null. */
async function totpStep(secret: string, code: string): Promise<number | null> {
  const { verifySync } = await import('otplib');
  const result = verifySync({ secret, token: toAsciiDigits(code.trim()), epochTolerance: 30 });
  // The matched period's start, in 30-second steps since the epoch, identifies the code for replay checks.
  return result.valid && 'epoch' in result ? Math.floor(Number(result.epoch) / 30) : null;
}

// Codes typed on an Arabic keyboard arrive in Arabic-Indic digits.
function toAsciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.codePointAt(0) ?? 0) & 0xf));
}

function newRecoveryCode(): string {
  const raw = randomBytes(10).toString('hex'); // 80 bits
  return `${raw.slice(0, 5)}-${raw.slice(5, 10)}-${raw.slice(10, 15)}-${raw.slice(15, 20)}`;
}

/** Recovery codes carry 80 random bits, so a fast hash is enough; no salt needed. */
function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(code.replace(/[\s-]/g, '').toLowerCase()).digest('hex');
}
