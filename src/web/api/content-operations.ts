// The read-only content API's operations (see operation.ts): what content-routes.ts and
// search.ts parse and answer, and what the OpenAPI document says about it.
import { defineOperation } from './operation.ts';
import {
  ArticleAnswerSchema,
  ArticleListSchema,
  AuthorListSchema,
  OpenApiDocumentSchema,
  SearchAnswerSchema,
  SectionListSchema,
  TagListSchema,
} from './responses.ts';
import {
  ArticleListParams,
  ArticleLookupQuery,
  ArticleRefParams,
  NoParams,
  SearchQueryParams,
} from './schema.ts';

const publicRead = {
  method: 'get',
  tags: ['content'],
  security: [],
  cacheable: true,
  rateLimited: true,
} as const;
const notModified = { 304: { description: 'Not modified: the If-None-Match ETag is current.' } };

export const listArticlesOperation = defineOperation({
  ...publicRead,
  path: '/articles',
  operationId: 'listArticles',
  summary: 'Published articles, newest first',
  description: 'Paged with next_cursor; filters combine.',
  query: ArticleListParams,
  responses: { 200: { description: 'One page of articles.', schema: ArticleListSchema }, ...notModified },
  errors: [400, 404, 429, 503],
});

export const getArticleOperation = defineOperation({
  ...publicRead,
  path: '/articles/{ref}',
  operationId: 'getArticle',
  summary: 'One published article, by numeric id or by slug',
  params: ArticleRefParams,
  query: ArticleLookupQuery,
  responses: { 200: { description: 'The article.', schema: ArticleAnswerSchema }, ...notModified },
  errors: [400, 404, 429, 503],
});

export const listSectionsOperation = defineOperation({
  ...publicRead,
  path: '/sections',
  operationId: 'listSections',
  summary: 'All sections',
  query: NoParams,
  responses: { 200: { description: 'Every section.', schema: SectionListSchema }, ...notModified },
  errors: [400, 429, 503],
});

export const listTagsOperation = defineOperation({
  ...publicRead,
  path: '/tags',
  operationId: 'listTags',
  summary: 'All tags',
  query: NoParams,
  responses: { 200: { description: 'Every tag.', schema: TagListSchema }, ...notModified },
  errors: [400, 429, 503],
});

export const listAuthorsOperation = defineOperation({
  ...publicRead,
  path: '/authors',
  operationId: 'listAuthors',
  summary: 'People with published articles',
  query: NoParams,
  responses: { 200: { description: 'Every author.', schema: AuthorListSchema }, ...notModified },
  errors: [400, 429, 503],
});

export const searchOperation = defineOperation({
  ...publicRead,
  path: '/search',
  operationId: 'searchArticles',
  summary: 'Full-text search of published articles',
  description:
    'Paged with next_cursor, which holds the position in the ranking: results published between two pages can shift what the next page holds. Ranking by relevance stops after the 300 best matches.',
  query: SearchQueryParams,
  responses: { 200: { description: 'One page of results.', schema: SearchAnswerSchema }, ...notModified },
  errors: [400, 404, 429, 503],
});

export const openApiOperation = defineOperation({
  ...publicRead,
  path: '/openapi.json',
  operationId: 'getOpenApiDocument',
  summary: 'This document',
  query: NoParams,
  responses: {
    200: { description: 'The OpenAPI 3.1 document.', schema: OpenApiDocumentSchema },
    ...notModified,
  },
  errors: [400, 429],
});

export const contentOperations = [
  listArticlesOperation,
  getArticleOperation,
  listSectionsOperation,
  listTagsOperation,
  listAuthorsOperation,
  searchOperation,
  openApiOperation,
];
