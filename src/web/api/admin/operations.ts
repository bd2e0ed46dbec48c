// The write API's operations (see ../operation.ts): what routes.ts parses and answers, and what
// the OpenAPI document says about it. Every one needs a personal API token (security apiToken).
import { z } from 'zod';
import { apiSchemas, defineOperation } from '../operation.ts';
import {
  AdminArticleAnswer,
  AdminCommentListAnswer,
  AdminMediaAnswer,
  ArticleIdParams,
  CommentListQuery,
  CreateArticleBody,
  EmptyBody,
  MediaUploadFields,
  TextLanguageBody,
  UpdateArticleBody,
} from './schema.ts';

/** The scheme's name in the document's securitySchemes. */
export const API_TOKEN_SCHEME = 'apiToken';

export const apiTokenScheme = {
  type: 'http',
  scheme: 'bearer',
  description:
    'A personal API token made on the newsroom page /newsroom/account/tokens: `Authorization: Bearer midad_…`. It acts as its person, with their role at the time of each request.',
} as const;

const withToken = {
  tags: ['admin'],
  security: [{ [API_TOKEN_SCHEME]: [] }],
  rateLimited: true,
} as const;

// Names for the shared shapes, so the document lists them once.
AdminArticleAnswer.register(apiSchemas, { id: 'AdminArticleAnswer' });
AdminMediaAnswer.register(apiSchemas, { id: 'AdminMediaAnswer' });
AdminCommentListAnswer.register(apiSchemas, { id: 'AdminCommentList' });

/** The multipart body of an upload: the file and its optional texts. */
const MediaUploadBody = MediaUploadFields.extend({
  file: z.string().meta({ format: 'binary', description: 'The image (JPEG, PNG, WebP, AVIF, GIF) or PDF.' }),
});

export const createArticleOperation = defineOperation({
  ...withToken,
  method: 'post',
  path: '/admin/articles',
  operationId: 'createArticle',
  summary: 'Create a draft',
  description:
    'A draft with the token’s person on the byline, and any of the fields at once. Fields are cleaned and checked as the newsroom editor does; a refused field writes nothing.',
  body: { schema: CreateArticleBody },
  responses: { 201: { description: 'The draft.', schema: AdminArticleAnswer } },
  errors: [400, 401, 403, 413, 422, 429, 503],
});

export const getAdminArticleOperation = defineOperation({
  ...withToken,
  method: 'get',
  path: '/admin/articles/{id}',
  operationId: 'getAdminArticle',
  summary: 'An article as the newsroom sees it, with its version',
  params: ArticleIdParams,
  query: EmptyBody,
  responses: { 200: { description: 'The article.', schema: AdminArticleAnswer } },
  errors: [400, 401, 403, 404, 429, 503],
});

export const updateArticleOperation = defineOperation({
  ...withToken,
  method: 'patch',
  path: '/admin/articles/{id}',
  operationId: 'updateArticle',
  summary: 'Change some fields of an article',
  description:
    'Send the version you read and only the fields that change; the others are kept. If the article was saved since that version, nothing is written and the answer is 409: read it again and retry. A published article stays published, with a revision kept.',
  params: ArticleIdParams,
  body: { schema: UpdateArticleBody },
  responses: { 200: { description: 'The saved article.', schema: AdminArticleAnswer } },
  errors: [400, 401, 403, 404, 409, 413, 422, 429, 503],
});

const transition = (name: 'publish' | 'unpublish', summary: string, description: string) =>
  defineOperation({
    ...withToken,
    method: 'post',
    path: `/admin/articles/{id}/${name}`,
    operationId: `${name}Article`,
    summary,
    description,
    params: ArticleIdParams,
    body: { schema: EmptyBody, description: 'No body, or {}.' },
    responses: { 200: { description: 'The article after the step.', schema: AdminArticleAnswer } },
    errors: [400, 401, 403, 404, 409, 422, 429, 503],
  });

export const publishArticleOperation = transition(
  'publish',
  'Publish an article',
  'Needs a title. Authors publish their own articles, editors and admins any; contributors may not publish.',
);
export const unpublishArticleOperation = transition(
  'unpublish',
  'Take a published article back to draft',
  'Same permission as publishing.',
);

export const setTextLanguageOperation = defineOperation({
  ...withToken,
  method: 'post',
  path: '/admin/articles/{id}/language',
  operationId: 'setArticleTextLanguage',
  summary: 'Say which language the article is written in',
  description:
    'Any BCP 47 tag of a language the site publishes in (fa, ur, ha, ff-Adlm…); the article keeps its edition and address, and its text is shown with that language and its direction. A malformed or unknown tag, or one the site has not switched on, is refused (422) with the reason.',
  params: ArticleIdParams,
  body: { schema: TextLanguageBody },
  responses: { 200: { description: 'The article.', schema: AdminArticleAnswer } },
  errors: [400, 401, 403, 404, 422, 429, 503],
});

export const uploadMediaOperation = defineOperation({
  ...withToken,
  method: 'post',
  path: '/admin/media',
  operationId: 'uploadMedia',
  summary: 'Upload an image or a PDF to the media library',
  description:
    'multipart/form-data with one file; told apart by its bytes, not its name, and refused over the site’s upload limit (fields.file says why: not_image, too_large, empty…). Authors, editors and admins.',
  body: { schema: MediaUploadBody, contentType: 'multipart/form-data' },
  responses: { 201: { description: 'The stored file.', schema: AdminMediaAnswer } },
  errors: [400, 401, 403, 413, 422, 429, 503],
});

export const listCommentsOperation = defineOperation({
  ...withToken,
  method: 'get',
  path: '/admin/comments',
  operationId: 'listComments',
  summary: 'Comments of one status, newest first',
  description: 'For editors and admins. Paged with offset: next_offset is the next page’s.',
  query: CommentListQuery,
  responses: { 200: { description: 'One page of comments.', schema: AdminCommentListAnswer } },
  errors: [400, 401, 403, 429, 503],
});

export const adminOperations = [
  createArticleOperation,
  getAdminArticleOperation,
  updateArticleOperation,
  publishArticleOperation,
  unpublishArticleOperation,
  setTextLanguageOperation,
  uploadMediaOperation,
  listCommentsOperation,
];
