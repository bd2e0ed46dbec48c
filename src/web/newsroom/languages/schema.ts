// The languages form as the browser sends it: one tag and one fallback per row (repeated
// fields arrive as arrays, a single row as strings).
import { z } from 'zod';

const many = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));

export const LanguagesForm = z.object({
  tag: many.default([]),
  fallback: many.default([]),
  /** "own" for a language with an edition of its own, "" otherwise (one per row, like the others). */
  edition: many.default([]),
});

/** Moving a language's articles into its edition: the language's tag. */
export const MoveForm = z.object({ tag: z.string().max(64) });
