// GET /api/v1/search?q=…: the same search as the reader page, as JSON.
//   { "total": N, "results": [ { "id", "title", "url", "snippet", "published_at", "section" } ] }
// `snippet` is HTML: the text is escaped and the matched words are in <mark>. `section` is the
// section's name in the article's language, or null. Optional: lang, section (slug), author
// (slug), from and to (YYYY-MM-DD), sort (relevance|date), page, per_page (1–50).
import type { FastifyInstance } from 'fastify';
import { snippetHtml } from '../../search/snippet.ts';
import { searchArticles } from '../../services/search.ts';
import type { ReaderDeps } from '../reader/context.ts';
import { sectionName } from '../reader/presenters.ts';
import { ApiSearchParams, dayBounds } from '../reader/search-schema.ts';
import { articlePath } from '../reader/urls.ts';

export interface ApiSearchResult {
  id: number;
  title: string;
  url: string;
  snippet: string;
  published_at: string | null;
  section: string | null;
}

export function registerSearchApi(app: FastifyInstance, deps: ReaderDeps): void {
  const { services } = deps;
  const { config } = services;

  app.get('/api/v1/search', async (request, reply) => {
    const params = ApiSearchParams.parse(request.query);
    reply.header('cache-control', 'public, max-age=60, s-maxage=60');
    if (params.q.trim() === '') return { total: 0, results: [] };
    const data = await searchArticles(services, {
      text: params.q,
      sort: params.sort,
      page: params.page,
      perPage: params.per_page,
      ...(params.lang ? { lang: params.lang } : {}),
      ...(params.section ? { sectionSlug: params.section } : {}),
      ...(params.author ? { authorSlug: params.author } : {}),
      ...dayBounds(params),
    });
    const results: ApiSearchResult[] = data.found.map(({ article, snippet }) => {
      const section = article.sectionId === null ? undefined : data.cards.sections.get(article.sectionId);
      return {
        id: article.id,
        title: article.title,
        url: `${config.publicUrl}${articlePath(article)}`,
        snippet: snippetHtml(snippet),
        published_at: article.publishedAt,
        section: section ? sectionName(section, article.lang) : null,
      };
    });
    return { total: data.total, ...(data.estimated ? { total_is_estimate: true } : {}), results };
  });
}
