// The newsroom's side: the subscriber list (editors and admins), its CSV, and removing one.
import { z } from 'zod';
import { authorize } from '../../core/policies/index.ts';
import { NotFound } from '../../core/errors.ts';
import type { Subscriber, SubscriberStatus } from '../../core/newsletters.ts';
import { parseInput } from '../../core/validation.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';

export const SUBSCRIBERS_PAGE = 50;

export async function subscriberList(
  services: Services,
  actor: Actor,
  query: { search?: string; status?: SubscriberStatus; page?: number },
) {
  authorize(actor.person, { kind: 'newsletter.manage' });
  const page = Math.max(1, query.page ?? 1);
  const [items, counts] = await Promise.all([
    services.repos.newsletters.list({
      ...(query.search ? { search: query.search } : {}),
      ...(query.status ? { status: query.status } : {}),
      limit: SUBSCRIBERS_PAGE + 1,
      offset: (page - 1) * SUBSCRIBERS_PAGE,
    }),
    services.repos.newsletters.counts(),
  ]);
  return { items: items.slice(0, SUBSCRIBERS_PAGE), hasMore: items.length > SUBSCRIBERS_PAGE, page, counts };
}

/** Every subscriber, a page at a time (the CSV export). */
export async function* allSubscribers(services: Services, actor: Actor): AsyncGenerator<Subscriber> {
  authorize(actor.person, { kind: 'newsletter.manage' });
  for (let offset = 0; ; offset += 500) {
    const batch = await services.repos.newsletters.list({ limit: 500, offset });
    yield* batch;
    if (batch.length < 500) return;
  }
}

export const RemoveSubscriberInput = z.object({ id: z.number().int().positive() });

export async function removeSubscriber(services: Services, actor: Actor, input: unknown): Promise<void> {
  authorize(actor.person, { kind: 'newsletter.manage' });
  const { id } = parseInput(RemoveSubscriberInput, input);
  await services.transaction(async (trx) => {
    if (!(await trx.newsletters.remove(id))) throw new NotFound('No such subscriber.');
    // The address is not written down: the audit row must not keep what the removal erased.
    await recordAudit(trx, actor, {
      action: 'newsletter.subscriber-removed',
      targetType: 'subscriber',
      targetId: id,
    });
  });
}
