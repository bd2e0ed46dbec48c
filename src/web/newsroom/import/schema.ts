// The import form as the browser sends it (multipart fields, each at most once) and the run's id.
import { z } from 'zod';

const text = z.string().max(4096).optional();

export const ImportForm = z.object({
  _csrf: z.string().max(200).optional(),
  dry_run: z.string().max(10).optional(),
  skip_pingbacks: z.string().max(10).optional(),
  default_author: text,
  uploads_dir: text,
  category_base: text,
  tag_base: text,
});
export type ImportForm = z.output<typeof ImportForm>;

export const ImportRunParams = z.object({ id: z.coerce.number().int().positive() });
