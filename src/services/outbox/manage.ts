// The newsroom's view of the outbox (admins): the messages with their status, attempts and
// last error, and "retry now" for one that failed or is waiting for its next try. Retrying is
// a command: checked, audited, and the dispatcher of this process is nudged after commit.
import { z } from 'zod';
import { NotFound } from '../../core/errors.ts';
import type { OutboxMessage, OutboxStatus } from '../../core/outbox.ts';
import { authorize } from '../../core/policies/index.ts';
import type { Person } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';
import { notifyOutbox } from './notify.ts';

export const PAGE_SIZE = 50;

/** An outbox message as the newsroom lists it: never the payload (a mail may carry a sign-up link). */
export type OutboxRow = Omit<OutboxMessage, 'payload' | 'dedupKey'>;

export interface OutboxPageData {
  rows: OutboxRow[];
  counts: Record<OutboxStatus, number>;
  status: OutboxStatus | null;
  page: number;
  hasNext: boolean;
}

export async function outboxPage(
  services: Services,
  person: Person,
  query: { status?: OutboxStatus | undefined; page?: number | undefined },
): Promise<OutboxPageData> {
  authorize(person, { kind: 'settings.manage' });
  const page = Math.max(1, query.page ?? 1);
  const [messages, counts] = await Promise.all([
    services.repos.outbox.list({
      ...(query.status ? { status: query.status } : {}),
      limit: PAGE_SIZE + 1,
      offset: (page - 1) * PAGE_SIZE,
    }),
    services.repos.outbox.counts(),
  ]);
  return {
    rows: messages.slice(0, PAGE_SIZE).map(({ payload: _p, dedupKey: _k, ...row }) => row),
    counts,
    status: query.status ?? null,
    page,
    hasNext: messages.length > PAGE_SIZE,
  };
}

export const RetryOutboxInput = z.object({ id: z.number().int().positive() });
export type RetryOutboxInput = z.input<typeof RetryOutboxInput>;

/** Makes a failed or waiting message due now; false if it was being sent or already sent. */
export async function retryOutboxMessage(
  services: Services,
  actor: Actor,
  input: RetryOutboxInput,
): Promise<boolean> {
  authorize(actor.person, { kind: 'settings.manage' });
  const { id } = parseInput(RetryOutboxInput, input);
  const retried = await services.transaction(async (trx) => {
    const message = await trx.outbox.byId(id);
    if (!message) throw new NotFound('No such message.');
    if (!(await trx.outbox.retryNow(id))) return false;
    await recordAudit(trx, actor, {
      action: 'outbox.retried',
      targetType: 'outbox',
      targetId: id,
      details: { channel: message.channel, status: message.status, attempts: message.attempts },
    });
    return true;
  });
  if (retried) notifyOutbox(services);
  return retried;
}
