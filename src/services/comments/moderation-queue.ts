// What the moderation queue shows: the oldest pending comments, each with its article; and any
// status's comments for moderators using the write API.
import { authorize } from '../../core/policies/index.ts';
import type { Article, Comment, CommentStatus, Person } from '../../core/types.ts';
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

/**
 * Comments of one status, newest first, each with its article, for moderators (the write API's
 * list). `offset` pages through them.
 */
export async function commentsByStatus(
  services: Pick<Services, 'repos'>,
  person: Person,
  query: { status: CommentStatus; limit: number; offset: number },
): Promise<QueuedComment[]> {
  authorize(person, { kind: 'comment.moderate' });
  const { repos } = services;
  const comments = await repos.comments.listByStatus(query.status, query.limit, query.offset);
  const articles = new Map(
    (await repos.articles.byIds([...new Set(comments.map((c) => c.articleId))])).map((a) => [a.id, a]),
  );
  return comments.map((comment) => ({ comment, article: articles.get(comment.articleId) ?? null }));
}
