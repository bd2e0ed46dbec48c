// Sign-up with double opt-in. A sign-up stores a pending subscriber and queues a confirmation
// mail in the same transaction; the link confirms. Asking again for the same address never
// makes a second subscriber and mails at most once an hour; an address already confirmed is
// left as it is (a stranger cannot change someone's choices). The answer is the same in every
// case, so the form does not tell who subscribes.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { Invalid, TooManyRequests } from '../../core/errors.ts';
import { CONFIRM_LINK_HOURS, CONFIRM_RESEND_MINUTES, DIGEST_CHOICES } from '../../core/newsletters.ts';
import { LANGUAGES } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import type { Services } from '../context.ts';
import { queueMail } from '../mail/queue-mail.ts';
import { notifyOutbox } from '../outbox/notify.ts';
import type { RateLimiter } from '../rate-limit.ts';
import { loadSiteSettings, servedLanguages } from '../settings.ts';
import { hashToken, newToken } from './links.ts';
import { confirmationMail } from './mails.ts';

export const SubscribeInput = z
  .object({
    email: z.email().max(254),
    lang: z.enum(LANGUAGES),
    sections: z.array(z.coerce.number().int().positive()).max(50).default([]),
    digest: z.enum(DIGEST_CHOICES),
    alerts: z.boolean().default(false),
  })
  .refine((v) => v.digest !== 'none' || v.alerts, {
    path: ['digest'],
    message: 'Choose a digest or alerts.',
  });
export type SubscribeInput = z.input<typeof SubscribeInput>;

/** What a sign-up did (for tests and logs; the reader sees the same page in every case). */
export type SubscribeOutcome = 'mailed' | 'recently-mailed' | 'already-confirmed';

export async function subscribe(
  services: Services,
  limiter: RateLimiter,
  ip: string,
  raw: unknown,
  now = new Date(),
): Promise<SubscribeOutcome> {
  const input = parseInput(SubscribeInput, raw);
  // One budget for the address the requests come from, one for the e-mail asked for.
  const email = input.email.trim().toLowerCase();
  const ipKey = createHash('sha256').update(ip).digest('base64url').slice(0, 22);
  if (!(await limiter.hit(`ip:${ipKey}`)) || !(await limiter.hit(`email:${email}`)))
    throw new TooManyRequests('Too many sign-ups; try again later.');
  const settings = await loadSiteSettings(services.repos);
  if (!servedLanguages(settings).includes(input.lang))
    throw new Invalid('The site does not publish in this language.', {
      lang: 'Not a language of this site.',
    });
  const known = new Set((await services.repos.sections.list()).map((s) => s.id));
  const choices = {
    lang: input.lang,
    sections: [...new Set(input.sections)].filter((id) => known.has(id)).sort((a, b) => a - b),
    digest: input.digest,
    alerts: input.alerts,
  };
  const at = now.toISOString();
  const expires = new Date(now.getTime() + CONFIRM_LINK_HOURS * 3_600_000).toISOString();
  const token = newToken();
  const confirmHash = hashToken(token);
  const outcome = await services.transaction(async (trx): Promise<SubscribeOutcome> => {
    let subscriber = await trx.newsletters.byEmail(email);
    if (!subscriber) {
      subscriber = await trx.newsletters.insertPending(
        { ...choices, email, confirmHash, confirmExpiresAt: expires, unsubscribeToken: newToken() },
        at,
      );
      if (!subscriber) return 'recently-mailed'; // another request for the address just won
    } else {
      if (subscriber.status === 'confirmed') return 'already-confirmed';
      const last = subscriber.confirmSentAt ? new Date(subscriber.confirmSentAt).getTime() : 0;
      if (now.getTime() - last < CONFIRM_RESEND_MINUTES * 60_000) return 'recently-mailed';
      await trx.newsletters.renewPending(
        subscriber.id,
        { ...choices, confirmHash, confirmExpiresAt: expires },
        at,
      );
      subscriber = { ...subscriber, ...choices };
    }
    await queueMail(
      trx,
      `newsletter:confirm:${subscriber.id}:${confirmHash.slice(0, 16)}`,
      confirmationMail(services.config.publicUrl, settings.name, subscriber, token),
    );
    return 'mailed';
  });
  if (outcome === 'mailed') notifyOutbox(services);
  return outcome;
}
