// A reader's comment: the rules a comment must meet, whether it is held for moderation, the
// write, and after commit the news that it shows on its article. Readers are not signed in, so
// there is no actor and no audit row: the comment row itself records the (hashed) address.
import { z } from 'zod';
import { Invalid, TooManyRequests } from '../../core/errors.ts';
import type { MessageKey } from '../../core/i18n.ts';
import type { Comment } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import type { Repositories } from '../../db/repositories/contract.ts';
import { checkFormToken, hashIp } from '../comment-guard.ts';
import type { Services } from '../context.ts';
import type { RateLimiter } from '../rate-limit.ts';
import { loadPublishedArticle } from '../reader.ts';
import { type SiteSettings, siteSettings } from '../settings.ts';

export const COMMENT_LIMITS = { name: 80, email: 254, body: 5000 } as const;
const MIN_BODY_CHARS = 2;
// Practical check (something@domain.tld); the address is never mailed to without confirmation.
const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>".]{2,}$/u;

// The bounds here only keep out what no form sends: text a reader can type past the limits above
// is refused by the rules below, with the page shown again and the text kept.
export const SubmitCommentInput = z.object({
  articleId: z.number().int().positive(),
  parentId: z.string().max(40),
  name: z.string().max(2_000),
  email: z.string().max(2_000),
  body: z.string().max(60_000),
  token: z.string().max(500),
  honeypot: z.string().max(2_000),
  ip: z.string().max(100),
});
export type SubmitCommentInput = z.input<typeof SubmitCommentInput>;

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

export interface CommentGuard {
  /** Comments per hashed address. */
  limiter: RateLimiter;
  now?: Date;
}

export async function submitComment(
  services: Pick<Services, 'repos' | 'transaction' | 'events'>,
  guard: CommentGuard,
  input: SubmitCommentInput,
): Promise<CommentOutcome> {
  const data = parseInput(SubmitCommentInput, input);
  const now = guard.now ?? new Date();
  const article = await loadPublishedArticle(services, data.articleId, now);
  if (!article.commentsOpen) throw new CommentRefused({ form: 'errClosed' });
  const settings = await siteSettings(services);

  if (data.honeypot.trim() !== '') throw new CommentRefused({ form: 'errBot' });
  const token = checkFormToken(settings.secret, data.token, article.id, now.getTime());
  if (token === 'invalid') throw new CommentRefused({ form: 'errBot' });
  if (token === 'too-fast') throw new CommentRefused({ form: 'errTooFast' });
  if (token === 'expired') throw new CommentRefused({ form: 'errExpired' });

  const name = data.name.normalize('NFC').trim();
  const email = data.email.trim().toLowerCase();
  const body = data.body.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  const errors: Record<string, MessageKey> = {};
  if (name === '') errors.name = 'errRequired';
  else if (chars(name) > COMMENT_LIMITS.name) errors.name = 'errTooLong';
  if (email === '') errors.email = 'errRequired';
  else if (chars(email) > COMMENT_LIMITS.email || !EMAIL.test(email)) errors.email = 'errEmail';
  if (body === '') errors.body = 'errRequired';
  else if (chars(body) < MIN_BODY_CHARS) errors.body = 'errTooShort';
  else if (chars(body) > COMMENT_LIMITS.body) errors.body = 'errTooLong';

  let parentId: number | null = null;
  if (data.parentId.trim() !== '') {
    const parent = /^\d{1,12}$/.test(data.parentId.trim())
      ? await services.repos.comments.byId(Number(data.parentId))
      : null;
    if (!parent || parent.articleId !== article.id || parent.status !== 'approved') errors.form = 'errParent';
    else parentId = parent.id;
  }
  if (Object.keys(errors).length > 0) throw new CommentRefused(errors);

  const ipHash = hashIp(settings.secret, data.ip);
  // Counted only once the comment is otherwise acceptable, so typos don't use up the budget.
  if (!(await guard.limiter.hit(`comment:${ipHash}`, now.getTime()))) {
    throw new TooManyRequests('Too many comments from this address.');
  }

  const outcome = await services.transaction(async (trx) => {
    const held = await needsModeration(trx, settings, email);
    const comment = await trx.comments.create({
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
  });
  if (!outcome.held) {
    await services.events.emit({
      type: 'comment',
      change: 'shown',
      articleId: article.id,
      commentId: outcome.comment.id,
    });
  }
  return outcome;
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
