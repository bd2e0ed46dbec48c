// The bodies of the readership pages: the site overview, one article, one author or section.
import { format } from '../../../core/i18n.ts';
import type { Section } from '../../../core/types.ts';
import type {
  ArticleFigures,
  GroupFigures,
  SectionViews,
  SiteFigures,
} from '../../../services/readership/figures.ts';
import { periodQuery } from './format.ts';
import {
  ArticleLink,
  CountSection,
  type Ctx,
  DaysFigure,
  domainLabel,
  EmptyFigures,
  PeriodPicker,
  Totals,
} from './views.tsx';

const BASE = '/newsroom/readership';

// The tables more than one page shows, each with its CSV link.

function TopArticlesSection({
  ctx,
  articles,
  csv,
}: {
  ctx: Ctx;
  articles: SiteFigures['topArticles'];
  csv: string;
}) {
  return (
    <CountSection
      ctx={ctx}
      id="articles"
      title={ctx.t.topArticles}
      head={ctx.t.article}
      csv={csv}
      rows={articles.map((a) => ({
        key: String(a.articleId),
        label: <ArticleLink ctx={ctx} id={a.articleId} title={a.title} lang={a.lang} />,
        views: a.views,
      }))}
    />
  );
}

function ReferrersSection({
  ctx,
  referrers,
  csv,
}: {
  ctx: Ctx;
  referrers: SiteFigures['referrers'];
  csv: string;
}) {
  return (
    <CountSection
      ctx={ctx}
      id="referrers"
      title={ctx.t.referrers}
      head={ctx.t.domain}
      csv={csv}
      rows={referrers.map((r) => ({ key: r.domain, label: domainLabel(ctx.t, r.domain), views: r.views }))}
    />
  );
}

function DevicesSection({ ctx, devices, csv }: { ctx: Ctx; devices: SiteFigures['devices']; csv: string }) {
  return (
    <CountSection
      ctx={ctx}
      id="devices"
      title={ctx.t.byDevice}
      head={ctx.t.device}
      csv={csv}
      rows={devices.map((d) => ({
        key: d.device,
        label: ctx.t.deviceNames[d.device] ?? d.device,
        views: d.views,
      }))}
    />
  );
}

function sectionName(ctx: Ctx, s: Pick<SectionViews, 'names'>): string {
  return s.names ? s.names[ctx.fmt.lang] || s.names.ar : ctx.t.noSection;
}

export function SiteFiguresPage({ ctx, figures }: { ctx: Ctx; figures: SiteFigures }) {
  const { t, fmt } = ctx;
  const csv = (table: string) => `${BASE}/export.csv?table=${table}`;
  const q = periodQuery(ctx.period);
  return (
    <>
      <PeriodPicker ctx={ctx} base={BASE} />
      <Totals items={[{ label: t.total, value: fmt.number(figures.total) }]} />
      {figures.total === 0 ? (
        <EmptyFigures t={t} />
      ) : (
        <>
          <DaysFigure ctx={ctx} days={figures.days} csv={csv('days')} />
          <TopArticlesSection ctx={ctx} articles={figures.topArticles} csv={csv('articles')} />
          <CountSection
            ctx={ctx}
            id="sections"
            title={t.bySection}
            head={t.section}
            csv={csv('sections')}
            rows={figures.sections.map((s) => ({
              key: String(s.sectionId),
              label:
                s.sectionId === null || !s.names ? (
                  sectionName(ctx, s)
                ) : (
                  <a href={`${BASE}/sections/${s.sectionId}?${q}`}>{sectionName(ctx, s)}</a>
                ),
              views: s.views,
            }))}
          />
          <CountSection
            ctx={ctx}
            id="authors"
            title={t.byAuthor}
            head={t.author}
            note={t.sharedCredit}
            csv={csv('authors')}
            rows={figures.authors.map((a) => ({
              key: String(a.personId),
              label: (
                <a href={`${BASE}/authors/${a.personId}?${q}`} dir="auto">
                  {a.name}
                </a>
              ),
              views: a.views,
            }))}
          />
          <CountSection
            ctx={ctx}
            id="languages"
            title={t.byLanguage}
            head={t.language}
            csv={csv('languages')}
            rows={figures.languages.map((l) => ({
              key: l.lang,
              label: t.langNames[l.lang] ?? l.lang,
              views: l.views,
            }))}
          />
          <DevicesSection ctx={ctx} devices={figures.devices} csv={csv('devices')} />
          <ReferrersSection ctx={ctx} referrers={figures.referrers} csv={csv('referrers')} />
        </>
      )}
    </>
  );
}

export function ArticleFiguresPage({
  ctx,
  figures,
  mayEdit,
  maySeeSite,
}: {
  ctx: Ctx;
  figures: ArticleFigures;
  mayEdit: boolean;
  maySeeSite: boolean;
}) {
  const { t, fmt } = ctx;
  const base = `${BASE}/articles/${figures.article.id}`;
  const csv = (table: string) => `${base}/export.csv?table=${table}`;
  return (
    <>
      <p class="nr-actions">
        {mayEdit ? <a href={`/newsroom/articles/${figures.article.id}`}>{t.openEditor}</a> : null}
        {maySeeSite ? <a href={`${BASE}?${periodQuery(ctx.period)}`}>{t.allFigures}</a> : null}
      </p>
      <PeriodPicker ctx={ctx} base={base} />
      <Totals
        items={[
          { label: t.total, value: fmt.number(figures.total) },
          {
            label: t.firstDay,
            value: figures.firstDay === null ? t.notPublished : fmt.number(figures.firstDay.views),
          },
        ]}
      />
      {figures.total === 0 ? (
        <EmptyFigures t={t} />
      ) : (
        <>
          <DaysFigure ctx={ctx} days={figures.days} csv={csv('days')} />
          <ReferrersSection ctx={ctx} referrers={figures.referrers} csv={csv('referrers')} />
          <DevicesSection ctx={ctx} devices={figures.devices} csv={csv('devices')} />
        </>
      )}
    </>
  );
}

/** An author's or a section's figures: reads by day, their most read articles, referrers. */
export function GroupFiguresPage({
  ctx,
  figures,
  base,
  maySeeSite,
}: {
  ctx: Ctx;
  figures: GroupFigures;
  base: string;
  maySeeSite: boolean;
}) {
  const { t, fmt } = ctx;
  const csv = (table: string) => `${base}/export.csv?table=${table}`;
  return (
    <>
      {maySeeSite ? (
        <p class="nr-actions">
          <a href={`${BASE}?${periodQuery(ctx.period)}`}>{t.allFigures}</a>
        </p>
      ) : null}
      <PeriodPicker ctx={ctx} base={base} />
      <Totals items={[{ label: t.total, value: fmt.number(figures.total) }]} />
      {figures.total === 0 ? (
        <EmptyFigures t={t} />
      ) : (
        <>
          <DaysFigure ctx={ctx} days={figures.days} csv={csv('days')} />
          <TopArticlesSection ctx={ctx} articles={figures.topArticles} csv={csv('articles')} />
          <ReferrersSection ctx={ctx} referrers={figures.referrers} csv={csv('referrers')} />
        </>
      )}
    </>
  );
}

export function sectionTitle(ctx: Ctx, section: Pick<Section, 'names'>): string {
  return format(ctx.t.sectionTitle, { name: sectionName(ctx, section) });
}
