// The reader search page in every site language: /search?q=…, /fr/search, /en/search.
// Whatever the query string holds, the answer is a normal page.
import type { FastifyInstance } from 'fastify';
import { cachedSearchArticles } from '../../services/search-results.ts';
import { servedLanguages } from '../../services/settings.ts';
import { dependsOn } from '../cache/dependencies.ts';
import { frameTags, showsArticles, tags } from '../cache/tags.ts';
import { type ReaderDeps, readerContext } from './context.ts';
import { type EditionMount, forEdition } from './edition-route.ts';
import { presentSearchPage } from './search-presenter.ts';
import { dayBounds, SearchParams } from './search-schema.ts';
import { searchPath } from './search-urls.ts';
import { renderSearchPage } from './views/SearchPage.tsx';

export const SEARCH_PER_PAGE = 10;

export function registerSearchRoutes(app: FastifyInstance, deps: ReaderDeps, mount: EditionMount): void {
  const { services } = deps;

  app.get(
    `${mount.prefix}/search`,
    forEdition(deps, mount, async (request, reply, lang) => {
      const params = SearchParams.parse(request.query);
      const ctx = await readerContext(deps, lang);
      const data =
        params.q.trim() === ''
          ? null
          : await cachedSearchArticles(services, {
              text: params.q,
              lang,
              sort: params.sort,
              page: params.page,
              perPage: SEARCH_PER_PAGE,
              ...(params.section ? { sectionSlug: params.section } : {}),
              ...(params.author ? { authorSlug: params.author } : {}),
              ...dayBounds(params),
            });
      // Pages with a query are not kept in memory (see cache/key.ts); CDNs may keep them briefly.
      dependsOn(
        reply,
        frameTags(ctx.settings),
        tags.search,
        showsArticles(data?.found.map((f) => f.article) ?? []),
      );
      const t = ctx.present.t;
      const heading = params.q.trim() ? `${t.searchTitle}: ${params.q}` : t.searchTitle;
      const html = renderSearchPage(
        ctx.site(),
        {
          title: `${heading} – ${ctx.settings.name}`,
          description: t.searchPlaceholder,
          canonical: `${ctx.present.baseUrl}${searchPath(lang, { q: params.q })}`,
          noindex: true,
        },
        presentSearchPage(params, data, ctx.sections, ctx.present, servedLanguages(ctx.settings)),
      );
      // Results change with every publication; shared caches may keep them only briefly.
      return reply
        .header('cache-control', 'public, max-age=60, s-maxage=60')
        .type('text/html; charset=utf-8')
        .send(html);
    }),
  );
}
