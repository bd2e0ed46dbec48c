// What the newsroom's frame and dashboard show: things a person can act on. Writers see their
// own drafts, their work waiting for review, scheduled and published; editors see everyone's
// review queue, schedule and latest stories, the comments waiting and what readers read most.
import { can } from '../../core/policies/index.ts';
import { type Article, type ArticleStatus, type Comment, LANGUAGES, type Person } from '../../core/types.ts';
import type { NewsroomSort } from '../../db/repositories/contract.ts';
import type { Services } from '../context.ts';
import { hourKey } from '../readership/most-read.ts';
import { loadSiteSettings } from '../settings.ts';

export const DASHBOARD_ITEMS = 5;
/** The dashboard's "most read" looks at the last week, all languages together. */
const MOST_READ_DAYS = 7;

export interface DashboardList<T> {
  items: T[];
  /** All of them, when the list shows only the first few. */
  total: number;
}

export interface Dashboard {
  /** Editors see everyone's queue and schedule; others their own. */
  seesAll: boolean;
  myDrafts: DashboardList<Article>;
  waitingReview: DashboardList<Article>;
  scheduled: DashboardList<Article>;
  published: DashboardList<Article>;
  /** Null for those who do not moderate. */
  comments: DashboardList<{ comment: Comment; article: Article | null }> | null;
  /** Null for those who may not read the site's figures. */
  mostRead: { article: Article; views: number }[] | null;
  timezone: string;
}

export async function dashboardFor(
  services: Pick<Services, 'repos'>,
  person: Person,
  now = new Date(),
): Promise<Dashboard> {
  const { repos } = services;
  const seesAll = can(person, { kind: 'article.list-all' });
  const articles = async (
    status: ArticleStatus,
    sort: NewsroomSort,
    descending: boolean,
    mine: boolean,
  ): Promise<DashboardList<Article>> =>
    repos.articles.listForNewsroom({
      status,
      sort,
      descending,
      ...(mine ? { authorId: person.id } : {}),
      limit: DASHBOARD_ITEMS,
    });
  const moderates = can(person, { kind: 'comment.moderate' });
  const [myDrafts, waitingReview, scheduled, published, comments, mostRead, { timezone }] = await Promise.all(
    [
      articles('draft', 'updated', true, true),
      // The oldest waiting first: it has waited longest.
      articles('pending', 'updated', false, !seesAll),
      articles('scheduled', 'published', false, !seesAll),
      articles('published', 'published', true, !seesAll),
      moderates ? waitingComments(services) : Promise.resolve(null),
      can(person, { kind: 'readership.read' }) ? mostReadArticles(services, now) : Promise.resolve(null),
      loadSiteSettings(repos),
    ],
  );
  return { seesAll, myDrafts, waitingReview, scheduled, published, comments, mostRead, timezone };
}

async function waitingComments(
  services: Pick<Services, 'repos'>,
): Promise<DashboardList<{ comment: Comment; article: Article | null }>> {
  const [pending, total] = await Promise.all([
    services.repos.comments.listByStatus('pending', DASHBOARD_ITEMS),
    services.repos.comments.count({ status: 'pending' }),
  ]);
  const articles = new Map(
    (await services.repos.articles.byIds([...new Set(pending.map((c) => c.articleId))])).map((a) => [
      a.id,
      a,
    ]),
  );
  return {
    items: pending.map((comment) => ({ comment, article: articles.get(comment.articleId) ?? null })),
    total,
  };
}

/** The site's most-read live articles of the last week, every language together, most first. */
async function mostReadArticles(
  services: Pick<Services, 'repos'>,
  now: Date,
): Promise<{ article: Article; views: number }[]> {
  const sinceHour = hourKey(now.getTime(), MOST_READ_DAYS * 24 - 1);
  const perLang = await Promise.all(
    LANGUAGES.map((lang) =>
      services.repos.readership.mostRead({ lang, sinceHour, now: now.toISOString(), limit: DASHBOARD_ITEMS }),
    ),
  );
  const top = perLang
    .flat()
    .sort((a, b) => b.views - a.views || b.articleId - a.articleId)
    .slice(0, DASHBOARD_ITEMS);
  const byId = new Map(
    (await services.repos.articles.byIds(top.map((r) => r.articleId))).map((a) => [a.id, a]),
  );
  return top.flatMap((r) => {
    const article = byId.get(r.articleId);
    return article ? [{ article, views: r.views }] : [];
  });
}

/** Comments waiting for the person, shown as a badge in the menu: only to those who moderate. */
export function pendingCommentsFor(
  services: Pick<Services, 'repos'>,
  person: Person | null,
): Promise<number> {
  if (!person || !can(person, { kind: 'comment.moderate' })) return Promise.resolve(0);
  return services.repos.comments.count({ status: 'pending' });
}
