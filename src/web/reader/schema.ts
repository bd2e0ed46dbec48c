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

export const CommentForm = z.object({
  name: z.string().default(''),
  email: z.string().default(''),
  body: z.string().default(''),
  parent_id: z.string().default(''),
  token: z.string().default(''),
  website: z.string().default(''),
});
export type CommentForm = z.infer<typeof CommentForm>;

export function parseOr404<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new NotFound('No such page.');
  return result.data;
}
