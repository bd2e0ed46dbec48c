// Article requests as the browser sends them. A field a form sends once is refused when given
// twice (400, nothing runs); a filter with a value no form offers is ignored, as a link with a
// stale filter should still open the list.
import { z } from 'zod';
import { ArticleForm } from '../../../services/articles/input.ts';
import { INTENTS, type Intent } from '../../../services/articles/save-article.ts';

export const ArticleParams = z.object({ id: z.coerce.number().int().positive() });
export const RevisionParams = z
  .object({ rid: z.coerce.number().int().positive() })
  .transform(({ rid }) => ({ id: rid }));

const word = z.string().max(200).optional();

/** The page the editor shows after a step: which one was done, or the preview link made. */
export const EditorQuery = z.object({
  done: word,
  preview: word.transform((v) => (v && /^\/preview\/[A-Za-z0-9_-]+$/.test(v) ? v : '')),
});

/** The version the form started from; anything else than a whole number can only be stale. */
const version = z
  .preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().max(20).optional())
  .transform((v) => {
    const n = Number(v ?? Number.NaN);
    return Number.isInteger(n) ? n : -1;
  });

export const EditorForm = ArticleForm.extend({
  version,
  /** The button pressed; an unknown one saves. */
  intent: z
    .string()
    .max(40)
    .optional()
    .transform((v): Intent => (INTENTS.includes(v as Intent) ? (v as Intent) : 'save')),
});
export type EditorForm = z.output<typeof EditorForm>;

export const AutosaveForm = ArticleForm.extend({ version });
