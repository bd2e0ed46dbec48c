// Readership figures in the newsroom: the site's (editors and admins), one article's, one
// author's and one section's, each with CSV exports. Who may see what is the service's policy
// ('readership.read'); here the period and table are parsed and the answer rendered.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { format } from '../../../core/i18n.ts';
import { can } from '../../../core/policies/index.ts';
import { parseInput } from '../../../core/validation.ts';
import {
  articleFigures,
  authorFigures,
  EXPORT_ROWS,
  sectionFigures,
  siteFigures,
} from '../../../services/readership/figures.ts';
import { languageOf, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { idParam } from '../params.ts';
import {
  articlesCsv,
  authorsCsv,
  type CsvTable,
  daysCsv,
  devicesCsv,
  languagesCsv,
  referrersCsv,
  sectionsCsv,
  sendCsv,
} from './exports.ts';
import { figureFormat } from './format.ts';
import { readershipMessages } from './messages.ts';
import { READERSHIP_BASE as BASE, readershipNavHref } from './nav.ts';
import { ArticleFiguresPage, GroupFiguresPage, SiteFiguresPage, sectionTitle } from './pages.tsx';
import {
  ArticleExportQuery,
  FigureParams,
  GroupExportQuery,
  PeriodQuery,
  SiteExportQuery,
} from './schema.ts';

export function registerReadershipRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;
  const viewerOf = (request: FastifyRequest) => request.staff!.person;
  const ctxOf = (request: FastifyRequest) => {
    const lang = languageOf(request);
    return { t: readershipMessages(lang), fmt: figureFormat(lang), lang };
  };

  app.get('/readership', async (request, reply) => {
    const query = parseInput(PeriodQuery, request.query);
    const figures = await siteFigures(services, viewerOf(request), query);
    const { t, fmt } = ctxOf(request);
    return sendNewsroomPage(deps, request, reply, {
      title: t.title,
      current: BASE,
      body: <SiteFiguresPage ctx={{ t, fmt, period: figures.period }} figures={figures} />,
    });
  });

  app.get('/readership/export.csv', async (request, reply) => {
    const { table, ...period } = parseInput(SiteExportQuery, request.query);
    const figures = await siteFigures(services, viewerOf(request), { ...period, rows: EXPORT_ROWS });
    const { t, lang } = ctxOf(request);
    const tables: Record<typeof table, () => CsvTable> = {
      days: () => daysCsv(t, figures.days),
      articles: () => articlesCsv(t, figures.topArticles),
      sections: () => sectionsCsv(t, lang, figures.sections),
      authors: () => authorsCsv(t, figures.authors),
      languages: () => languagesCsv(t, figures.languages),
      devices: () => devicesCsv(t, figures.devices),
      referrers: () => referrersCsv(t, figures.referrers),
    };
    return sendCsv(reply, `site-${table}`, figures.period, tables[table]());
  });

  app.get('/readership/articles/:id', async (request, reply) => {
    const articleId = idParam(FigureParams, request.params);
    const query = parseInput(PeriodQuery, request.query);
    const viewer = viewerOf(request);
    const figures = await articleFigures(services, viewer, { ...query, articleId });
    const { t, fmt } = ctxOf(request);
    return sendNewsroomPage(deps, request, reply, {
      title: format(t.articleTitle, { title: figures.article.title }),
      current: readershipNavHref(viewer),
      body: (
        <ArticleFiguresPage
          ctx={{ t, fmt, period: figures.period }}
          figures={figures}
          mayEdit={can(viewer, { kind: 'article.edit', article: figures.article })}
          maySeeSite={can(viewer, { kind: 'readership.read' })}
        />
      ),
    });
  });

  app.get('/readership/articles/:id/export.csv', async (request, reply) => {
    const articleId = idParam(FigureParams, request.params);
    const { table, ...period } = parseInput(ArticleExportQuery, request.query);
    const figures = await articleFigures(services, viewerOf(request), {
      ...period,
      articleId,
      rows: EXPORT_ROWS,
    });
    const { t } = ctxOf(request);
    const tables: Record<typeof table, () => CsvTable> = {
      days: () => daysCsv(t, figures.days),
      referrers: () => referrersCsv(t, figures.referrers),
      devices: () => devicesCsv(t, figures.devices),
    };
    return sendCsv(reply, `article-${articleId}-${table}`, figures.period, tables[table]());
  });

  app.get('/readership/authors/:id', async (request, reply) => {
    const authorId = idParam(FigureParams, request.params);
    const query = parseInput(PeriodQuery, request.query);
    const viewer = viewerOf(request);
    const figures = await authorFigures(services, viewer, { ...query, authorId });
    const { t, fmt } = ctxOf(request);
    return sendNewsroomPage(deps, request, reply, {
      title: format(t.authorTitle, { name: figures.author.name }),
      current: readershipNavHref(viewer),
      body: (
        <GroupFiguresPage
          ctx={{ t, fmt, period: figures.period }}
          figures={figures}
          base={`${BASE}/authors/${authorId}`}
          maySeeSite={can(viewer, { kind: 'readership.read' })}
        />
      ),
    });
  });

  app.get('/readership/sections/:id', async (request, reply) => {
    const sectionId = idParam(FigureParams, request.params);
    const query = parseInput(PeriodQuery, request.query);
    const figures = await sectionFigures(services, viewerOf(request), { ...query, sectionId });
    const { t, fmt } = ctxOf(request);
    const ctx = { t, fmt, period: figures.period };
    return sendNewsroomPage(deps, request, reply, {
      title: sectionTitle(ctx, figures.section),
      current: BASE,
      body: (
        <GroupFiguresPage ctx={ctx} figures={figures} base={`${BASE}/sections/${sectionId}`} maySeeSite />
      ),
    });
  });

  for (const kind of ['authors', 'sections'] as const) {
    app.get(`/readership/${kind}/:id/export.csv`, async (request, reply) => {
      const id = idParam(FigureParams, request.params);
      const { table, ...period } = parseInput(GroupExportQuery, request.query);
      const viewer = viewerOf(request);
      const figures =
        kind === 'authors'
          ? await authorFigures(services, viewer, { ...period, authorId: id, rows: EXPORT_ROWS })
          : await sectionFigures(services, viewer, { ...period, sectionId: id, rows: EXPORT_ROWS });
      const { t } = ctxOf(request);
      const tables: Record<typeof table, () => CsvTable> = {
        days: () => daysCsv(t, figures.days),
        articles: () => articlesCsv(t, figures.topArticles),
        referrers: () => referrersCsv(t, figures.referrers),
      };
      return sendCsv(reply, `${kind.slice(0, -1)}-${id}-${table}`, figures.period, tables[table]());
    });
  }
}
