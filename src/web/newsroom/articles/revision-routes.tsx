// Revisions of an article: one compared with the current text, and restoring it.
import type { FastifyInstance } from 'fastify';
import { displayDate } from '../../../core/dates.ts';
import { NotFound } from '../../../core/errors.ts';
import { wordDiff } from '../../../core/word-diff.ts';
import { restoreRevision } from '../../../services/articles/editing.ts';
import { loadSiteSettings } from '../../../services/settings.ts';
import { checkCsrf } from '../auth.ts';
import { languageOf, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { editableArticle } from './access.ts';
import { articleMessages } from './messages.ts';
import { plainText, revisionLinks } from './presenter.ts';
import { RevisionView } from './revision-view.tsx';

export function registerRevisionRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;
  const { repos } = services;
  const editable = (
    request: Parameters<typeof editableArticle>[1],
    staff: Parameters<typeof editableArticle>[2],
  ) => editableArticle(repos, request, staff);

  app.get('/articles/:id/revisions/:rid', async (request, reply) => {
    const staff = request.staff!;
    const article = await editable(request, staff);
    const rid = Number((request.params as Record<string, string>).rid);
    const revision = Number.isInteger(rid) ? await repos.revisions.byId(rid) : null;
    if (!revision || revision.articleId !== article.id) throw new NotFound('No such revision.');
    const lang = languageOf(request);
    const t = articleMessages(lang);
    const { timezone } = await loadSiteSettings(repos);
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
          label={
            revisionLinks(
              t,
              article,
              [revision],
              (iso) => displayDate(iso, lang, timezone, true).gregorian,
            )[0]!.label
          }
          title={wordDiff(article.title, revision.title)}
          dek={wordDiff(article.dek, revision.dek)}
          body={wordDiff(plainText(article.bodyHtml), plainText(revision.bodyHtml))}
        />
      ),
    });
  });

  app.post('/articles/:id/revisions/:rid/restore', async (request, reply) => {
    checkCsrf(request);
    const staff = request.staff!;
    const article = await editable(request, staff);
    const rid = Number((request.params as Record<string, string>).rid);
    await restoreRevision(services, staff.person, { articleId: article.id, revisionId: rid });
    return reply.redirect(`/newsroom/articles/${article.id}?done=restored-revision`, 303);
  });
}
