// The article page view: the article, its authors, related articles and the comment thread.
import { directionOf } from '../../core/languages/direction.ts';
import { commentTextToHtml } from '../../core/html-policy.ts';
import { format } from '../../core/i18n.ts';
import { sectionName } from '../../core/article-text.ts';
import type { Comment } from '../../core/types.ts';
import { COMMENT_LIMITS } from '../../services/comments/submit-comment.ts';
import type { ArticleData } from '../../services/reader.ts';
import { renderBody } from './body/render-body.ts';
import { presentArticleNotes } from './corrections-presenter.ts';
import {
  authorLinks,
  type PresentContext,
  presentCards,
  presentDate,
  presentImage,
  readingTime,
  sectionLink,
  shareLinks,
} from './presenters.ts';
import { articlePath, authorPath, commentsPath, sectionPath, tagPath } from './urls.ts';
import type { ArticlePageView, CommentFormView, CommentView } from './view-models.ts';

export const MAX_COMMENT_DEPTH = 3;

export interface CommentFormState {
  values?: Partial<CommentFormView['values']>;
  /** Field → i18n message key. */
  errors?: Record<string, string>;
  notice?: CommentFormView['notice'];
  replyTo?: number | null;
  token: string;
  honeypotName: string;
}

export function presentArticlePage(
  data: ArticleData,
  ctx: PresentContext,
  form: CommentFormState,
): ArticlePageView {
  const { article, authors } = data;
  const lang = article.lang;
  const canonical = `${ctx.baseUrl}${articlePath(article)}`;
  const reading = readingTime(article);
  const updated =
    article.publishedAt &&
    article.updatedAt > article.publishedAt &&
    isLater(article.updatedAt, article.publishedAt)
      ? presentDate(article.updatedAt, ctx)
      : null;
  const comments = threadComments(data.comments, ctx);
  const replyTarget = form.replyTo ? data.comments.find((c) => c.id === form.replyTo) : undefined;

  return {
    id: article.id,
    lang,
    textLang: article.textLang,
    dir: directionOf(article.textLang),
    canonical,
    title: article.title,
    dek: article.dek,
    section: sectionLink(data.section, ctx),
    breadcrumb: data.sectionTrail.map((s) => ({
      href: sectionPath(lang, s.slug),
      label: sectionName(s, ctx.lang, ctx.ui),
    })),
    image: presentImage(article.featuredMediaId === null ? null : data.media.get(article.featuredMediaId)),
    authors: authorLinks(authors, lang),
    published: presentDate(article.publishedAt ?? article.createdAt, ctx),
    updated,
    readingMinutes: reading.minutes,
    readingTimeLabel: reading.label(ctx.t),
    bodyHtml: renderBody(article.bodyHtml, { lang, t: ctx.t, baseUrl: ctx.baseUrl }),
    notes: presentArticleNotes(data.corrections, ctx),
    tags: data.tags.map((t) => ({ href: tagPath(lang, t.slug), label: t.name })),
    share: shareLinks(article.title, canonical, ctx.t),
    authorBoxes: authors.map((p) => ({
      name: p.name,
      href: authorPath(lang, p.slug),
      bio: p.bio,
      avatar: presentImage(p.avatarMediaId === null ? null : data.media.get(p.avatarMediaId)),
    })),
    related: presentCards(data.related.articles, data.related, ctx),
    comments,
    commentCount: data.comments.length,
    commentForm: {
      action: commentsPath(article),
      open: article.commentsOpen,
      values: {
        name: form.values?.name ?? '',
        email: form.values?.email ?? '',
        body: form.values?.body ?? '',
        parentId: replyTarget ? String(replyTarget.id) : '',
      },
      errors: translateErrors(form.errors ?? {}, ctx),
      notice: form.notice ?? null,
      token: form.token,
      replyingTo: replyTarget
        ? {
            id: replyTarget.id,
            authorName: replyTarget.authorName,
            cancelHref: `${articlePath(article)}#respond`,
          }
        : null,
      replyHrefBase: `${articlePath(article)}?replyto=`,
      honeypotName: form.honeypotName,
      limits: { ...COMMENT_LIMITS },
    },
    isBreaking: article.isBreaking,
    translations: data.translations.map((t) => ({ href: articlePath(t), label: t.title, lang: t.lang })),
  };
}

/**
 * Builds the reply tree. A reply to a comment already at the maximum depth is shown right
 * after it at the same depth, so deep threads stay readable on a phone.
 */
export function threadComments(comments: Comment[], ctx: PresentContext): CommentView[] {
  const views = new Map<number, CommentView>();
  const container = new Map<number, CommentView[]>();
  const roots: CommentView[] = [];
  for (const c of comments) {
    const parent = c.parentId === null ? undefined : views.get(c.parentId);
    const depth = parent ? Math.min(parent.depth + 1, MAX_COMMENT_DEPTH) : 0;
    const view: CommentView = {
      id: c.id,
      authorName: c.authorName,
      bodyHtml: commentTextToHtml(c.body),
      created: presentDate(c.createdAt, ctx),
      replies: [],
      depth,
      kind: c.kind,
      sourceUrl: c.kind !== 'comment' && /^https?:\/\/[^\s"<>]+$/i.test(c.authorUrl) ? c.authorUrl : null,
    };
    const list = !parent
      ? roots
      : parent.depth < MAX_COMMENT_DEPTH
        ? parent.replies
        : (container.get(parent.id) ?? roots);
    list.push(view);
    views.set(c.id, view);
    container.set(c.id, list);
  }
  return roots;
}

function translateErrors(errors: Record<string, string>, ctx: PresentContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, key] of Object.entries(errors)) {
    const template = (ctx.t as Record<string, string>)[key] ?? key;
    const max = COMMENT_LIMITS[field as keyof typeof COMMENT_LIMITS];
    out[field] = format(template, { max: max ?? '' });
  }
  return out;
}

function isLater(a: string, b: string): boolean {
  // An edit within a few minutes of publication is a correction of the launch, not an update.
  return new Date(a).getTime() - new Date(b).getTime() > 10 * 60 * 1000;
}
