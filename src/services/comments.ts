// Posting a reader's comment: the rules a comment must meet, whether it is held for
// moderation, and the write itself.
import type { MessageKey } from '../core/i18n.ts';
import { Invalid, TooManyRequests } from '../core/errors.ts';
import type { Article, Comment } from '../core/types.ts';
import type { Repositories } from '../db/repositories/contract.ts';
import { checkFormToken, hashIp, HONEYPOT_FIELD } from './comment-guard.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { SiteSettings } from './settings.ts';

export const COMMENT_LIMITS = { name: 80, email: 254, body: 5000 } as const;
const MIN_BODY_CHARS = 2;
// Practical check (something@domain.tld); the address is never mailed to without confirmation.
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>".]{2,}$/u;

export interface CommentSubmission {
  article: Article;
  parentId: string;
  name: string;
  email: string;
  body: string;
  token: string;
  honeypot: string;
  ip: string;
}

export interface CommentOutcome {
  comment: Comment;
  held: boolean;
}

/** Invalid.fields maps a field (or "form") to a message key of core/i18n. */
export class CommentRefused extends Invalid {
  constructor(readonly reasons: Record<string, MessageKey>) {
    super('The comment was refused.', reasons);
  }
}

export async function submitComment(
  deps: { repos: Pick<Repositories, 'comments'>; settings: SiteSettings; limiter: RateLimiter; now?: Date },
  input: CommentSubmission,
): Promise<CommentOutcome> {
  const now = deps.now ?? new Date();
  const { article } = input;
  if (!article.commentsOpen) throw new CommentRefused({ form: 'errClosed' });

  if (input.honeypot.trim() !== '') throw new CommentRefused({ form: 'errBot' });
  const token = checkFormToken(deps.settings.secret, input.token, article.id, now.getTime());
  if (token === 'invalid') throw new CommentRefused({ form: 'errBot' });
  if (token === 'too-fast') throw new CommentRefused({ form: 'errTooFast' });
  if (token === 'expired') throw new CommentRefused({ form: 'errExpired' });

  const name = input.name.normalize('NFC').trim();
  const email = input.email.trim().toLowerCase();
  const body = input.body.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  const errors: Record<string, MessageKey> = {};
  if (name === '') errors.name = 'errRequired';
  else if (chars(name) > COMMENT_LIMITS.name) errors.name = 'errTooLong';
  if (email === '') errors.email = 'errRequired';
  else if (chars(email) > COMMENT_LIMITS.email || !EMAIL.test(email)) errors.email = 'errEmail';
  if (body === '') errors.body = 'errRequired';
  else if (chars(body) < MIN_BODY_CHARS) errors.body = 'errTooShort';
  else if (chars(body) > COMMENT_LIMITS.body) errors.body = 'errTooLong';

  let parentId: number | null = null;
  if (input.parentId.trim() !== '') {
    const parent = /^\d+$/.test(input.parentId.trim())
      ? await deps.repos.comments.byId(Number(input.parentId))
      : null;
    if (!parent || parent.articleId !== article.id || parent.status !== 'approved') errors.form = 'errParent';
    else parentId = parent.id;
  }
  if (Object.keys(errors).length > 0) throw new CommentRefused(errors);

  const ipHash = hashIp(deps.settings.secret, input.ip);
  // Counted only once the comment is otherwise acceptable, so typos don't use up the budget.
  if (!(await deps.limiter.hit(`comment:${ipHash}`, now.getTime()))) {
    throw new TooManyRequests('Too many comments from this address.');
  }

  const held = await needsModeration(deps.repos, deps.settings, email);
  const comment = await deps.repos.comments.create({
    articleId: article.id,
    parentId,
    status: held ? 'pending' : 'approved',
    authorName: name,
    authorEmail: email,
    body,
    ipHash,
    createdAt: now.toISOString(),
  });
  return { comment, held };
}

async function needsModeration(
  repos: Pick<Repositories, 'comments'>,
  settings: SiteSettings,
  email: string,
): Promise<boolean> {
  if (settings.commentModeration === 'none') return false;
  if (settings.commentModeration === 'all') return true;
  return !(await repos.comments.hasApprovedByEmail(email));
}

function chars(s: string): number {
  return Array.from(s).length;
}

export { HONEYPOT_FIELD };
