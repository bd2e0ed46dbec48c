// The audit log (admins): who did what and when, newest first, fifty entries a page.
import type { FastifyInstance } from 'fastify';
import { displayDate } from '../../../core/dates.ts';
import { parseInput } from '../../../core/validation.ts';
import { auditLogPage } from '../../../services/audit-log.ts';
import { siteSettings } from '../../../services/settings.ts';
import { authorize } from '../auth.ts';
import { AUDIT_ACTIONS } from '../messages.ts';
import { languageOf, messagesFor, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { AUDIT_PAGE_SIZE, AuditQuery } from './schema.ts';
import { AuditPage } from './views.tsx';

export function registerAuditRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;

  app.get('/audit', async (request, reply) => {
    authorize(request.staff!.person, { kind: 'audit.read' });
    const { page } = parseInput(AuditQuery, request.query);
    const t = messagesFor(request);
    const lang = languageOf(request);
    const [{ timezone }, log] = await Promise.all([
      siteSettings(services),
      auditLogPage(services, { page, perPage: AUDIT_PAGE_SIZE }),
    ]);
    const rows = log.entries.map((e) => ({
      id: e.id,
      when: displayDate(e.at, lang, timezone, true).gregorian,
      who: e.personId === null ? '—' : (e.personName ?? `#${e.personId}`),
      action: AUDIT_ACTIONS[lang][e.action] ?? e.action,
      target: e.targetType ? `${e.targetType} ${e.targetId}` : '',
      // The browser string is kept in the log but is noise on screen.
      details: Object.entries(e.details)
        .filter(([key]) => key !== 'userAgent')
        .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
        .join(', '),
    }));
    return sendNewsroomPage(deps, request, reply, {
      title: t.auditLog,
      current: '/newsroom/audit',
      body: (
        <AuditPage
          t={t}
          rows={rows}
          prev={page > 1 ? `/newsroom/audit?page=${page - 1}` : null}
          next={page * AUDIT_PAGE_SIZE < log.total ? `/newsroom/audit?page=${page + 1}` : null}
        />
      ),
    });
  });
}
