// Live coverage forms as the browser sends them. Text rules are the command's (so its refusal
// names the reason); here only the shape: a field given twice or past its size is a 400.
import { z } from 'zod';

export const ArticleParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
});
export const EntryParams = z
  .object({
    id: z.coerce
      .number()
      .int()
      .positive()
      .max(2 ** 31),
    eid: z.coerce
      .number()
      .int()
      .positive()
      .max(2 ** 31),
  })
  .transform(({ id, eid }) => ({ entryId: eid, articleId: id }));

const MediaChoice = z
  .string()
  .max(12)
  .optional()
  .transform((v) => (v && /^\d{1,10}$/.test(v) && Number(v) > 0 ? Number(v) : null));

export const AddEntryForm = z.object({
  body: z.string().max(200_000).default(''),
  media_id: MediaChoice,
  pinned: z.string().max(10).optional(),
  key: z.string().max(100).default(''),
});

export const EditEntryForm = z.object({ body: z.string().max(200_000).default('') });
export const PinForm = z.object({ pinned: z.string().max(10).optional() });
export const LiveQuery = z.object({ done: z.string().max(40).optional() });
