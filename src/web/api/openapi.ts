// The OpenAPI 3.1 description of the content API, served at /api/v1/openapi.json. Written by
// hand next to the routes and presenters it describes; a test checks that every route is in it.
import { ARTICLE_FIELDS, DEFAULT_LIMIT, MAX_LIMIT } from './schema.ts';

const str = { type: 'string' } as const;
const int = { type: 'integer' } as const;
const bool = { type: 'boolean' } as const;
const lang = { type: 'string', enum: ['ar', 'fr', 'en'] } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: object) => ({ oneOf: [schema, { type: 'null' }] });
const list = (item: object) => ({
  type: 'object',
  required: ['data'],
  properties: { data: { type: 'array', items: item } },
});
const json = (schema: object, description = 'OK') => ({
  description,
  headers: { ETag: { schema: str }, 'Cache-Control': { schema: str } },
  content: { 'application/json': { schema } },
});
const problem = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('Error') } },
});
const errors = {
  '400': problem('Unknown parameter, bad value, limit over the maximum or malformed cursor.'),
  '404': problem('Unknown section, tag, author or article, or an unpublished article.'),
  '429': problem('Too many requests from this address; wait a minute.'),
};
const query = (name: string, schema: object, description: string) => ({
  name,
  in: 'query',
  schema,
  description,
});

export function openApiDocument(baseUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Midad content API',
      version: '1',
      description:
        'Read-only, public JSON access to the published articles of a Midad site. Unpublished content is never returned. Answers carry ETags (send If-None-Match for a 304). Errors are { "error": { "code", "message" } }.',
    },
    servers: [{ url: `${baseUrl}/api/v1` }],
    paths: {
      '/articles': {
        get: {
          summary: 'Published articles, newest first',
          parameters: [
            query('lang', lang, 'Only articles in this language.'),
            query('section', str, 'Section slug; includes its subsections.'),
            query('tag', str, 'Tag slug.'),
            query('author', str, 'Author slug.'),
            query('from', { type: 'string', format: 'date' }, 'Published on or after this day (UTC).'),
            query('to', { type: 'string', format: 'date' }, 'Published on or before this day (UTC).'),
            query('limit', { ...int, minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT }, 'Page size.'),
            query('cursor', str, 'next_cursor of the previous page.'),
            query(
              'fields',
              str,
              `Comma-separated subset of: ${ARTICLE_FIELDS.join(', ')}. id is always included.`,
            ),
          ],
          responses: {
            '200': json({
              type: 'object',
              required: ['data', 'next_cursor'],
              properties: {
                data: { type: 'array', items: ref('ArticleSummary') },
                next_cursor: { ...nullable(str), description: 'Null on the last page.' },
              },
            }),
            '304': { description: 'Not modified.' },
            ...errors,
          },
        },
      },
      '/articles/{ref}': {
        get: {
          summary: 'One published article, by numeric id or by slug',
          parameters: [
            { name: 'ref', in: 'path', required: true, schema: str, description: 'Numeric id, or slug.' },
            query('lang', lang, "Language of a slug; defaults to the site's default language."),
          ],
          responses: {
            '200': json({ type: 'object', required: ['data'], properties: { data: ref('Article') } }),
            '304': { description: 'Not modified.' },
            ...errors,
          },
        },
      },
      '/sections': {
        get: { summary: 'All sections', responses: { '200': json(list(ref('Section'))), ...errors } },
      },
      '/tags': { get: { summary: 'All tags', responses: { '200': json(list(ref('Tag'))), ...errors } } },
      '/authors': {
        get: {
          summary: 'People with published articles',
          responses: { '200': json(list(ref('Author'))), ...errors },
        },
      },
      '/search': {
        get: {
          summary: 'Full-text search (see docs/api.md)',
          parameters: [
            query('q', str, 'Search text.'),
            query('lang', lang, 'Language.'),
            query('per_page', { ...int, minimum: 1, maximum: 50 }, 'Page size.'),
          ],
          responses: {
            '200': {
              description:
                '{ total, total_is_estimate?, results: [{ id, title, url, snippet, published_at, section }] }',
            },
          },
        },
      },
    },
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: { type: 'object', required: ['code', 'message'], properties: { code: str, message: str } },
          },
        },
        Image: {
          type: 'object',
          required: ['url', 'width', 'height', 'alt', 'caption', 'credit'],
          properties: { url: str, width: int, height: int, alt: str, caption: str, credit: str },
        },
        ArticleSummary: {
          type: 'object',
          required: ['id'],
          properties: {
            id: int,
            lang,
            url: { type: 'string', format: 'uri' },
            title: str,
            slug: str,
            dek: str,
            excerpt: str,
            published_at: { type: 'string', format: 'date-time' },
            updated_at: { type: 'string', format: 'date-time' },
            section: nullable({ type: 'object', properties: { slug: str, name: str } }),
            tags: { type: 'array', items: { type: 'object', properties: { slug: str, name: str } } },
            authors: {
              type: 'array',
              items: { type: 'object', properties: { slug: str, name: str, url: str } },
            },
            image: nullable(ref('Image')),
            is_breaking: bool,
            is_featured: bool,
          },
        },
        Article: {
          allOf: [
            ref('ArticleSummary'),
            {
              type: 'object',
              properties: {
                body_html: str,
                translations: {
                  type: 'array',
                  items: { type: 'object', properties: { lang, id: int, url: str } },
                },
              },
            },
          ],
        },
        Section: {
          type: 'object',
          properties: {
            id: int,
            slug: str,
            parent: nullable(str),
            position: int,
            names: { type: 'object', properties: { ar: str, fr: str, en: str } },
            urls: { type: 'object', properties: { ar: str, fr: str, en: str } },
          },
        },
        Tag: { type: 'object', properties: { id: int, slug: str, name: str, url: str } },
        Author: {
          type: 'object',
          properties: {
            slug: str,
            name: str,
            bio: str,
            url: str,
            avatar: nullable(ref('Image')),
            links: { type: 'array', items: { type: 'object', properties: { label: str, url: str } } },
          },
        },
      },
    },
  };
}
