// Revisions of an article: one compared with the current text, and restoring it.
import type { FastifyInstance } from 'fastify';
import { displayDate } from '../../../core/dates.ts';
import { wordDiff } from '../../../core/word-diff.ts';
import { revisionForPage } from '../../../services/articles/queries.ts';
import { restoreRevision } from '../../../services/articles/restore-revision.ts';
import { actorOf, checkCsrf } from '../auth.ts';
import { languageOf, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { idParam } from '../params.ts';
import { articleMessages } from './messages.ts';
import { plainText, revisionLinks } from './presenter.ts';
import { RevisionView } from './revision-view.tsx';
import { ArticleParams, RevisionParams } from './schema.ts';

export function registerRevisionRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;

  app.get('/articles/:id/revisions/:rid', async (request, reply) => {
    const staff = request.staff!;
    const articleId = idParam(ArticleParams, request.params);
    const revisionId = idParam(RevisionParams, request.params);
    const { article, revision, timezone } = await revisionForPage(services, staff.person, {
      articleId,
      revisionId,
    });
    const lang = languageOf(request);
    const t = articleMessages(lang);
    const when = (iso: string) => displayDate(iso, lang, timezone, true).gregorian;
    // Shown as "what restoring would change": from the current text to the revision's.
    return sendNewsroomPage(deps, request, reply, {
      title: `${t.revision} · ${article.title || t.untitled}`,
      current: '/newsroom/articles',
      body: (
        <RevisionView
          t={t}
          csrf={staff.session.csrfToken}
          articleId={article.id}
          revisionId={revision.id}
          label={revisionLinks(t, article, [revision], when)[0]!.label}
          title={wordDiff(article.title, revision.title)}
          dek={wordDiff(article.dek, revision.dek)}
          body={wordDiff(plainText(article.bodyHtml), plainText(revision.bodyHtml))}
        />
      ),
    });
  });

  app.post('/articles/:id/revisions/:rid/restore', async (request, reply) => {
    checkCsrf(request);
    const articleId = idParam(ArticleParams, request.params);
    const revisionId = idParam(RevisionParams, request.params);
    await restoreRevision(services, await actorOf(services, request), { articleId, revisionId });
    return reply.redirect(`/newsroom/articles/${articleId}?done=restored-revision`, 303);
  });
}
