// The content API's answers as zod schemas, for the OpenAPI document. The presenters
// (presenters.ts, services/api-article.ts) build these shapes; the API tests validate real
// answers against the generated document, so a field added in one place and not the other fails.
import { z } from 'zod';
import { apiSchemas } from './operation.ts';

// Not format: uri: paths hold Arabic slugs as they are (IRIs), which a strict URI validator refuses.
const url = z.string().describe('Absolute URL.');
const instant = z.iso.datetime().describe('ISO 8601, UTC.');
// ar, fr, en, or a further edition the site publishes (fa, ha-Arab).
const lang = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
  .describe('The edition: ar, fr, en, or a further edition of the site (BCP 47).');

export const ApiImageSchema = z
  .object({
    url,
    width: z.int(),
    height: z.int(),
    alt: z.string(),
    caption: z.string(),
    credit: z.string(),
  })
  .register(apiSchemas, { id: 'Image' });

const articleSummaryShape = {
  id: z.int(),
  lang,
  url,
  title: z.string(),
  slug: z.string(),
  dek: z.string(),
  excerpt: z.string(),
  published_at: instant,
  updated_at: instant,
  section: z.object({ slug: z.string(), name: z.string() }).nullable(),
  tags: z.array(z.object({ slug: z.string(), name: z.string() })),
  authors: z.array(z.object({ slug: z.string(), name: z.string(), url })),
  image: ApiImageSchema.nullable(),
  is_breaking: z.boolean(),
  is_featured: z.boolean(),
};

/** With `fields`, only the fields asked for (and id) are present. */
export const ArticleSummarySchema = z
  .object(articleSummaryShape)
  .partial()
  .required({ id: true })
  .register(apiSchemas, { id: 'ArticleSummary' });

export const ArticleSchema = z
  .object({
    ...articleSummaryShape,
    body_html: z.string().describe('Sanitized HTML, links made absolute.'),
    translations: z.array(z.object({ lang, id: z.int(), url })),
    corrections: z
      .array(
        z.object({
          id: z.int(),
          kind: z.enum(['correction', 'update']),
          text: z.string().describe('Plain text.'),
          published_at: instant,
          updated_at: instant,
        }),
      )
      .describe('Corrections and updates of the article, newest first.'),
  })
  .register(apiSchemas, { id: 'Article' });

export const ArticleListSchema = z
  .object({
    data: z.array(ArticleSummarySchema),
    next_cursor: z.string().nullable().describe('Null on the last page.'),
  })
  .register(apiSchemas, { id: 'ArticleList' });

export const ArticleAnswerSchema = z
  .object({ data: ArticleSchema })
  .register(apiSchemas, { id: 'ArticleAnswer' });

const byLang = z.object({ ar: z.string(), fr: z.string(), en: z.string() });

export const SectionSchema = z
  .object({
    id: z.int(),
    slug: z.string(),
    parent: z.string().nullable().describe("The parent section's slug."),
    position: z.int(),
    names: byLang,
    urls: z.object({ ar: url, fr: url, en: url }),
  })
  .register(apiSchemas, { id: 'Section' });

export const TagSchema = z
  .object({ id: z.int(), slug: z.string(), name: z.string(), url })
  .register(apiSchemas, { id: 'Tag' });

export const AuthorSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    bio: z.string(),
    url,
    avatar: ApiImageSchema.nullable(),
    links: z.array(z.object({ label: z.string(), url })),
  })
  .register(apiSchemas, { id: 'Author' });

export const SectionListSchema = z
  .object({ data: z.array(SectionSchema) })
  .register(apiSchemas, { id: 'SectionList' });
export const TagListSchema = z.object({ data: z.array(TagSchema) }).register(apiSchemas, { id: 'TagList' });
export const AuthorListSchema = z
  .object({ data: z.array(AuthorSchema) })
  .register(apiSchemas, { id: 'AuthorList' });

export const SearchResultSchema = z
  .object({
    id: z.int(),
    title: z.string(),
    url,
    snippet: z.string().describe('HTML: the text escaped, the matched words in <mark>.'),
    published_at: instant,
    section: z.string().nullable().describe("The section's name in the article's language."),
  })
  .register(apiSchemas, { id: 'SearchResult' });

export const SearchAnswerSchema = z
  .object({
    data: z.array(SearchResultSchema),
    next_cursor: z.string().nullable().describe('Null on the last page.'),
    total: z.int().describe('Matches in all; see total_is_estimate.'),
    total_is_estimate: z
      .boolean()
      .describe('True when a very common word made the engine estimate the total.'),
  })
  .register(apiSchemas, { id: 'SearchAnswer' });
export type SearchAnswer = z.infer<typeof SearchAnswerSchema>;

/** The OpenAPI document itself: any JSON object. */
export const OpenApiDocumentSchema = z
  .object({ openapi: z.string() })
  .loose()
  .register(apiSchemas, { id: 'OpenApiDocument' });
