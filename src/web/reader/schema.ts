// Reader request input, parsed at the boundary. A malformed page number or id is simply a
// page that does not exist.
import { z } from 'zod';
import { NotFound } from '../../core/errors.ts';

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export type PageQuery = z.infer<typeof PageQuery>;

export const ArticleParams = z.object({
  id: z
    .string()
    .regex(/^\d{1,12}$/)
    .transform(Number),
  slug: z.string().optional(),
});
export type ArticleParams = z.infer<typeof ArticleParams>;

export const ArticleQuery = z.object({
  replyto: z.coerce.number().int().positive().optional().catch(undefined),
  comment: z.enum(['held', 'published']).optional().catch(undefined),
});
export type ArticleQuery = z.infer<typeof ArticleQuery>;

// The comment form as the browser sends it: each field once, as text. Lengths a reader can
// type past are left to the comment's own rules, which show the form again with the text kept.
const formText = (max: number) => z.string().max(max).default('');

export const CommentForm = z
  .object({
    name: formText(2_000),
    email: formText(2_000),
    body: formText(60_000),
    parent_id: formText(40),
    token: formText(500),
    website: formText(2_000),
  })
  .strict();
export type CommentForm = z.infer<typeof CommentForm>;

export function parseOr404<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new NotFound('No such page.');
  return result.data;
}
