// Moderation forms as the browser sends them. `ids` is the one field that may come several
// times (the bulk form's checkboxes); any other field given twice is a malformed form.
import { z } from 'zod';
import { isModerationAction, type ModerationAction } from '../../../services/comments/moderate-comments.ts';

export const CommentParams = z.object({ id: z.coerce.number().int().positive() });

/**
 * Null when the form names no known action or an id that is not a number: the queue comes back
 * with nothing changed, as it always has. Nothing ticked is an empty list.
 */
export const ModerateForm = z
  .object({
    action: z.string().max(40).default(''),
    ids: z
      .union([z.string().max(20), z.array(z.string().max(20)).max(1000)])
      .default([])
      .transform((v) => (Array.isArray(v) ? v : [v]).map(Number)),
  })
  .transform((form): { action: ModerationAction; ids: number[] } | null =>
    isModerationAction(form.action) && form.ids.every((id) => Number.isInteger(id) && id > 0)
      ? { action: form.action, ids: form.ids }
      : null,
  );

export const ReplyForm = z.object({ body: z.string().max(10_000).default('') });
