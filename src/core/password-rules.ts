// What makes a password acceptable: long enough to resist guessing, not one of the passwords
// every attacker tries first, and not the account's own e-mail or name.
import type { MessageKey } from './i18n.ts';

export const PASSWORD_MIN_CHARS = 12;
export const PASSWORD_MAX_CHARS = 256;

const COMMON = new Set([
  '123456789012',
  'password1234',
  'qwertyuiop12',
  'azertyuiop12',
  '111111111111',
  'motdepasse123',
  'iloveyou1234',
  'administrator',
  'passwordpassword',
  'welcome12345',
  'letmein12345',
]);

export type PasswordProblem = Extract<
  MessageKey,
  'errPasswordShort' | 'errPasswordLong' | 'errPasswordCommon' | 'errPasswordPersonal'
>;

export function passwordProblem(password: string, personal: string[] = []): PasswordProblem | null {
  const length = Array.from(password).length;
  if (length < PASSWORD_MIN_CHARS) return 'errPasswordShort';
  if (length > PASSWORD_MAX_CHARS) return 'errPasswordLong';
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || new Set(lower).size <= 2) return 'errPasswordCommon';
  for (const p of personal) {
    const part = p.toLowerCase().split('@')[0] ?? '';
    if (part.length >= 4 && lower.includes(part)) return 'errPasswordPersonal';
  }
  return null;
}
