// The article list's requests: the filters, search, sort and page of the GET form (a value no
// form offers is ignored, so a stale link still opens the list), and the bulk form's POST.
import { canonicalLanguage } from '../../../core/languages/tags.ts';
import { z } from 'zod';
import { ARTICLE_STATUSES, type ArticleStatus } from '../../../core/types.ts';
import { MAX_BULK } from '../../../services/articles/bulk.ts';
import { LIST_SORTS, type ListSort } from '../../../services/articles/list.ts';

const word = z.string().max(200).optional();
const positive = (v: string | undefined) => {
  const n = Number(v);
  return v && Number.isInteger(n) && n > 0 ? n : undefined;
};

export const ListQuery = z.object({
  status: word.transform((v) =>
    ARTICLE_STATUSES.includes(v as ArticleStatus) ? (v as ArticleStatus) : undefined,
  ),
  section: word.transform(positive),
  author: word.transform(positive),
  // ar/fr/en or a further edition's tag (as the filter's options write it); anything else: no filter.
  lang: word.transform((v) =>
    v && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(v) ? (canonicalLanguage(v) ?? undefined) : undefined,
  ),
  q: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() !== '' && v.length <= 200 ? v.trim() : undefined)),
  sort: word.transform((v) => (LIST_SORTS.includes(v as ListSort) ? (v as ListSort) : undefined)),
  dir: word.transform((v) => (v === 'asc' || v === 'desc' ? v : undefined)),
  page: word.transform((v) => {
    const n = positive(v);
    return n !== undefined && n <= 10_000 ? n : 1;
  }),
});
export type ListQuery = z.output<typeof ListQuery>;

const id = z.string().max(20);

/**
 * The bulk form. `ids` is the one field that may come several times (the row checkboxes); an
 * id that is not a whole number, or an action, section or tag no form offers, is refused by
 * the route with the field named (400) and nothing done.
 */
export const BulkForm = z.object({
  action: z.string().max(40).default(''),
  ids: z
    .union([id, z.array(id).max(MAX_BULK)])
    .default([])
    .transform((v) => (Array.isArray(v) ? v : [v])),
  section: id.default(''),
  tag: id.default(''),
});
