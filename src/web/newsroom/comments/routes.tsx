// Comment moderation (editors and admins): the queue of pending comments, one action on one or
// several of them, and replies published under the staff member's name.
import type { FastifyInstance } from 'fastify';
import { displayDate } from '../../../core/dates.ts';
import { format } from '../../../core/i18n.ts';
import type { Lang } from '../../../core/types.ts';
import { parseInput } from '../../../core/validation.ts';
import { moderateComments } from '../../../services/comments/moderate-comments.ts';
import { pendingComments, type QueuedComment } from '../../../services/comments/moderation-queue.ts';
import { replyAsStaff } from '../../../services/comments/reply-as-staff.ts';
import { siteSettings } from '../../../services/settings.ts';
import { articlePath } from '../../reader/urls.ts';
import { actorOf, authorize, checkCsrf } from '../auth.ts';
import { languageOf, messagesFor, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { idParam } from '../params.ts';
import { CommentParams, ModerateForm, ReplyForm } from './schema.ts';
import { CommentsPage, type QueueItem } from './views.tsx';

function presentQueued({ comment, article }: QueuedComment, lang: Lang, timezone: string): QueueItem {
  return {
    id: comment.id,
    authorName: comment.authorName,
    authorEmail: comment.authorEmail,
    body: comment.body,
    when: displayDate(comment.createdAt, lang, timezone, true).gregorian,
    articleTitle: article?.title ?? '—',
    articleHref: article ? articlePath(article) : '#',
  };
}

export function registerCommentRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;

  app.get('/comments', async (request, reply) => {
    const staff = request.staff!;
    authorize(staff.person, { kind: 'comment.moderate' });
    const t = messagesFor(request);
    const lang = languageOf(request);
    const [{ timezone }, queue] = await Promise.all([siteSettings(services), pendingComments(services, 100)]);
    const done = Number((request.query as Record<string, unknown>).done);
    return sendNewsroomPage(deps, request, reply, {
      title: t.comments,
      current: '/newsroom/comments',
      notice:
        Number.isInteger(done) && done >= 0
          ? { kind: 'success', text: format(t.moderated, { n: done }) }
          : null,
      body: (
        <CommentsPage
          t={t}
          csrf={staff.session.csrfToken}
          items={queue.map((q) => presentQueued(q, lang, timezone))}
        />
      ),
    });
  });

  app.post('/comments', async (request, reply) => {
    checkCsrf(request);
    const form = parseInput(ModerateForm, request.body);
    const actor = await actorOf(services, request);
    if (!form) {
      // Nothing to apply, but those who may not moderate are still told so.
      authorize(actor.person, { kind: 'comment.moderate' });
      return reply.redirect('/newsroom/comments?done=0', 303);
    }
    const changed = await moderateComments(services, actor, form);
    return reply.redirect(`/newsroom/comments?done=${changed}`, 303);
  });

  app.post('/comments/:id/reply', async (request, reply) => {
    checkCsrf(request);
    const parentId = idParam(CommentParams, request.params);
    const { body } = parseInput(ReplyForm, request.body);
    await replyAsStaff(services, await actorOf(services, request), { parentId, body });
    return reply.redirect('/newsroom/comments?done=1', 303);
  });
}
