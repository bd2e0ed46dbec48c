// /newsroom/outbox (admins): the messages the site sends out (mail, Telegram posts) with their
// status, attempts and last error, and "retry now" (an audited command) for one that failed or
// waits for its next try.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { displayDate } from '../../../core/dates.ts';
import { format } from '../../../core/i18n.ts';
import { OUTBOX_STATUSES } from '../../../core/outbox.ts';
import { parseInput } from '../../../core/validation.ts';
import { type OutboxRow, outboxPage, retryOutboxMessage } from '../../../services/outbox/manage.ts';
import { siteSettings } from '../../../services/settings.ts';
import { actorOf, authorize, checkCsrf } from '../auth.ts';
import { languageOf, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { idParam } from '../params.ts';
import { type OutboxMessages, outboxMessages } from './messages.ts';
import { OutboxParams, OutboxQuery } from './schema.ts';
import { OutboxPage, type OutboxRowView } from './views.tsx';

function present(t: OutboxMessages, row: OutboxRow, at: (iso: string) => string): OutboxRowView {
  return {
    id: row.id,
    channel: t[`channel_${row.channel}`],
    summary: row.summary,
    status: row.status,
    statusLabel: t[`status_${row.status}`],
    when:
      row.status === 'sent' && row.sentAt
        ? format(t.sentAt, { when: at(row.sentAt) })
        : row.status === 'queued' && row.nextAttemptAt && row.attempts > 0
          ? format(t.nextAttempt, { when: at(row.nextAttemptAt) })
          : '',
    created: at(row.createdAt),
    attempts: row.attempts,
    lastError: row.lastError,
    canRetry: row.status === 'failed' || (row.status === 'queued' && row.attempts > 0),
  };
}

export function registerOutboxRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;

  app.get('/outbox', async (request: FastifyRequest, reply: FastifyReply) => {
    const staff = request.staff!;
    authorize(staff.person, { kind: 'settings.manage' });
    const lang = languageOf(request);
    const t = outboxMessages(lang);
    const query = parseInput(OutboxQuery, request.query);
    const [data, { timezone }] = await Promise.all([
      outboxPage(services, staff.person, { status: query.status, page: query.page }),
      siteSettings(services),
    ]);
    const at = (iso: string) => displayDate(iso, lang, timezone, true).gregorian;
    const href = (status: string | null, page = 1) => {
      const params = new URLSearchParams();
      if (status) params.set('status', status);
      if (page > 1) params.set('page', String(page));
      const q = params.toString();
      return `/newsroom/outbox${q ? `?${q}` : ''}`;
    };
    const filters = [
      { href: href(null), label: t.all, current: data.status === null },
      ...OUTBOX_STATUSES.map((s) => ({
        href: href(s),
        label: `${t[`status_${s}`]} (${data.counts[s]})`,
        current: data.status === s,
      })),
    ];
    return sendNewsroomPage(deps, request, reply, {
      title: t.title,
      current: '/newsroom/outbox',
      notice:
        query.done === 'retried'
          ? { kind: 'success', text: t.retried }
          : query.done === 'not-retried'
            ? { kind: 'error', text: t.notRetried }
            : null,
      body: (
        <OutboxPage
          t={t}
          csrf={staff.session.csrfToken}
          rows={data.rows.map((r) => present(t, r, at))}
          filters={filters}
          pages={{
            previous: data.page > 1 ? href(data.status, data.page - 1) : null,
            next: data.hasNext ? href(data.status, data.page + 1) : null,
          }}
          mailEnabled={services.config.mail !== null}
        />
      ),
    });
  });

  app.post('/outbox/:id/retry', async (request, reply) => {
    checkCsrf(request);
    authorize(request.staff!.person, { kind: 'settings.manage' });
    const id = idParam(OutboxParams, request.params);
    const retried = await retryOutboxMessage(services, await actorOf(services, request), { id });
    return reply.redirect(`/newsroom/outbox?done=${retried ? 'retried' : 'not-retried'}#message-${id}`, 303);
  });
}
