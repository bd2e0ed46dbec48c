// The read-only content API under /api/v1: articles (filtered, cursor-paginated), one article
// by id or slug, sections, tags, authors, search (search.ts) and the OpenAPI document. Each
// route parses with the schemas of its operation (content-operations.ts), which the OpenAPI
// document is generated from. Rate-limited per address;
// every answer carries an ETag, so an unchanged page costs a 304. Errors are JSON:
// { "error": { "code", "message" } }.
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { presentFull, presentSummary } from '../../services/api-article.ts';
import type { Services } from '../../services/context.ts';
import { siteEditions, siteSettings } from '../../services/settings.ts';
import {
  listArticles,
  listAuthors,
  listSections,
  listTags,
  loadApiArticle,
} from '../../services/syndication-api.ts';
import { dependsOn } from '../cache/dependencies.ts';
import { showsArticle, showsArticles, showsMedia, tags } from '../cache/tags.ts';
import { sendCacheable } from '../feeds/conditional.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import {
  getArticleOperation,
  listArticlesOperation,
  listAuthorsOperation,
  listSectionsOperation,
  listTagsOperation,
  openApiOperation,
} from './content-operations.ts';
import { openApiDocument } from './openapi.ts';
import { pick, presentAuthor, presentSection, presentTag } from './presenters.ts';
import { checkEditionParam, parseOr400 } from './schema.ts';
import { registerSearchApi } from './search.ts';

import type { RedisClient } from '../../services/redis/client.ts';

const JSON_TYPE = 'application/json; charset=utf-8';

export interface ContentApiOptions {
  services: Services;
  /** Requests per address per minute; defaults to 300. */
  rateLimitMax?: number;
  /** Counts shared by several processes; each process counts alone without it. */
  redis?: RedisClient;
}

function sendJson(
  request: FastifyRequest,
  reply: FastifyReply,
  value: unknown,
  lastModified?: string | null,
) {
  return sendCacheable(request, reply, {
    body: JSON.stringify(value),
    type: JSON_TYPE,
    lastModified,
    maxAge: 60,
  });
}

function sendError(reply: FastifyReply, status: number, code: string, message: string) {
  return reply
    .code(status)
    .header('cache-control', 'no-store')
    .type(JSON_TYPE)
    .send({ error: { code, message } });
}

export async function contentApi(api: FastifyInstance, options: ContentApiOptions): Promise<void> {
  const { services } = options;
  const { config } = services;
  const base = config.publicUrl;

  await api.register(rateLimit, {
    max: options.rateLimitMax ?? 300,
    timeWindow: '1 minute',
    ...(options.redis ? { redis: options.redis, nameSpace: 'midad:api-rl:', skipOnError: true } : {}),
  });

  api.setNotFoundHandler((_request, reply) => sendError(reply, 404, 'not_found', 'No such API endpoint.'));

  api.get(listArticlesOperation.route, async (request, reply) => {
    const params = parseOr400(listArticlesOperation.query, request.query);
    checkEditionParam(params.lang, siteEditions(await siteSettings(services)));
    const list = await listArticles(services, {
      limit: params.limit,
      ...(params.lang ? { lang: params.lang } : {}),
      ...(params.section ? { sectionSlug: params.section } : {}),
      ...(params.tag ? { tagSlug: params.tag } : {}),
      ...(params.author ? { authorSlug: params.author } : {}),
      ...(params.from ? { from: `${params.from}T00:00:00.000Z` } : {}),
      // `to` is inclusive: everything before the next day.
      ...(params.to
        ? { before: new Date(Date.parse(`${params.to}T00:00:00Z`) + 86_400_000).toISOString() }
        : {}),
      ...(params.cursor ? { after: decodeCursor(params.cursor) } : {}),
    });
    dependsOn(reply, tags.apiArticles, showsArticles(list.articles));
    const last = list.articles.at(-1);
    const next = list.hasMore && last ? encodeCursor({ publishedAt: last.publishedAt!, id: last.id }) : null;
    const data = list.articles.map((a) => pick(presentSummary(a, list, base), params.fields));
    const lastModified =
      list.articles
        .map((a) => a.updatedAt)
        .sort()
        .at(-1) ?? null;
    return sendJson(request, reply, { data, next_cursor: next }, lastModified);
  });

  api.get(getArticleOperation.route, async (request, reply) => {
    const { ref } = parseOr400(getArticleOperation.params, request.params);
    const query = parseOr400(getArticleOperation.query, request.query);
    checkEditionParam(query.lang, siteEditions(await siteSettings(services)));
    const found = /^\d{1,12}$/.test(ref)
      ? await loadApiArticle(services, { id: Number(ref) })
      : await loadApiArticle(services, {
          slug: ref,
          lang: query.lang ?? (await siteSettings(services)).defaultLang,
        });
    const { translationGroup } = found.article;
    dependsOn(
      reply,
      showsArticle(found.article),
      translationGroup === null ? [] : tags.group(translationGroup),
      found.translations.map((t) => tags.article(t.id)),
    );
    const data = presentFull(found.article, found, found.translations, base, found.corrections);
    return sendJson(request, reply, { data }, data.updated_at);
  });

  api.get(listSectionsOperation.route, async (request, reply) => {
    parseOr400(listSectionsOperation.query, request.query);
    const sections = await listSections(services);
    dependsOn(reply, tags.sections);
    return sendJson(request, reply, { data: sections.map((s) => presentSection(s, sections, base)) });
  });

  api.get(listTagsOperation.route, async (request, reply) => {
    parseOr400(listTagsOperation.query, request.query);
    dependsOn(reply, tags.tagList);
    return sendJson(request, reply, { data: (await listTags(services)).map((t) => presentTag(t, base)) });
  });

  api.get(listAuthorsOperation.route, async (request, reply) => {
    parseOr400(listAuthorsOperation.query, request.query);
    const { people, avatars } = await listAuthors(services);
    dependsOn(
      reply,
      tags.people,
      people.map((p) => tags.person(p.id)),
      showsMedia(people.map((p) => p.avatarMediaId)),
    );
    const data = people.map((p) =>
      presentAuthor(p, p.avatarMediaId === null ? undefined : avatars.get(p.avatarMediaId), base),
    );
    return sendJson(request, reply, { data });
  });

  registerSearchApi(api, services);

  // Built on first request: the document is the same for the life of the process.
  let openApi: unknown = null;
  api.get(openApiOperation.route, (request, reply) => {
    parseOr400(openApiOperation.query, request.query);
    openApi ??= openApiDocument(base);
    return sendJson(request, reply, openApi);
  });
}
