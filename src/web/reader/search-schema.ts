// Search request input, parsed at the boundary. Nothing a reader can put in the URL is an
// error: a bad value falls back to its default, an overlong query is cut, and the page shows.
import { z } from 'zod';

/** Enough for any real query; the analyzer keeps at most a dozen words anyway. */
export const MAX_QUERY_CHARS = 500;

/** A repeated parameter (?q=a&q=b) arrives as an array: the first one counts. */
const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

const text = z.preprocess(first, z.string()).catch('');
const optionalSlug = z.preprocess(first, z.string().min(1).max(200).optional()).catch(undefined);
const day = z
  .preprocess(
    first,
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)))
      .optional(),
  )
  .catch(undefined);

export const SearchParams = z.object({
  q: text.transform((q) => q.slice(0, MAX_QUERY_CHARS)),
  page: z.preprocess(first, z.coerce.number().int().min(1).max(10_000)).catch(1),
  sort: z.preprocess(first, z.enum(['relevance', 'date'])).catch('relevance'),
  section: optionalSlug,
  author: optionalSlug,
  from: day,
  to: day,
});
export type SearchParams = z.infer<typeof SearchParams>;

/** Day bounds as ISO instants: `from` at the start of its day, `to` at the end of its day. */
export function dayBounds(params: { from?: string; to?: string }): { from?: string; to?: string } {
  return {
    ...(params.from ? { from: `${params.from}T00:00:00.000Z` } : {}),
    ...(params.to ? { to: `${params.to}T23:59:59.999Z` } : {}),
  };
}
