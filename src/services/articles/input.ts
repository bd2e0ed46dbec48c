// What the editor sends, checked before anything is written. Problems are reported per field
// with message keys the newsroom shows next to the field.
import { z } from 'zod';
import { sanitizeArticleHtml } from '../../core/html-policy.ts';
import { isValidSlug, SLUG_MAX_CHARS, slugify } from '../../core/slug.ts';
import { canonicalLanguage } from '../../core/languages/tags.ts';
import { type Edition, LANGUAGES, type Lang } from '../../core/types.ts';

// A field a form sends once is refused when repeated (an array), never quietly replaced by a
// default: the refusal names it, and nothing is written.
const checkbox = z.preprocess(
  (v) => (Array.isArray(v) ? v : v === 'on' || v === '1' || v === 'true' || v === true),
  z.boolean(),
);
const optionalId = z
  .preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().max(40).nullish())
  .transform((v) => (v === undefined || v === null || v === '' ? null : Number(v)))
  .pipe(z.number().int().positive().nullable().catch(null));
const idList = z.preprocess(
  (v) => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]).map(Number),
  z.array(z.number().int().positive()),
);
// The edition: ar/fr/en, or a further edition's tag in any case ("FA" → "fa"); whether the site
// has that edition is checked when saved (editing.ts). Nothing or a non-tag is Arabic, as before.
const language = z
  .string()
  .max(40)
  .optional()
  .transform((v): Edition => {
    if (v === undefined || LANGUAGES.includes(v as Lang)) return (v as Lang | undefined) ?? 'ar';
    return canonicalLanguage(v) ?? 'ar';
  });

/** The editor form, as posted (urlencoded) or sent by autosave (JSON). */
export const ArticleForm = z.object({
  title: z.string().max(2000).default(''),
  slug: z.string().max(2000).default(''),
  dek: z.string().max(5000).default(''),
  body_html: z.string().max(2_000_000).default(''),
  lang: language,
  /**
   * The language the text is written in (BCP 47), when not the edition's: "" means the
   * edition's own. Absent (older forms, code building a form) leaves it as it is.
   */
  text_lang: z.string().max(64).optional(),
  section_id: optionalId,
  tags: z.string().max(2000).default(''),
  /** Existing tags picked from the editor's suggestions; `tags` carries names typed anew. */
  // Optional in the type too: callers building a form in code (translations, the API) need not name it.
  tag_ids: idList.optional().catch([]),
  author_ids: idList.catch([]),
  featured_media_id: optionalId,
  is_featured: checkbox.default(false),
  is_breaking: checkbox.default(false),
  comments_open: checkbox.default(false),
  seo_title: z.string().max(2000).default(''),
  seo_description: z.string().max(5000).default(''),
  /** datetime-local in the site's time zone; used when scheduling. */
  publish_at: z.string().max(40).default(''),
});
export type ArticleForm = z.infer<typeof ArticleForm>;

/** The form's fields as typed, as the editor shows them again and an autosave keeps them. */
export interface ArticleFormValues {
  title: string;
  slug: string;
  dek: string;
  body_html: string;
  lang: Edition;
  /** "" when the text is in the edition's language. */
  text_lang: string;
  section_id: string;
  tags: string;
  tag_ids: string[];
  author_ids: string[];
  featured_media_id: string;
  is_featured: boolean;
  is_breaking: boolean;
  comments_open: boolean;
  seo_title: string;
  seo_description: string;
  publish_at: string;
}

export function formValues(form: ArticleForm): ArticleFormValues {
  return {
    title: form.title,
    slug: form.slug,
    dek: form.dek,
    body_html: form.body_html,
    lang: form.lang,
    text_lang: form.text_lang ?? '',
    section_id: form.section_id === null ? '' : String(form.section_id),
    tags: form.tags,
    tag_ids: (form.tag_ids ?? []).map(String),
    author_ids: form.author_ids.map(String),
    featured_media_id: form.featured_media_id === null ? '' : String(form.featured_media_id),
    is_featured: form.is_featured,
    is_breaking: form.is_breaking,
    comments_open: form.comments_open,
    seo_title: form.seo_title,
    seo_description: form.seo_description,
    publish_at: form.publish_at,
  };
}

export const LIMITS = { title: 300, dek: 400, seoTitle: 120, seoDescription: 320, tags: 20 } as const;

export interface CleanArticle {
  title: string;
  slug: string;
  dek: string;
  bodyHtml: string;
  lang: Edition;
  /**
   * The text's language as typed (trimmed), "" for the edition's own; undefined leaves it
   * unchanged. Checked against the site's languages when saved (editing.ts).
   */
  textLang: string | undefined;
  sectionId: number | null;
  tagNames: string[];
  tagIds: number[];
  authorIds: number[];
  featuredMediaId: number | null;
  isFeatured: boolean;
  isBreaking: boolean;
  commentsOpen: boolean;
  seoTitle: string;
  seoDescription: string;
  publishAt: string;
}

export type FieldErrors = Record<string, string>;

const chars = (s: string) => Array.from(s).length;

/** Cleans the form and lists what is wrong; a placeholder slug is replaced from the title. */
export function cleanArticleForm(
  form: ArticleForm,
  currentSlug: string,
): { value: CleanArticle; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const title = form.title.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (chars(title) > LIMITS.title) errors.title = 'errTitleLong';
  let slug = form.slug.normalize('NFC').trim();
  if (slug === '' || (slug === currentSlug && isPlaceholderSlug(slug)))
    slug = title ? slugify(title) : currentSlug;
  else slug = slug.toLowerCase();
  if (!isValidSlug(slug, SLUG_MAX_CHARS)) errors.slug = 'errSlugInvalid';
  const dek = form.dek.normalize('NFC').trim();
  if (chars(dek) > LIMITS.dek) errors.dek = 'errDekLong';
  const tagNames = [
    ...new Set(
      form.tags
        .split(/[,،;\n]/)
        .map((t) => t.normalize('NFC').replace(/\s+/g, ' ').trim())
        .filter((t) => t !== ''),
    ),
  ];
  if (tagNames.length + new Set(form.tag_ids ?? []).size > LIMITS.tags || tagNames.some((t) => chars(t) > 60))
    errors.tags = 'errTagsTooMany';
  if (chars(form.seo_title) > LIMITS.seoTitle) errors.seo_title = 'errSeoTitleLong';
  if (chars(form.seo_description) > LIMITS.seoDescription) errors.seo_description = 'errSeoDescriptionLong';
  return {
    value: {
      title,
      slug,
      dek,
      bodyHtml: sanitizeArticleHtml(form.body_html).html,
      lang: form.lang,
      textLang: form.text_lang?.trim(),
      sectionId: form.section_id,
      tagNames,
      tagIds: [...new Set(form.tag_ids ?? [])],
      authorIds: [...new Set(form.author_ids)],
      featuredMediaId: form.featured_media_id,
      isFeatured: form.is_featured,
      isBreaking: form.is_breaking,
      commentsOpen: form.comments_open,
      seoTitle: form.seo_title.trim(),
      seoDescription: form.seo_description.trim(),
      publishAt: form.publish_at.trim(),
    },
    errors,
  };
}

/** New drafts get a throw-away slug until they have a title. */
export function placeholderSlug(): string {
  return `draft-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

export function isPlaceholderSlug(slug: string): boolean {
  return /^draft-[0-9a-z]+$/.test(slug);
}
