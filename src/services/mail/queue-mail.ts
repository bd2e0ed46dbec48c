// Queues a mail in the outbox, inside the caller's transaction: the mail exists exactly when
// the change that calls for it was committed.
import type { Repositories } from '../../db/repositories/contract.ts';
import type { MailPayload } from './compose.ts';

export async function queueMail(
  trx: Pick<Repositories, 'outbox'>,
  dedupKey: string,
  mail: MailPayload,
): Promise<boolean> {
  const queued = await trx.outbox.enqueue({
    channel: 'mail',
    dedupKey,
    summary: `${mail.to} — ${mail.subject}`,
    payload: mail,
  });
  return queued !== null;
}

/** Queues many mails in one statement (a newsletter batch); returns how many were new. */
export function queueMails(
  trx: Pick<Repositories, 'outbox'>,
  mails: { dedupKey: string; mail: MailPayload }[],
): Promise<number> {
  return trx.outbox.enqueueMany(
    mails.map(({ dedupKey, mail }) => ({
      channel: 'mail',
      dedupKey,
      summary: `${mail.to} — ${mail.subject}`,
      payload: mail,
    })),
  );
}
