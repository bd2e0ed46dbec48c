// GET /api/v1/search?q=…: the reader page's search as JSON, held to the content API's rules
// (registered inside contentApi, so it shares its rate limit and error answers): parameters
// parsed strictly (schema.ts SearchQueryParams), ETag and Cache-Control, paged by cursor. The
// answer is { data: [{ id, title, url, snippet, published_at, section }], next_cursor, total,
// total_is_estimate }; docs/api.md describes it for clients.
import { siteEditions, siteSettings } from '../../services/settings.ts';
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { snippetHtml } from '../../search/snippet.ts';
import { MAX_RANKED } from '../../search/search-index.ts';
import type { Services } from '../../services/context.ts';
import { cachedSearchArticles } from '../../services/search-results.ts';
import { dependsOn } from '../cache/dependencies.ts';
import { tags } from '../cache/tags.ts';
import { sendCacheable } from '../feeds/conditional.ts';
import { sectionName } from '../reader/presenters.ts';
import { dayBounds } from '../reader/search-schema.ts';
import { articlePath } from '../reader/urls.ts';
import { searchOperation } from './content-operations.ts';
import { decodeSearchCursor, encodeSearchCursor } from './cursor.ts';
import type { SearchAnswer } from './responses.ts';
import { checkEditionParam, parseOr400, type SearchQueryParams } from './schema.ts';
import { createSearchAnswerCache } from './search-cache.ts';

/** Results change with every publication: shared caches keep them a minute at most. */
const MAX_AGE = 60;

/**
 * What makes two requests the same search, whatever their paging: the text with its spacing
 * tidied (the analyzer splits on spaces anyway), the filters and the sort, in a fixed order.
 */
function searchKey(p: SearchQueryParams): string {
  const text = p.q.trim().replace(/\s+/gu, ' ');
  return JSON.stringify([
    text,
    p.lang ?? '',
    p.section ?? '',
    p.author ?? '',
    p.from ?? '',
    p.to ?? '',
    p.sort,
  ]);
}

/** A short fingerprint of the search, carried by its cursors. */
function fingerprint(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 16);
}

export function registerSearchApi(api: FastifyInstance, services: Services): void {
  const base = services.config.publicUrl;
  const answers = createSearchAnswerCache(services.events);
  api.addHook('onClose', async () => answers.close());

  api.get(searchOperation.route, async (request, reply) => {
    const params = parseOr400(searchOperation.query, request.query);
    checkEditionParam(params.lang, siteEditions(await siteSettings(services)));
    const key = searchKey(params);
    const offset = params.cursor ? decodeSearchCursor(params.cursor, fingerprint(key)) : 0;
    // Purged with every publication (search), and when a section's or author's name changes.
    dependsOn(reply, tags.search, tags.sections, tags.people);
    const cacheKey = `${key}|${offset}|${params.limit}`;
    let body = answers.get(cacheKey);
    if (body === undefined) {
      body = JSON.stringify(await runSearch(services, base, params, offset, fingerprint(key)));
      answers.set(cacheKey, body);
    }
    return sendCacheable(request, reply, { body, type: 'application/json; charset=utf-8', maxAge: MAX_AGE });
  });
}

async function runSearch(
  services: Services,
  base: string,
  params: SearchQueryParams,
  offset: number,
  search: string,
): Promise<SearchAnswer> {
  const found = await cachedSearchArticles(services, {
    text: params.q,
    sort: params.sort,
    page: 1,
    perPage: params.limit,
    offset,
    refuseUnknownFilters: true,
    ...(params.lang ? { lang: params.lang } : {}),
    ...(params.section ? { sectionSlug: params.section } : {}),
    ...(params.author ? { authorSlug: params.author } : {}),
    ...dayBounds(params),
  });
  const data = found.found.map(({ article, snippet }) => {
    const section = article.sectionId === null ? undefined : found.cards.sections.get(article.sectionId);
    return {
      id: article.id,
      title: article.title,
      url: `${base}${articlePath(article)}`,
      snippet: snippetHtml(snippet),
      published_at: article.publishedAt ?? article.createdAt,
      section: section ? sectionName(section, article.lang) : null,
    };
  });
  // Relevance ranks the best MAX_RANKED matches only; by date, every match can be reached.
  const reachable = params.sort === 'relevance' ? Math.min(found.total, MAX_RANKED) : found.total;
  const next = offset + params.limit;
  return {
    data,
    next_cursor:
      data.length === params.limit && next < reachable ? encodeSearchCursor({ offset: next, search }) : null,
    total: found.total,
    total_is_estimate: found.estimated,
  };
}
