// The article page and its comment form. The form posts without JavaScript: a refused
// comment re-renders the page with the reader's text kept and the reasons shown; an accepted
// one redirects back (303) to the page with a notice.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { NotFound, TooManyRequests } from '../../core/errors.ts';
import { format, type MessageKey } from '../../core/i18n.ts';
import type { Article, Edition } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import { HONEYPOT_FIELD, issueFormToken } from '../../services/comment-guard.ts';
import { CommentRefused, submitComment } from '../../services/comments/submit-comment.ts';
import type { RateLimiter } from '../../services/rate-limit.ts';
import { loadArticlePage, loadPublishedArticle } from '../../services/reader.ts';
import { dependsOn } from '../cache/dependencies.ts';
import { frameTags, showsArticle, showsArticles, showsMedia, tags } from '../cache/tags.ts';
import { feedDiscovery } from '../feeds/discovery.ts';
import { articleHeadMeta } from './meta/page-meta.ts';
import { type CommentFormState, presentArticlePage } from './article-presenter.ts';
import { EditionElsewhere, type ReaderContext, type ReaderDeps, readerContext } from './context.ts';
import { type EditionMount, forEdition } from './edition-route.ts';
import { mostReadBlock } from './most-read-block.ts';
import { excerptOf } from './presenters.ts';
import { ArticleParams, ArticleQuery, CommentForm, parseOr404 } from './schema.ts';
import { articlePath } from './urls.ts';
import { renderArticlePage } from './views/render.ts';
import { formatKilobytes, rememberedPageWeight } from './pwa/page-weight.ts';
import { liveOnPage, withLive } from './live/page.ts';

export interface ArticleRouteDeps extends ReaderDeps {
  commentLimiter: RateLimiter;
}

export function registerArticleRoutes(
  app: FastifyInstance,
  deps: ArticleRouteDeps,
  mount: EditionMount,
): void {
  const { services } = deps;
  const { prefix } = mount;

  const handler = forEdition(deps, mount, async (request, reply, lang) => {
    const params = parseOr404(ArticleParams, request.params);
    const query = parseOr404(ArticleQuery, request.query);
    const article = await loadPublishedArticle(services, params.id);
    // An article in a language the site does not publish in is not found, whatever the address
    // (it is not sent to its canonical address first, nor on to the main language's edition).
    const ctx = await readerContext(deps, article.lang).catch((err: unknown) => {
      throw err instanceof EditionElsewhere ? new NotFound(err.message) : err;
    });
    const canonicalPath = articlePath(article);
    if (article.lang !== lang || params.slug === undefined || params.slug !== article.slug) {
      const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      return reply.redirect(`${canonicalPath}${search}`, 301);
    }
    const notice =
      query.comment === 'held'
        ? ({ kind: 'success', text: ctx.present.t.commentHeld } as const)
        : query.comment === 'published'
          ? ({ kind: 'success', text: ctx.present.t.commentPublished } as const)
          : null;
    // A page that carries a personal notice must not be stored by shared caches.
    if (notice) reply.header('cache-control', 'private, no-store');
    return sendArticle(deps, reply, ctx, article, { replyTo: query.replyto ?? null, notice }, 200);
  });

  app.get(`${prefix}/article/:id`, handler);
  app.get(`${prefix}/article/:id/:slug`, handler);

  app.post(
    `${prefix}/article/:id/comments`,
    forEdition(deps, mount, async (request, reply) => {
      const { id } = parseOr404(ArticleParams, request.params);
      const article = await loadPublishedArticle(services, id);
      const form = parseInput(CommentForm, request.body);
      // Before anything is written: a language the site does not publish in is a 404.
      const ctx = await readerContext(deps, article.lang);
      try {
        const outcome = await submitComment(
          services,
          { limiter: deps.commentLimiter },
          {
            articleId: article.id,
            parentId: form.parent_id,
            name: form.name,
            email: form.email,
            body: form.body,
            token: form.token,
            honeypot: form.website,
            ip: request.ip,
          },
        );
        const target = outcome.held
          ? `${articlePath(article)}?comment=held#respond`
          : `${articlePath(article)}?comment=published#comment-${outcome.comment.id}`;
        return reply.redirect(target, 303);
      } catch (err) {
        if (!(err instanceof CommentRefused) && !(err instanceof TooManyRequests)) throw err;
        const errors: Record<string, MessageKey> =
          err instanceof CommentRefused ? err.reasons : { form: 'errRateLimited' };
        const { form: general, ...fields } = errors;
        reply.header('cache-control', 'private, no-store');
        return sendArticle(
          deps,
          reply,
          ctx,
          article,
          {
            replyTo: /^\d+$/.test(form.parent_id) ? Number(form.parent_id) : null,
            values: { name: form.name, email: form.email, body: form.body },
            errors: fields,
            notice: {
              kind: 'error',
              text: general
                ? `${ctx.present.t.commentRefused} ${ctx.present.t[general]}`
                : ctx.present.t.commentRefused,
            },
          },
          err instanceof TooManyRequests ? 429 : 422,
        );
      }
    }),
  );
}

async function sendArticle(
  deps: ReaderDeps,
  reply: FastifyReply,
  ctx: ReaderContext,
  article: Article,
  form: Omit<CommentFormState, 'token' | 'honeypotName'>,
  status: number,
): Promise<FastifyReply> {
  const data = await loadArticlePage(deps.services, article, ctx.sections);
  dependsOn(
    reply,
    frameTags(ctx.settings),
    showsArticle(article),
    article.translationGroup === null ? [] : tags.group(article.translationGroup),
    showsMedia(data.authors.map((p) => p.avatarMediaId)),
    tags.related(article.id),
    showsArticles(data.related.articles),
  );
  const view = presentArticlePage(data, ctx.present, {
    ...form,
    token: issueFormToken(ctx.settings.secret, article.id),
    honeypotName: HONEYPOT_FIELD,
  });
  view.mostRead = await mostReadBlock(deps.services, reply, ctx.settings, article.lang, article.id);
  const live = await liveOnPage(deps, ctx, article);
  if (live) view.live = live.view;
  const alternates: Partial<Record<Edition, string>> = {};
  for (const t of data.translations) alternates[t.lang] = articlePath(t);
  const site = ctx.site(alternates);
  const description = excerptOf(article);
  const html = renderArticlePage(
    site,
    {
      title: `${article.seoTitle || article.title} – ${ctx.settings.name}`,
      description,
      canonical: view.canonical,
      feeds: feedDiscovery(article.lang, ctx.settings.name),
      ...withLive(
        live,
        articleHeadMeta({ site, data, view, description, defaultLang: ctx.settings.defaultLang }),
      ),
    },
    view,
    (page) =>
      format(ctx.present.t.pageWeight, {
        n: formatKilobytes(
          rememberedPageWeight(`article:${article.id}`, page, deps.services.config.mediaRoot),
          site.lang,
        ),
      }),
  );
  // Encoded once here: a string would be measured for Content-Length, then encoded again on the
  // way out, each pass over the whole page.
  return reply.code(status).type('text/html; charset=utf-8').send(Buffer.from(html));
}
