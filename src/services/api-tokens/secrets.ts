// The secret of an API token: 32 random bytes after a recognisable prefix. Only its SHA-256
// hash is stored (the same hash as session tokens: a 256-bit random secret needs no slow hash).
import { randomBytes } from 'node:crypto';
import { API_TOKEN_PREFIX } from '../../core/api-tokens.ts';
import { hashToken } from '../auth/sessions.ts';

const SHAPE = new RegExp(`^${API_TOKEN_PREFIX}[A-Za-z0-9_-]{43}$`);

export function newTokenSecret(): { secret: string; hash: string; hint: string } {
  const secret = `${API_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  return { secret, hash: hashToken(secret), hint: secret.slice(0, API_TOKEN_PREFIX.length + 4) };
}

/** The hash to look a presented secret up by, or null when it cannot be one of ours. */
export function hashOfPresented(secret: string): string | null {
  return SHAPE.test(secret) ? hashToken(secret) : null;
}
