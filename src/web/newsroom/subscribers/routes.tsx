// Newsletter subscribers (editors and admins): the list with search and counts, its CSV, and
// removing one (audited). The command layer decides who may; these routes parse and render.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { format } from '../../../core/i18n.ts';
import { SUBSCRIBER_STATUSES, type Subscriber } from '../../../core/newsletters.ts';
import { allSubscribers, removeSubscriber, subscriberList } from '../../../services/newsletters/manage.ts';
import { toCsv } from '../../../services/readership/csv.ts';
import { actorOf, checkCsrf } from '../auth.ts';
import { languageOf, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { idParam } from '../params.ts';
import { type SubscriberMessages, subscriberMessages } from './messages.ts';
import { SubscribersPage } from './views.tsx';

const ListQuery = z.object({
  q: z.string().max(254).optional().catch(undefined),
  status: z.enum(SUBSCRIBER_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  removed: z.string().optional(),
});
const IdParams = z.object({ id: z.coerce.number().int().positive() });

function choicesOf(t: SubscriberMessages, s: Subscriber): string {
  return [
    s.digest === 'daily' ? t.daily : s.digest === 'weekly' ? t.weekly : null,
    s.alerts ? t.alerts : null,
    s.sections.length === 0 ? t.allSections : format(t.sectionsCount, { n: s.sections.length }),
  ]
    .filter(Boolean)
    .join(' · ');
}

export function registerSubscriberRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;

  app.get('/subscribers', async (request, reply) => {
    const staff = request.staff!;
    const t = subscriberMessages(languageOf(request));
    const query = ListQuery.parse(request.query ?? {});
    const actor = await actorOf(services, request);
    const list = await subscriberList(services, actor, {
      ...(query.q ? { search: query.q } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.page ? { page: query.page } : {}),
    });
    const href = (changes: { status?: string | undefined; page?: number }) => {
      const p = new URLSearchParams();
      if (query.q) p.set('q', query.q);
      const status = 'status' in changes ? changes.status : query.status;
      if (status) p.set('status', status);
      if (changes.page && changes.page > 1) p.set('page', String(changes.page));
      const s = p.toString();
      return `/newsroom/subscribers${s ? `?${s}` : ''}`;
    };
    return sendNewsroomPage(deps, request, reply, {
      title: t.title,
      current: '/newsroom/subscribers',
      notice: query.removed === '1' ? { kind: 'success', text: t.removed } : null,
      body: (
        <SubscribersPage
          t={t}
          csrf={staff.session.csrfToken}
          search={query.q ?? ''}
          counts={[
            ...SUBSCRIBER_STATUSES.map((s) => ({ label: t[`status_${s}`], n: list.counts[s] })),
            { label: t.unsubscribed, n: list.counts.unsubscribed },
          ]}
          filters={[
            { href: href({ status: undefined }), label: t.all, current: !query.status },
            ...SUBSCRIBER_STATUSES.map((s) => ({
              href: href({ status: s }),
              label: t[`status_${s}`],
              current: query.status === s,
            })),
          ]}
          rows={list.items.map((s) => ({
            id: s.id,
            email: s.email,
            lang: s.lang,
            choices: choicesOf(t, s),
            status: t[`status_${s.status}`],
            since: s.createdAt.slice(0, 10),
          }))}
          pages={{
            previous: list.page > 1 ? href({ page: list.page - 1 }) : null,
            next: list.hasMore ? href({ page: list.page + 1 }) : null,
          }}
          exportHref="/newsroom/subscribers.csv"
        />
      ),
    });
  });

  app.get('/subscribers.csv', async (request, reply) => {
    const actor = await actorOf(services, request);
    const rows: (string | number)[][] = [];
    for await (const s of allSubscribers(services, actor))
      rows.push([
        s.email,
        s.lang,
        s.status,
        s.digest,
        s.alerts ? 'yes' : 'no',
        s.sections.join(' '),
        s.createdAt,
        s.confirmedAt ?? '',
      ]);
    return reply
      .header('cache-control', 'private, no-store')
      .header('content-disposition', 'attachment; filename="newsletter-subscribers.csv"')
      .type('text/csv; charset=utf-8')
      .send(
        toCsv(['email', 'language', 'status', 'digest', 'alerts', 'sections', 'created', 'confirmed'], rows),
      );
  });

  app.post('/subscribers/:id/remove', async (request, reply) => {
    checkCsrf(request);
    const id = idParam(IdParams, request.params);
    await removeSubscriber(services, await actorOf(services, request), { id });
    return reply.redirect('/newsroom/subscribers?removed=1', 303);
  });
}
