// Comment moderation (editors and admins): one action applied to several comments at once. Each
// comment that changes gets its audit row in the same transaction; after commit, the articles
// whose visible comments changed are announced.
import { z } from 'zod';
import { authorize } from '../../core/policies/index.ts';
import type { CommentStatus } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';
import type { ContentEvent } from '../events.ts';

export const MODERATION_ACTIONS = ['approve', 'spam', 'trash', 'restore'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

export function isModerationAction(value: string): value is ModerationAction {
  return (MODERATION_ACTIONS as readonly string[]).includes(value);
}

const TARGET: Record<ModerationAction, CommentStatus> = {
  approve: 'approved',
  spam: 'spam',
  trash: 'trash',
  restore: 'pending',
};

export const ModerateCommentsInput = z.object({
  ids: z.array(z.number().int().positive()).max(1000),
  action: z.enum(MODERATION_ACTIONS),
});
export type ModerateCommentsInput = z.input<typeof ModerateCommentsInput>;

/** Returns how many comments changed (those already in the target status are left alone). */
export async function moderateComments(
  services: Services,
  actor: Actor,
  input: ModerateCommentsInput,
): Promise<number> {
  authorize(actor.person, { kind: 'comment.moderate' });
  const { ids, action } = parseInput(ModerateCommentsInput, input);
  if (ids.length === 0) return 0;
  const status = TARGET[action];
  const events: ContentEvent[] = [];
  const count = await services.transaction(async (trx) => {
    let changed = 0;
    for (const id of new Set(ids)) {
      const comment = await trx.comments.byId(id);
      if (!comment || comment.status === status) continue;
      await trx.comments.setStatus(id, status);
      await recordAudit(trx, actor, {
        action: `comment.${action}`,
        targetType: 'comment',
        targetId: id,
        details: { articleId: comment.articleId, from: comment.status },
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
