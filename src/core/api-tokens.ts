// Personal API tokens as the services hand them to the web layer. The secret itself is shown
// once, when the token is made; what is kept is its SHA-256 hash and a short hint to recognise it.
import type { IsoDate } from './types.ts';

/** Every token starts with this, so a leaked one is recognisable (secret scanners, logs). */
export const API_TOKEN_PREFIX = 'midad_';

export interface ApiToken {
  id: number;
  personId: number;
  name: string;
  /** The first characters of the secret, shown in lists: enough to tell tokens apart. */
  hint: string;
  createdAt: IsoDate;
  lastUsedAt: IsoDate | null;
  /** Null: it does not expire. */
  expiresAt: IsoDate | null;
  revokedAt: IsoDate | null;
}

/** Whether a token may still be used at `now`. */
export function tokenIsLive(token: Pick<ApiToken, 'expiresAt' | 'revokedAt'>, now: Date): boolean {
  if (token.revokedAt !== null) return false;
  return token.expiresAt === null || token.expiresAt > now.toISOString();
}
