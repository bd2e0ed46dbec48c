// How a receiver knows a delivery came from this site and was not replayed: the body and the
// time it was sent are signed with the webhook's secret (HMAC-SHA256 over "timestamp.body",
// as Stripe does), and the timestamp travels in its own header so a receiver can refuse old ones.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Midad-Signature';
export const TIMESTAMP_HEADER = 'X-Midad-Timestamp';

/** A new signing secret: 32 random bytes, with a prefix that makes a leaked one recognizable. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

/** The signature header's value: `sha256=` and the hex HMAC of `${timestamp}.${body}`. */
export function signDelivery(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * What a receiver does (the documentation shows the same steps): recompute the signature,
 * compare in constant time, and refuse a timestamp more than `toleranceSeconds` away.
 */
export function verifyDelivery(input: {
  secret: string;
  body: string;
  signature: string;
  timestamp: string;
  now?: Date;
  toleranceSeconds?: number;
}): boolean {
  const timestamp = Number(input.timestamp);
  if (!Number.isInteger(timestamp)) return false;
  const now = Math.floor((input.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - timestamp) > (input.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signDelivery(input.secret, timestamp, input.body));
  const given = Buffer.from(input.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
