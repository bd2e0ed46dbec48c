// Content API input, parsed at the boundary. Unknown parameters, repeated parameters, limits
// over the maximum and malformed cursors are refused with 400 rather than silently ignored, so
// a client's typo never looks like an empty result.
import { z } from 'zod';
import { MidadError } from '../../core/errors.ts';
import { MAX_QUERY_CHARS } from '../reader/search-schema.ts';

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
const day = z.iso
  .date({ error: 'Use YYYY-MM-DD.' })
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

// An edition's tag as the site writes it (ar, fr, en, fa, ha-Arab); one the site does not publish
// simply finds nothing, as before for ar/fr/en.
const edition = z
  .string()
  .max(40)
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag such as ar, fr, en or fa');

export const ArticleListParams = z
  .object({
    lang: edition.optional().describe('Only articles in this edition: ar, fr, en or a further one (fa).'),
    section: slug.optional().describe('Section slug; includes its subsections.'),
    tag: slug.optional().describe('Tag slug.'),
    author: slug.optional().describe('Author slug.'),
    from: day.optional().describe('Published on or after this day (UTC), YYYY-MM-DD.'),
    to: day.optional().describe('Published on or before this day (UTC), YYYY-MM-DD.'),
    limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT).describe('Page size.'),
    cursor: z.string().min(1).max(200).optional().describe('next_cursor of the previous page.'),
    fields: fields
      .optional()
      .describe(`Comma-separated subset of: ${ARTICLE_FIELDS.join(', ')}. id is always included.`),
  })
  .strict();
export type ArticleListParams = z.infer<typeof ArticleListParams>;

export const ArticleRefParams = z
  .object({ ref: z.string().min(1).max(300).describe('Numeric id, or slug (with `lang`).') })
  .strict();

export const ArticleLookupQuery = z
  .object({
    lang: edition.optional().describe("Edition of a slug; defaults to the site's main edition."),
  })
  .strict();

export const SEARCH_MAX_LIMIT = 50;
export const SEARCH_DEFAULT_LIMIT = 10;

/**
 * /api/v1/search. Unlike the reader's search page, which shows a page whatever the URL holds,
 * the API refuses what it would otherwise have to guess: an unknown or repeated parameter, a
 * limit out of range, a query longer than the search reads.
 */
export const SearchQueryParams = z
  .object({
    q: z
      .string()
      .max(MAX_QUERY_CHARS)
      .refine((q) => q.trim() !== '', 'Give the words to search for.')
      .describe(`Search text, 1 to ${MAX_QUERY_CHARS} characters.`),
    lang: edition.optional().describe('Only articles in this edition: ar, fr, en or a further one (fa).'),
    section: slug.optional().describe('Section slug; includes its subsections.'),
    author: slug.optional().describe('Author slug.'),
    from: day.optional().describe('Published on or after this day (UTC), YYYY-MM-DD.'),
    to: day.optional().describe('Published on or before this day (UTC), YYYY-MM-DD.'),
    sort: z.enum(['relevance', 'date']).default('relevance').describe('Best matches first, or newest first.'),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(SEARCH_MAX_LIMIT)
      .default(SEARCH_DEFAULT_LIMIT)
      .describe('Page size.'),
    cursor: z.string().min(1).max(200).optional().describe('next_cursor of the previous page.'),
  })
  .strict();
export type SearchQueryParams = z.infer<typeof SearchQueryParams>;

export const NoParams = z.object({}).strict();

/**
 * A `lang` parameter must name an edition the site has (ar/fr/en, or a further one switched on),
 * refused as a schema refusal would be; `editions` comes from the settings at request time.
 */
export function checkEditionParam(lang: string | undefined, editions: readonly string[]): void {
  if (lang === undefined || editions.includes(lang)) return;
  throw new BadRequest('invalid_parameter', `lang: not an edition of this site (${editions.join(', ')}).`);
}

/** Parses or throws BadRequest naming the first problem, in words a client developer can act on. */
export function parseOr400<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : '';
  if (issue?.code === 'unrecognized_keys') {
    throw new BadRequest('unknown_parameter', `Unknown parameter: ${issue.keys.join(', ')}.`);
  }
  const given =
    issue?.path.length === 1 ? (value as Record<PropertyKey, unknown>)[issue.path[0]!] : undefined;
  // Fastify reads ?q=a&q=b as an array; say so rather than "expected string".
  const message = Array.isArray(given) ? 'given more than once.' : (issue?.message ?? 'Invalid input.');
  throw new BadRequest('invalid_parameter', `${where ? `${where}: ` : ''}${message}`);
}
