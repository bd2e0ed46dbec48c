// Comment moderation (editors and admins) and the audit log (admins).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { displayDate } from '../../core/dates.ts';
import { format } from '../../core/i18n.ts';
import { MODERATION_ACTIONS, moderateComments, replyAsStaff } from '../../services/moderation.ts';
import { loadSiteSettings } from '../../services/settings.ts';
import { articlePath } from '../reader/urls.ts';
import { authorize, checkCsrf, clientIpHash } from './auth.ts';
import { AUDIT_ACTIONS } from './messages.ts';
import { languageOf, messagesFor, type NewsroomDeps, sendNewsroomPage } from './page.ts';
import { AuditPage } from './views/AuditPage.tsx';
import { CommentsPage, type QueueItem } from './views/CommentsPage.tsx';

const ModerateBody = z.object({
  action: z.enum(MODERATION_ACTIONS),
  ids: z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]).map(Number)),
});
const ReplyBody = z.object({ body: z.string().max(10_000).default('') });
const AUDIT_PAGE = 50;

export function registerModerationRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;
  const { repos } = services;

  app.get('/comments', async (request, reply) => {
    const staff = request.staff!;
    authorize(staff.person, { kind: 'comment.moderate' });
    const t = messagesFor(request);
    const lang = languageOf(request);
    const { timezone } = await loadSiteSettings(repos);
    const pending = await repos.comments.listByStatus('pending', 100);
    const articles = new Map(
      (await repos.articles.byIds([...new Set(pending.map((c) => c.articleId))])).map((a) => [a.id, a]),
    );
    const items: QueueItem[] = pending.map((c) => {
      const article = articles.get(c.articleId);
      return {
        id: c.id,
        authorName: c.authorName,
        authorEmail: c.authorEmail,
        body: c.body,
        when: displayDate(c.createdAt, lang, timezone, true).gregorian,
        articleTitle: article?.title ?? '—',
        articleHref: article ? articlePath(article) : '#',
      };
    });
    const done = Number((request.query as Record<string, unknown>).done);
    return sendNewsroomPage(deps, request, reply, {
      title: t.comments,
      current: '/newsroom/comments',
      notice:
        Number.isInteger(done) && done >= 0
          ? { kind: 'success', text: format(t.moderated, { n: done }) }
          : null,
      body: <CommentsPage t={t} csrf={staff.session.csrfToken} items={items} />,
    });
  });

  app.post('/comments', async (request, reply) => {
    checkCsrf(request);
    const staff = request.staff!;
    authorize(staff.person, { kind: 'comment.moderate' });
    const parsed = ModerateBody.safeParse(request.body ?? {});
    if (!parsed.success || parsed.data.ids.some((id) => !Number.isInteger(id))) {
      return reply.redirect('/newsroom/comments?done=0', 303);
    }
    const changed = await moderateComments(services, {
      ids: parsed.data.ids,
      action: parsed.data.action,
      by: staff.person,
      ipHash: await clientIpHash(services, request),
    });
    return reply.redirect(`/newsroom/comments?done=${changed}`, 303);
  });

  app.post<{ Params: { id: string } }>('/comments/:id/reply', async (request, reply) => {
    checkCsrf(request);
    const staff = request.staff!;
    authorize(staff.person, { kind: 'comment.moderate' });
    const { body } = ReplyBody.parse(request.body ?? {});
    await replyAsStaff(services, { parentId: Number(request.params.id), body, by: staff.person });
    return reply.redirect('/newsroom/comments?done=1', 303);
  });

  app.get('/audit', async (request, reply) => {
    const staff = request.staff!;
    authorize(staff.person, { kind: 'audit.read' });
    const t = messagesFor(request);
    const lang = languageOf(request);
    // A page number from the URL: a huge or fractional one would reach SQL as a float offset.
    const asked = Number((request.query as Record<string, unknown>).page);
    const page = Number.isInteger(asked) && asked >= 1 ? Math.min(asked, 1_000_000) : 1;
    const { timezone } = await loadSiteSettings(repos);
    const [entries, total] = await Promise.all([
      repos.audit.list({ limit: AUDIT_PAGE, offset: (page - 1) * AUDIT_PAGE }),
      repos.audit.count(),
    ]);
    const people = new Map(
      (
        await repos.people.byIds([
          ...new Set(entries.flatMap((e) => (e.personId === null ? [] : [e.personId]))),
        ])
      ).map((p) => [p.id, p]),
    );
    const rows = entries.map((e) => ({
      id: e.id,
      when: displayDate(e.at, lang, timezone, true).gregorian,
      who: e.personId === null ? '—' : (people.get(e.personId)?.name ?? `#${e.personId}`),
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
          next={page * AUDIT_PAGE < total ? `/newsroom/audit?page=${page + 1}` : null}
        />
      ),
    });
  });
}
