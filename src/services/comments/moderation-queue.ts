// What the moderation queue shows: the oldest pending comments, each with its article.
import type { Article, Comment } from '../../core/types.ts';
import type { Services } from '../context.ts';

export interface QueuedComment {
  comment: Comment;
  /** Null when the article is gone. */
  article: Article | null;
}

export async function pendingComments(
  services: Pick<Services, 'repos'>,
  limit = 100,
): Promise<QueuedComment[]> {
  const { repos } = services;
  const pending = await repos.comments.listByStatus('pending', limit);
  const articles = new Map(
    (await repos.articles.byIds([...new Set(pending.map((c) => c.articleId))])).map((a) => [a.id, a]),
  );
  return pending.map((comment) => ({ comment, article: articles.get(comment.articleId) ?? null }));
}
