// /preview/TOKEN: an unpublished article (or a published one with the link maker's autosaved
// changes) shown as readers will see it, for whoever holds the secret link. Never indexed,
// never cached, comments closed.
import type { FastifyInstance } from 'fastify';
import { HONEYPOT_FIELD } from '../../services/comment-guard.ts';
import { articleForPreview } from '../../services/articles/preview.ts';
import { loadArticlePage } from '../../services/reader.ts';
import { presentArticlePage } from './article-presenter.ts';
import { type ReaderDeps, readerContext } from './context.ts';
import { excerptOf } from './presenters.ts';
import { renderArticlePage } from './views/render.ts';

export function registerPreviewRoutes(app: FastifyInstance, deps: ReaderDeps): void {
  app.get<{ Params: { token: string } }>('/preview/:token', async (request, reply) => {
    const article = await articleForPreview(deps.services, request.params.token);
    const ctx = await readerContext(deps, article.lang);
    const data = await loadArticlePage(deps.services, { ...article, commentsOpen: false });
    // An unpublished article has no date yet: show the moment of the preview.
    const shown = { ...data.article, publishedAt: data.article.publishedAt ?? new Date().toISOString() };
    const view = presentArticlePage({ ...data, article: shown }, ctx.present, {
      token: '',
      honeypotName: HONEYPOT_FIELD,
    });
    const html = renderArticlePage(
      ctx.site(),
      {
        title: `${article.title || '…'} – ${ctx.settings.name}`,
        description: excerptOf(article),
        canonical: view.canonical,
        noindex: true,
      },
      view,
    );
    return reply
      .header('cache-control', 'private, no-store')
      .header('x-robots-tag', 'noindex, nofollow')
      .header('referrer-policy', 'no-referrer')
      .type('text/html; charset=utf-8')
      .send(html);
  });
}
