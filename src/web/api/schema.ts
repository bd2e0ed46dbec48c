// Content API input, parsed at the boundary. Unknown parameters, repeated parameters, limits
// over the maximum and malformed cursors are refused with 400 rather than silently ignored, so
// a client's typo never looks like an empty result.
import { z } from 'zod';
import { MidadError } from '../../core/errors.ts';
import { LANGUAGES } from '../../core/types.ts';

export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 20;

/** A request the API cannot answer as asked: 400 with a stable code. */
export class BadRequest extends MidadError {
  readonly status = 400;
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const slug = z.string().min(1).max(200);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD.')
  // Date.parse rolls 2026-02-30 over to March; a round trip catches days that do not exist.
  .refine((d) => {
    const time = Date.parse(`${d}T00:00:00Z`);
    return !Number.isNaN(time) && new Date(time).toISOString().startsWith(d);
  }, 'Not a calendar date.');

export const ARTICLE_FIELDS = [
  'id',
  'lang',
  'url',
  'title',
  'slug',
  'dek',
  'excerpt',
  'published_at',
  'updated_at',
  'section',
  'tags',
  'authors',
  'image',
  'is_breaking',
  'is_featured',
] as const;
export type ArticleField = (typeof ARTICLE_FIELDS)[number];

const fields = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((f) => f.trim())
      .filter((f) => f !== ''),
  )
  .pipe(z.array(z.enum(ARTICLE_FIELDS)).min(1));

export const ArticleListParams = z
  .object({
    lang: z.enum(LANGUAGES).optional(),
    section: slug.optional(),
    tag: slug.optional(),
    author: slug.optional(),
    from: day.optional(),
    to: day.optional(),
    limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT),
    cursor: z.string().min(1).max(200).optional(),
    fields: fields.optional(),
  })
  .strict();
export type ArticleListParams = z.infer<typeof ArticleListParams>;

export const ArticleRefParams = z.object({ ref: z.string().min(1).max(300) });

export const ArticleLookupQuery = z.object({ lang: z.enum(LANGUAGES).optional() }).strict();

export const NoParams = z.object({}).strict();

/** Parses or throws BadRequest naming the first problem, in words a client developer can act on. */
export function parseOr400<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : '';
  if (issue?.code === 'unrecognized_keys') {
    throw new BadRequest('unknown_parameter', `Unknown parameter: ${issue.keys.join(', ')}.`);
  }
  throw new BadRequest(
    'invalid_parameter',
    `${where ? `${where}: ` : ''}${issue?.message ?? 'Invalid input.'}`,
  );
}
