// A reply from staff (editors and admins), published at once under their name. Replying approves
// the comment replied to: staff would not answer a comment they reject.
import { z } from 'zod';
import { Invalid, NotFound } from '../../core/errors.ts';
import { authorize } from '../../core/policies/index.ts';
import { parseInput } from '../../core/validation.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';
import { COMMENT_LIMITS } from './submit-comment.ts';

export const ReplyAsStaffInput = z.object({
  parentId: z.number().int().positive(),
  /** Longer than any comment may be is refused by the rule below, as an empty reply is. */
  body: z.string().max(10_000),
});
export type ReplyAsStaffInput = z.input<typeof ReplyAsStaffInput>;

/** Returns the reply's id. */
export async function replyAsStaff(
  services: Services,
  actor: Actor,
  input: ReplyAsStaffInput,
): Promise<number> {
  authorize(actor.person, { kind: 'comment.moderate' });
  const data = parseInput(ReplyAsStaffInput, input);
  const body = data.body.replace(/\r\n?/g, '\n').trim();
  if (body === '' || Array.from(body).length > COMMENT_LIMITS.body) {
    throw new Invalid('The reply is empty or too long.', { body: body === '' ? 'missing' : 'too_long' });
  }
  const { person } = actor;
  const { articleId, replyId } = await services.transaction(async (trx) => {
    const parent = await trx.comments.byId(data.parentId);
    if (!parent) throw new NotFound('No such comment.');
    if (parent.status !== 'approved') await trx.comments.setStatus(parent.id, 'approved');
    const reply = await trx.comments.create({
      articleId: parent.articleId,
      parentId: parent.id,
      status: 'approved',
      authorName: person.name,
      authorEmail: person.email,
      personId: person.id,
      body,
    });
    await recordAudit(trx, actor, {
      action: 'comment.replied',
      targetType: 'comment',
      targetId: reply.id,
      details: { articleId: parent.articleId, parentId: parent.id, from: parent.status },
    });
    return { articleId: parent.articleId, replyId: reply.id };
  });
  await services.events.emit({ type: 'comment', change: 'shown', articleId, commentId: replyId });
  return replyId;
}
