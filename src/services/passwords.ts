import { randomInt } from 'node:crypto';

// argon2id with the OWASP-recommended memory/time cost (19 MiB, 2 passes).
const OPTIONS = { algorithm: 2 as const, memoryCost: 19456, timeCost: 2, parallelism: 1 };

// The native module is loaded on the first sign-in or password change, not in every process.
const argon2 = () => import('@node-rs/argon2');

export async function hashPassword(password: string): Promise<string> {
  const { hash } = await argon2();
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  const { verify } = await argon2();
  return verify(stored, password).catch(() => false);
}

/** A password people can type: 20 characters from an alphabet without look-alikes (0/O, 1/l). */
export function generatePassword(length = 20): string {
  const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}
