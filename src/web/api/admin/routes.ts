// The write API under /api/v1/admin, for integrations (a mobile app, automation tools, a
// partner's CMS). Every request carries a personal API token (`Authorization: Bearer`); the
// routes parse JSON (or one multipart upload) with the schemas of schema.ts, call THE SAME
// commands and queries as the newsroom with an Actor made from the token's person, and answer
// JSON. Refusals are thrown and worded by the one error mapping (web/errors.ts). Rate-limited
// per token; never cached.
import { createHash } from 'node:crypto';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Invalid, NotFound } from '../../../core/errors.ts';
import { parseInput } from '../../../core/validation.ts';
import { editableArticleWithTags, withTagNames } from '../../../services/articles/api-queries.ts';
import { createDraft } from '../../../services/articles/create-draft.ts';
import { patchArticle } from '../../../services/articles/patch-article.ts';
import { setTextLanguage } from '../../../services/articles/text-language.ts';
import { transitionArticle } from '../../../services/articles/workflow.ts';
import { commentsByStatus } from '../../../services/comments/moderation-queue.ts';
import type { Services } from '../../../services/context.ts';
import { uploadLimitBytes } from '../../../services/media/queries.ts';
import { uploadMedia } from '../../../services/media/upload-media.ts';
import type { RedisClient } from '../../../services/redis/client.ts';
import { furtherEditions, siteSettings } from '../../../services/settings.ts';
import { readOneFile } from '../../newsroom/media/upload.ts';
import { apiActorOf, authenticate } from './auth.ts';
import { presentAdminArticle, presentAdminComment, presentAdminMedia } from './presenters.ts';
import {
  ArticleIdParams,
  articleChanges,
  CommentListQuery,
  bodiesFor,
  EmptyBody,
  MediaUploadFields,
  TextLanguageBody,
} from './schema.ts';

export interface AdminApiOptions {
  services: Services;
  /** Requests per token per minute; defaults to 120. */
  rateLimitMax?: number;
  /** Counts shared by several processes; each process counts alone without it. */
  redis?: RedisClient;
}

/** Article bodies may be long (the editor allows 2 million characters, most of them Arabic). */
const ARTICLE_BODY_LIMIT = 6 * 1024 * 1024;
const JSON_TYPE = 'application/json; charset=utf-8';

function send(reply: FastifyReply, status: number, value: unknown): FastifyReply {
  return reply.code(status).header('cache-control', 'no-store').type(JSON_TYPE).send(value);
}

/** Path ids that name nothing (not a number) are as unknown as ids that do not exist. */
function articleId(params: unknown): number {
  const parsed = ArticleIdParams.safeParse(params);
  if (!parsed.success) throw new NotFound('No such article.');
  return parsed.data.id;
}

/** The rate-limit bucket: the presented token (hashed: secrets never become keys), else the address. */
function bucketOf(request: FastifyRequest): string {
  const header = request.headers.authorization;
  if (typeof header !== 'string' || header === '') return `ip:${request.ip}`;
  return `token:${createHash('sha256').update(header).digest('base64url').slice(0, 32)}`;
}

export async function adminApi(api: FastifyInstance, options: AdminApiOptions): Promise<void> {
  const { services } = options;
  const base = services.config.publicUrl;

  await api.register(rateLimit, {
    max: options.rateLimitMax ?? 120,
    timeWindow: '1 minute',
    keyGenerator: bucketOf,
    ...(options.redis ? { redis: options.redis, nameSpace: 'midad:admin-api-rl:', skipOnError: true } : {}),
  });
  await api.register(multipart, { limits: { files: 1, parts: 10 } });

  api.decorateRequest('apiActor', null);
  // The gate, before any body is read: no token, no work.
  api.addHook('onRequest', async (request) => {
    request.apiActor = await authenticate(services, request);
  });
  api.setNotFoundHandler(async () => {
    throw new NotFound('No such API endpoint.');
  });

  api.post('/articles', { bodyLimit: ARTICLE_BODY_LIMIT }, async (request, reply) => {
    const bodies = bodiesFor(furtherEditions(await siteSettings(services)));
    const { lang, ...fields } = parseInput(bodies.create, request.body);
    const changes = articleChanges(fields);
    const article = await createDraft(services, apiActorOf(request), {
      lang,
      // A new draft is open to comments unless the client says otherwise, as in the editor.
      form: { author_ids: [], comments_open: true, ...changes },
    });
    reply.header('location', `/api/v1/admin/articles/${article.id}`);
    return send(reply, 201, { data: presentAdminArticle(await withTagNames(services, article), base) });
  });

  api.get('/articles/:id', async (request, reply) => {
    const id = articleId(request.params);
    parseInput(EmptyBody, request.query);
    const found = await editableArticleWithTags(services, apiActorOf(request).person, id);
    return send(reply, 200, { data: presentAdminArticle(found, base) });
  });

  api.patch('/articles/:id', { bodyLimit: ARTICLE_BODY_LIMIT }, async (request, reply) => {
    const id = articleId(request.params);
    const bodies = bodiesFor(furtherEditions(await siteSettings(services)));
    const { version, ...fields } = parseInput(bodies.update, request.body);
    const article = await patchArticle(services, apiActorOf(request), {
      articleId: id,
      version,
      changes: articleChanges(fields),
    });
    return send(reply, 200, { data: presentAdminArticle(await withTagNames(services, article), base) });
  });

  for (const transition of ['publish', 'unpublish'] as const) {
    api.post(`/articles/:id/${transition}`, async (request, reply) => {
      const id = articleId(request.params);
      parseInput(EmptyBody, request.body ?? {});
      const article = await transitionArticle(services, apiActorOf(request), { id, transition });
      return send(reply, 200, { data: presentAdminArticle(await withTagNames(services, article), base) });
    });
  }

  api.post('/articles/:id/language', async (request, reply) => {
    const id = articleId(request.params);
    const { language } = parseInput(TextLanguageBody, request.body ?? {});
    const article = await setTextLanguage(services, apiActorOf(request), { articleId: id, language });
    return send(reply, 200, { data: presentAdminArticle(await withTagNames(services, article), base) });
  });

  api.post('/media', async (request, reply) => {
    if (!request.isMultipart()) {
      throw new Invalid('Send the file as multipart/form-data in a field named "file".', { file: 'empty' });
    }
    const { file, fields } = await readOneFile(request, await uploadLimitBytes(services), () => {});
    const text = parseInput(MediaUploadFields, fields);
    if (!file || file.buffer.length === 0) throw new Invalid('No file was sent.', { file: 'empty' });
    const media = await uploadMedia(services, apiActorOf(request), { buffer: file.buffer, ...text });
    reply.header('location', `${base}/media/${media.path}`);
    return send(reply, 201, { data: presentAdminMedia(media, base) });
  });

  api.get('/comments', async (request, reply) => {
    const query = parseInput(CommentListQuery, request.query);
    const items = await commentsByStatus(services, apiActorOf(request).person, {
      status: query.status,
      // One more than asked tells whether a next page exists.
      limit: query.limit + 1,
      offset: query.offset,
    });
    const page = items.slice(0, query.limit);
    return send(reply, 200, {
      data: page.map(presentAdminComment),
      next_offset: items.length > query.limit ? query.offset + query.limit : null,
    });
  });
}
