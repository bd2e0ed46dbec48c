// Cheap, script-free defences against comment bots: a signed form token that proves the form
// was rendered by us at least a few seconds before it came back, and a honeypot field.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const MIN_FILL_MS = 3_000;
export const MAX_FORM_AGE_MS = 24 * 60 * 60 * 1000;
export const HONEYPOT_FIELD = 'website';

export function issueFormToken(secret: string, articleId: number, now = Date.now()): string {
  const payload = `${articleId}.${now}`;
  return `${payload}.${sign(secret, payload)}`;
}

export type TokenCheck = 'ok' | 'invalid' | 'too-fast' | 'expired';

export function checkFormToken(
  secret: string,
  token: string,
  articleId: number,
  now = Date.now(),
): TokenCheck {
  const match = /^(\d+)\.(\d+)\.([A-Za-z0-9_-]+)$/.exec(token);
  if (!match) return 'invalid';
  const [, id, issued, mac] = match;
  const expected = Buffer.from(sign(secret, `${id}.${issued}`));
  const given = Buffer.from(mac ?? '');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'invalid';
  if (Number(id) !== articleId) return 'invalid';
  const age = now - Number(issued);
  if (age < MIN_FILL_MS) return 'too-fast';
  if (age > MAX_FORM_AGE_MS) return 'expired';
  return 'ok';
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`comment-form:${payload}`).digest('base64url').slice(0, 32);
}

/** Comments keep a keyed hash of the IP, never the address itself. */
export function hashIp(secret: string, ip: string): string {
  return createHmac('sha256', secret).update(`ip:${ip}`).digest('base64url').slice(0, 22);
}
