// Correction forms as the browser sends them. The text's length rules are the command's, so
// its refusal can name the reason; here only the shape (a field given twice is a 400).
import { z } from 'zod';
import { CORRECTION_KINDS, CORRECTION_MAX_LENGTH } from '../../../core/corrections.ts';

export const ArticleParams = z.object({ id: z.coerce.number().int().positive() });
export const CorrectionParams = z
  .object({ id: z.coerce.number().int().positive(), cid: z.coerce.number().int().positive() })
  .transform(({ id, cid }) => ({ id: cid, articleId: id }));

export const CorrectionForm = z.object({
  // A kind no form offers is taken as a correction, the stricter of the two.
  kind: z
    .string()
    .max(40)
    .optional()
    .transform((v) =>
      CORRECTION_KINDS.includes(v as 'update') ? (v as 'correction' | 'update') : 'correction',
    ),
  body: z
    .string()
    .max(CORRECTION_MAX_LENGTH * 20)
    .default(''),
});

export const CorrectionsQuery = z.object({
  done: z.string().max(40).optional(),
});
