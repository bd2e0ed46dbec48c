// The public corrections page of each site language (/corrections, /fr/corrections,
// /en/corrections), linked from every page's footer.
import type { FastifyInstance } from 'fastify';
import { CORRECTION_TEXT } from '../../core/corrections.ts';
import { NotFound } from '../../core/errors.ts';
import type { Edition } from '../../core/types.ts';
import { loadCorrectionsPage } from '../../services/articles/public-corrections.ts';
import { servedLanguages } from '../../services/settings.ts';
import { dependsOn } from '../cache/dependencies.ts';
import { frameTags, tags } from '../cache/tags.ts';
import { type ReaderDeps, readerContext } from './context.ts';
import { type EditionMount, forEdition } from './edition-route.ts';
import { presentDate } from './presenters.ts';
import { PageQuery, parseOr404 } from './schema.ts';
import { articlePath, homePath } from './urls.ts';
import { renderCorrectionsPage } from './views/render-corrections.ts';

export function correctionsPath(lang: Edition): string {
  return `${homePath(lang)}corrections`;
}

export function registerCorrectionsRoute(app: FastifyInstance, deps: ReaderDeps, mount: EditionMount): void {
  app.get(
    `${mount.prefix}/corrections`,
    forEdition(deps, mount, async (request, reply, lang) => {
      const { page } = parseOr404(PageQuery, request.query);
      const ctx = await readerContext(deps, lang);
      const data = await loadCorrectionsPage(deps.services, lang, page);
      if (page > data.pages) throw new NotFound('No such page.');
      // Every change readers see of an article of this language evicts home:<lang> (cache/
      // invalidation.ts), which is when a correction is added, edited or deleted: this page
      // lists that language's articles as the home page does.
      dependsOn(
        reply,
        frameTags(ctx.settings),
        tags.home(lang),
        data.items.map((c) => tags.article(c.article.id)),
      );
      const text = CORRECTION_TEXT[ctx.present.ui];
      const path = correctionsPath(lang);
      const site = ctx.site(
        Object.fromEntries(servedLanguages(ctx.settings).map((l) => [l, correctionsPath(l)])),
      );
      const html = renderCorrectionsPage(
        site,
        {
          title: `${text.pageTitle} – ${ctx.settings.name}`,
          description: text.pageIntro,
          canonical: `${ctx.present.baseUrl}${path}${page > 1 ? `?page=${page}` : ''}`,
        },
        {
          title: text.pageTitle,
          intro: text.pageIntro,
          empty: text.empty,
          onArticle: text.onArticle,
          items: data.items.map((c) => ({
            id: c.id,
            label: text.correction,
            date: presentDate(c.createdAt, ctx.present),
            text: c.body,
            article: { href: articlePath(c.article), title: c.article.title },
          })),
          pagination: {
            page,
            pages: data.pages,
            prev: page > 1 ? (page === 2 ? path : `${path}?page=${page - 1}`) : null,
            next: page < data.pages ? `${path}?page=${page + 1}` : null,
          },
        },
      );
      return reply.type('text/html; charset=utf-8').send(html);
    }),
  );
}
