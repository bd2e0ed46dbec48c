// Comment moderation: status changes in bulk and replies from staff. Every change is audited.
import { Invalid, NotFound } from '../core/errors.ts';
import type { CommentStatus, Person } from '../core/types.ts';
import type { Services } from './context.ts';
import type { ContentEvent } from './events.ts';
import { COMMENT_LIMITS } from './comments.ts';

export const MODERATION_ACTIONS = ['approve', 'spam', 'trash', 'restore'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

const TARGET: Record<ModerationAction, CommentStatus> = {
  approve: 'approved',
  spam: 'spam',
  trash: 'trash',
  restore: 'pending',
};

/** Applies one action to several comments in one transaction; returns how many changed. */
export async function moderateComments(
  services: Services,
  input: { ids: number[]; action: ModerationAction; by: Person; ipHash: string },
): Promise<number> {
  const status = TARGET[input.action];
  const events: ContentEvent[] = [];
  const count = await services.transaction(async (repos) => {
    let changed = 0;
    for (const id of new Set(input.ids)) {
      const comment = await repos.comments.byId(id);
      if (!comment || comment.status === status) continue;
      await repos.comments.setStatus(id, status);
      await repos.audit.record({
        personId: input.by.id,
        action: `comment.${input.action}`,
        targetType: 'comment',
        targetId: String(id),
        details: { articleId: comment.articleId, from: comment.status },
        ipHash: input.ipHash,
      });
      changed++;
      const shownBefore = comment.status === 'approved';
      const shownAfter = status === 'approved';
      if (shownBefore !== shownAfter) {
        events.push({
          type: 'comment',
          change: shownAfter ? 'shown' : 'removed',
          articleId: comment.articleId,
          commentId: id,
        });
      }
    }
    return changed;
  });
  for (const event of events) await services.events.emit(event);
  return count;
}

/** A reply published at once under the staff member's name. */
export async function replyAsStaff(
  services: Services,
  input: { parentId: number; body: string; by: Person },
): Promise<number> {
  const body = input.body.replace(/\r\n?/g, '\n').trim();
  if (body === '' || Array.from(body).length > COMMENT_LIMITS.body)
    throw new Invalid('The reply is empty or too long.');
  const { articleId, replyId } = await services.transaction(async (repos) => {
    const parent = await repos.comments.byId(input.parentId);
    if (!parent) throw new NotFound('No such comment.');
    // Replying approves the comment replied to: staff would not answer a comment they reject.
    if (parent.status !== 'approved') await repos.comments.setStatus(parent.id, 'approved');
    const reply = await repos.comments.create({
      articleId: parent.articleId,
      parentId: parent.id,
      status: 'approved',
      authorName: input.by.name,
      authorEmail: input.by.email,
      personId: input.by.id,
      body,
    });
    return { articleId: parent.articleId, replyId: reply.id };
  });
  await services.events.emit({ type: 'comment', change: 'shown', articleId, commentId: replyId });
  return replyId;
}
