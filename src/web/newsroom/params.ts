// Ids in newsroom paths: a malformed one names nothing, so it is a 404 like an unknown id.
import type { z } from 'zod';
import { NotFound } from '../../core/errors.ts';

export function idParam(schema: z.ZodType<{ id: number }>, params: unknown): number {
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw new NotFound('No such item.');
  return parsed.data.id;
}
