// The write API's requests and answers as zod schemas: the routes parse with these very
// schemas and the OpenAPI operations (operations.ts) describe them. Bodies are strict: an
// unknown field is refused with its name, never ignored, so a client's typo never looks saved.
import { z } from 'zod';
import { ARTICLE_STATUSES, COMMENT_STATUSES } from '../../../core/types.ts';
import type { ArticleChanges } from '../../../services/articles/patch-article.ts';

// ar, fr, en, or a further edition the site has switched on (checked when saved).
const lang = z
  .string()
  .max(40)
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag')
  .describe('The edition: ar, fr, en, or a further edition the site has (fa, ha-Arab).');
const id = z.number().int().positive();
const instant = z.string().describe('ISO 8601, UTC.');

/** Tags are given by name; new names make new tags, as in the editor. */
const tagName = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .regex(/^[^,،;\n]+$/, 'A tag name holds no comma, semicolon or line break.');

const articleFields = {
  title: z.string().max(2000).describe('Up to 300 characters once cleaned; required to publish.'),
  slug: z.string().max(2000).describe('Empty: made from the title.'),
  dek: z.string().max(5000).describe('Up to 400 characters.'),
  body_html: z.string().max(2_000_000).describe('HTML; cleaned by the same rules as the editor.'),
  section_id: id.nullable(),
  tags: z.array(tagName).max(20),
  author_ids: z.array(id).min(1).max(20).describe('Byline in order; only editors may leave themselves off.'),
  featured_media_id: id.nullable(),
  is_featured: z.boolean(),
  is_breaking: z.boolean(),
  comments_open: z.boolean(),
  seo_title: z.string().max(2000).describe('Up to 120 characters.'),
  seo_description: z.string().max(5000).describe('Up to 320 characters.'),
};
const optionalFields = z.object(articleFields).partial().shape;

export const CreateArticleBody = z.strictObject({ lang, ...optionalFields });
export type CreateArticleBody = z.infer<typeof CreateArticleBody>;

/**
 * The bodies as a request is checked: `lang` must name an edition the site has (ar/fr/en, or a
 * further one switched on), refused in the same 400 as the other fields.
 */
export function bodiesFor(editions: readonly string[]) {
  const edition = z.enum([...new Set(['ar', 'fr', 'en', ...editions])] as [string, ...string[]]);
  return {
    create: CreateArticleBody.extend({ lang: edition }),
    update: UpdateArticleBody.extend({ lang: edition.optional() }),
  };
}

export const UpdateArticleBody = z.strictObject({
  version: z.number().int().min(0).describe('The version you read: a newer one on the site answers 409.'),
  lang: lang.optional(),
  ...optionalFields,
});
export type UpdateArticleBody = z.infer<typeof UpdateArticleBody>;

/** The language the article's text is written in: a BCP 47 tag the site publishes in. */
export const TextLanguageBody = z.strictObject({
  language: z.string().max(64).describe('A BCP 47 tag, e.g. "fa", "ur", "ha", "ff-Adlm".'),
});

/** Publishing and unpublishing take no fields: an empty body or `{}`. */
export const EmptyBody = z.strictObject({});

export const ArticleIdParams = z.strictObject({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
});

export const CommentListQuery = z.strictObject({
  status: z.enum(COMMENT_STATUSES).default('pending'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** Text fields beside the file of a media upload (multipart/form-data). */
export const MediaUploadFields = z.strictObject({
  alt: z.string().max(500).optional(),
  caption: z.string().max(2000).optional(),
  credit: z.string().max(300).optional(),
});

/** The changes a body asks for, in the editor form's terms (what the commands take). */
export function articleChanges(body: Omit<UpdateArticleBody, 'version'>): ArticleChanges {
  const { tags, ...rest } = body;
  return { ...rest, ...(tags ? { tags: tags.join(', ') } : {}) };
}

// Answers.

export const AdminArticleSchema = z.object({
  id: z.number().int(),
  lang,
  text_language: z
    .string()
    .describe('The language the text is written in (BCP 47); its lang and dir on pages.'),
  status: z.enum(ARTICLE_STATUSES),
  version: z.number().int().describe('Send it back with an update.'),
  title: z.string(),
  slug: z.string(),
  dek: z.string(),
  body_html: z.string(),
  section_id: id.nullable(),
  tags: z.array(z.string()),
  author_ids: z.array(id),
  featured_media_id: id.nullable(),
  is_featured: z.boolean(),
  is_breaking: z.boolean(),
  comments_open: z.boolean(),
  seo_title: z.string(),
  seo_description: z.string(),
  published_at: instant.nullable(),
  created_at: instant,
  updated_at: instant,
  url: z.string().nullable().describe('The public address once published.'),
});
export const AdminArticleAnswer = z.object({ data: AdminArticleSchema });

export const AdminMediaSchema = z.object({
  id: z.number().int(),
  url: z.string(),
  mime: z.string(),
  size: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  alt: z.string(),
  caption: z.string(),
  credit: z.string(),
  created_at: instant,
});
export const AdminMediaAnswer = z.object({ data: AdminMediaSchema });

export const AdminCommentSchema = z.object({
  id: z.number().int(),
  status: z.enum(COMMENT_STATUSES),
  article: z.object({ id: z.number().int(), title: z.string() }).nullable(),
  parent_id: id.nullable(),
  author_name: z.string(),
  author_email: z.string(),
  author_url: z.string(),
  body: z.string(),
  created_at: instant,
});
export const AdminCommentListAnswer = z.object({
  data: z.array(AdminCommentSchema),
  next_offset: z.number().int().nullable().describe('Offset of the next page; null on the last.'),
});
