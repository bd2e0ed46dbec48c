// What the links in newsletter mails do, and what the bounce endpoint does. None needs a
// sign-in: the secret in the link is the permission. An altered, unknown or expired link
// changes nothing and says so.
import type { Services } from '../context.ts';
import { hashToken, isTokenShape } from './links.ts';

export type ConfirmOutcome = 'confirmed' | 'expired' | 'invalid';

export async function confirmSubscription(
  services: Services,
  token: string,
  now = new Date(),
): Promise<ConfirmOutcome> {
  if (!isTokenShape(token)) return 'invalid';
  return services.transaction(async (trx) => {
    const subscriber = await trx.newsletters.byConfirmHash(hashToken(token));
    if (subscriber?.status !== 'pending') return 'invalid';
    if (!subscriber.confirmExpiresAt || new Date(subscriber.confirmExpiresAt).getTime() <= now.getTime())
      return 'expired';
    return (await trx.newsletters.confirm(subscriber.id, now.toISOString())) ? 'confirmed' : 'invalid';
  });
}

/** Whether an unsubscribe link is still good (the page asks before doing it). */
export async function unsubscribeLinkIsValid(services: Services, token: string): Promise<boolean> {
  return isTokenShape(token) && (await services.repos.newsletters.byUnsubscribeToken(token)) !== null;
}

/** Deletes the subscriber for good (only a count remains); false for an unknown link. */
export async function unsubscribe(services: Services, token: string): Promise<boolean> {
  if (!isTokenShape(token)) return false;
  return services.transaction(async (trx) => {
    const subscriber = await trx.newsletters.byUnsubscribeToken(token);
    return subscriber ? trx.newsletters.remove(subscriber.id) : false;
  });
}

/**
 * A bounce or a complaint reported by the mail service: the address gets nothing more. The
 * row stays (marked) so the address is not mailed again; subscribing again asks anew.
 */
export async function recordBounce(
  services: Services,
  report: { email: string; type: 'bounce' | 'complaint' },
  now = new Date(),
): Promise<boolean> {
  return services.repos.newsletters.setStatus(
    report.email.trim().toLowerCase(),
    report.type === 'bounce' ? 'bounced' : 'complained',
    now.toISOString(),
  );
}
