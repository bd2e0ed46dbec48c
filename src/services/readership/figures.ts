// Readership figures as the newsroom reads them: the site's, an article's, a section's and an
// author's, over a period (period.ts). Editors and admins see every figure; a writer sees their
// own articles' and their own totals (policy 'readership.read'). Days without reads are filled
// with zero here, so a chart and its table always show every day of the period.
import { NotFound } from '../../core/errors.ts';
import { authorize } from '../../core/policies/index.ts';
import type { ArticleStatus, Edition, IsoDate, Person, SectionNames } from '../../core/types.ts';
import type { DayRange, DayViews, TopArticle } from '../../db/repositories/readership-figures.ts';
import type { Services } from '../context.ts';
import { eachDay, type Period, type PeriodInput, resolvePeriod } from './period.ts';

export type { DayViews, TopArticle };

/** Rows of a list shown on a page; a CSV export asks for more. */
export const PAGE_ROWS = 20;
export const EXPORT_ROWS = 1000;

type Viewer = Pick<Person, 'id' | 'role'>;
type FigureServices = Pick<Services, 'repos'>;

export interface SectionViews {
  sectionId: number | null;
  /** Null for articles without a section, or a section since deleted. */
  names: SectionNames | null;
  views: number;
}

export interface SiteFigures {
  period: Period;
  days: DayViews[];
  total: number;
  languages: { lang: string; views: number }[];
  devices: { device: string; views: number }[];
  referrers: { domain: string; views: number }[];
  topArticles: TopArticle[];
  sections: SectionViews[];
  authors: { personId: number; name: string; views: number }[];
}

export interface ArticleFigures {
  period: Period;
  article: {
    id: number;
    title: string;
    lang: Edition;
    status: ArticleStatus;
    publishedAt: IsoDate | null;
    authorIds: number[];
  };
  days: DayViews[];
  total: number;
  referrers: { domain: string; views: number }[];
  devices: { device: string; views: number }[];
  /** Reads in the 24 hours from the hour of publication; null for an article not yet published. */
  firstDay: { fromHour: string; toHour: string; views: number } | null;
}

export interface GroupFigures {
  period: Period;
  days: DayViews[];
  total: number;
  topArticles: TopArticle[];
  referrers: { domain: string; views: number }[];
}

export interface AuthorFigures extends GroupFigures {
  author: { id: number; name: string };
}

export interface SectionFigures extends GroupFigures {
  section: { id: number; names: SectionNames };
}

function range(period: Period): DayRange {
  return { from: period.from, to: period.to };
}

/** Every day of the period, with zero where nothing was counted. */
export function fillDays(period: Period, counted: readonly DayViews[]): DayViews[] {
  const byDay = new Map(counted.map((d) => [d.day, d.views]));
  return eachDay(period).map((day) => ({ day, views: byDay.get(day) ?? 0 }));
}

const sum = (days: readonly DayViews[]) => days.reduce((n, d) => n + d.views, 0);

/** 'YYYY-MM-DDTHH' of an instant, UTC, as readership_hours stores it. */
export const hourOf = (ms: number): string => new Date(ms).toISOString().slice(0, 13);

export async function siteFigures(
  services: FigureServices,
  viewer: Viewer,
  input: PeriodInput & { rows?: number },
): Promise<SiteFigures> {
  authorize(viewer, { kind: 'readership.read' });
  const period = resolvePeriod(input);
  const rows = input.rows ?? PAGE_ROWS;
  const f = services.repos.readershipFigures;
  const r = range(period);
  const [days, languages, devices, referrers, topArticles, bySection, authors, sections] = await Promise.all([
    f.viewsByDay(r),
    f.viewsByLanguage(r),
    f.viewsByDevice(r),
    f.referrers(r, {}, rows),
    f.topArticles(r, {}, rows),
    f.viewsBySection(r),
    f.viewsByAuthor(r, rows),
    services.repos.sections.list(),
  ]);
  const names = new Map(sections.map((s) => [s.id, s.names]));
  const filled = fillDays(period, days);
  return {
    period,
    days: filled,
    total: sum(filled),
    languages,
    devices,
    referrers,
    topArticles,
    sections: bySection.map((s) => ({
      sectionId: s.sectionId,
      names: s.sectionId === null ? null : (names.get(s.sectionId) ?? null),
      views: s.views,
    })),
    authors,
  };
}

export async function articleFigures(
  services: FigureServices,
  viewer: Viewer,
  input: PeriodInput & { articleId: number; rows?: number },
): Promise<ArticleFigures> {
  const article = await services.repos.articles.byId(input.articleId);
  if (!article) throw new NotFound(`No article with id ${input.articleId}.`);
  authorize(viewer, { kind: 'readership.read', article });
  const period = resolvePeriod(input);
  const f = services.repos.readershipFigures;
  const scope = { articleId: article.id };
  const published = article.publishedAt === null ? null : Date.parse(article.publishedAt);
  const first =
    published === null || Number.isNaN(published)
      ? null
      : { fromHour: hourOf(published), toHour: hourOf(published + 24 * 3_600_000) };
  const [days, referrers, devices, firstViews] = await Promise.all([
    f.viewsByDay(range(period), scope),
    f.referrers(range(period), scope, input.rows ?? PAGE_ROWS),
    f.viewsByDevice(range(period), scope),
    first ? f.viewsBetweenHours(article.id, first.fromHour, first.toHour) : Promise.resolve(0),
  ]);
  const filled = fillDays(period, days);
  return {
    period,
    article: {
      id: article.id,
      title: article.title,
      lang: article.lang,
      status: article.status,
      publishedAt: article.publishedAt,
      authorIds: article.authorIds,
    },
    days: filled,
    total: sum(filled),
    referrers,
    devices,
    firstDay: first ? { ...first, views: firstViews } : null,
  };
}

async function groupFigures(
  services: FigureServices,
  period: Period,
  scope: { sectionId: number } | { authorId: number },
  rows: number,
): Promise<GroupFigures> {
  const f = services.repos.readershipFigures;
  const [days, topArticles, referrers] = await Promise.all([
    f.viewsByDay(range(period), scope),
    f.topArticles(range(period), scope, rows),
    f.referrers(range(period), scope, rows),
  ]);
  const filled = fillDays(period, days);
  return { period, days: filled, total: sum(filled), topArticles, referrers };
}

export async function authorFigures(
  services: FigureServices,
  viewer: Viewer,
  input: PeriodInput & { authorId: number; rows?: number },
): Promise<AuthorFigures> {
  // Asked before the lookup, so a writer learns nothing of a colleague's account.
  authorize(viewer, { kind: 'readership.read', authorId: input.authorId });
  const period = resolvePeriod(input);
  const person = await services.repos.people.byId(input.authorId);
  if (!person) throw new NotFound(`No person with id ${input.authorId}.`);
  const group = await groupFigures(services, period, { authorId: person.id }, input.rows ?? PAGE_ROWS);
  return { ...group, author: { id: person.id, name: person.name } };
}

export async function sectionFigures(
  services: FigureServices,
  viewer: Viewer,
  input: PeriodInput & { sectionId: number; rows?: number },
): Promise<SectionFigures> {
  // A section's figures are everyone's articles: the site's figures, for editors.
  authorize(viewer, { kind: 'readership.read' });
  const period = resolvePeriod(input);
  const section = await services.repos.sections.byId(input.sectionId);
  if (!section) throw new NotFound(`No section with id ${input.sectionId}.`);
  const group = await groupFigures(services, period, { sectionId: section.id }, input.rows ?? PAGE_ROWS);
  return { ...group, section: { id: section.id, names: section.names } };
}
