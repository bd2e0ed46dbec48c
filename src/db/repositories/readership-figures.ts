// Readership figures for the newsroom (issue 21): reads of the aggregate tables of migration
// 012_readership, always within a period so no query reads all of time. Hours are narrowed by
// the (hour) index, or by the primary key (article_id, …) when the figures are one article's;
// a section's or an author's articles are picked with a subquery on the article ids, so the
// primary keys of the per-day tables serve those too. An article with several authors counts
// whole for each of them: a byline shares the credit, not the readers.
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { toCount } from './support.ts';

/** A period of whole UTC days, both ends included ('YYYY-MM-DD'). */
export interface DayRange {
  from: string;
  to: string;
}

/** Whose figures: the whole site (nothing given), one article, a section's articles, an author's. */
export interface FigureScope {
  articleId?: number;
  sectionId?: number;
  authorId?: number;
}

export interface DayViews {
  day: string;
  views: number;
}

export interface TopArticle {
  articleId: number;
  title: string;
  lang: string;
  sectionId: number | null;
  views: number;
}

export interface ReadershipFiguresRepository {
  /** Views per UTC day of the period, oldest first; days without views are absent. */
  viewsByDay(range: DayRange, scope?: FigureScope): Promise<DayViews[]>;
  /** Views per page language, most first. */
  viewsByLanguage(range: DayRange, scope?: FigureScope): Promise<{ lang: string; views: number }[]>;
  /** Views per device class, most first. */
  viewsByDevice(range: DayRange, scope?: FigureScope): Promise<{ device: string; views: number }[]>;
  /** Referring domains ('' = none or the site itself), most first. */
  referrers(range: DayRange, scope: FigureScope, limit: number): Promise<{ domain: string; views: number }[]>;
  /** The most read articles that still exist (ties: newer id first). */
  topArticles(range: DayRange, scope: FigureScope, limit: number): Promise<TopArticle[]>;
  /** Article views per section (null = articles without a section), most first. */
  viewsBySection(range: DayRange): Promise<{ sectionId: number | null; views: number }[]>;
  /** Article views per byline author, most first. */
  viewsByAuthor(range: DayRange, limit: number): Promise<{ personId: number; name: string; views: number }[]>;
  /** Views of one article in the hours [fromHour, toHour) ('YYYY-MM-DDTHH'): its first day's reads. */
  viewsBetweenHours(articleId: number, fromHour: string, toHour: string): Promise<number>;
}

// Hours are 'YYYY-MM-DDTHH', so a day's hours sort between 'dayT00' and 'dayT23'.
const firstHour = (range: DayRange) => `${range.from}T00`;
const lastHour = (range: DayRange) => `${range.to}T23`;

type Column =
  | 'readership_hours.article_id'
  | 'readership_referrers.article_id'
  | 'readership_devices.article_id';

/**
 * The condition that keeps only the scope's articles. For the whole site it is true on the hours
 * table (read through its (hour) index); the per-day tables have no index on the day, only their
 * primary key (article_id, day, …), so there it names the articles read in the period, found
 * through the hours' index: every view is counted in both, so no article is left out, and each
 * article's days are a primary-key range instead of a scan of all time.
 */
function inScope(
  db: Kysely<Database>,
  column: Column,
  scope: FigureScope = {},
  range?: DayRange,
): RawBuilder<boolean> {
  const ref = sql.ref(column);
  if (scope.articleId !== undefined) return sql<boolean>`${ref} = ${scope.articleId}`;
  if (scope.sectionId !== undefined) {
    const ids = db
      .selectFrom('articles')
      .select('articles.id')
      .where('articles.section_id', '=', scope.sectionId);
    return sql<boolean>`${ref} in (${ids})`;
  }
  if (scope.authorId !== undefined) {
    const ids = db
      .selectFrom('article_authors')
      .select('article_authors.article_id')
      .where('article_authors.person_id', '=', scope.authorId);
    return sql<boolean>`${ref} in (${ids})`;
  }
  if (column !== 'readership_hours.article_id' && range) {
    const read = db
      .selectFrom('readership_hours')
      .select('readership_hours.article_id')
      .distinct()
      .where('readership_hours.hour', '>=', firstHour(range))
      .where('readership_hours.hour', '<=', lastHour(range));
    return sql<boolean>`${ref} in (${read})`;
  }
  return sql<boolean>`1 = 1`;
}

const dayOfHour = sql<string>`substr(readership_hours.hour, 1, 10)`;

export function createReadershipFiguresRepository(db: Kysely<Database>): ReadershipFiguresRepository {
  const hours = (range: DayRange, scope?: FigureScope) =>
    db
      .selectFrom('readership_hours')
      .where('readership_hours.hour', '>=', firstHour(range))
      .where('readership_hours.hour', '<=', lastHour(range))
      .where(inScope(db, 'readership_hours.article_id', scope));

  return {
    async viewsByDay(range, scope) {
      const rows = await hours(range, scope)
        .select(dayOfHour.as('day'))
        .select((eb) => eb.fn.sum<string | number>('readership_hours.views').as('views'))
        .groupBy(dayOfHour)
        .orderBy(dayOfHour)
        .execute();
      return rows.map((r) => ({ day: r.day, views: toCount(r.views) }));
    },

    async viewsByLanguage(range, scope) {
      const rows = await hours(range, scope)
        .select('readership_hours.lang as lang')
        .select((eb) => eb.fn.sum<string | number>('readership_hours.views').as('views'))
        .groupBy('readership_hours.lang')
        .orderBy('views', 'desc')
        .orderBy('readership_hours.lang')
        .execute();
      return rows.map((r) => ({ lang: r.lang, views: toCount(r.views) }));
    },

    async viewsByDevice(range, scope) {
      const rows = await db
        .selectFrom('readership_devices')
        .select('readership_devices.device as device')
        .select((eb) => eb.fn.sum<string | number>('readership_devices.views').as('views'))
        .where('readership_devices.day', '>=', range.from)
        .where('readership_devices.day', '<=', range.to)
        .where(inScope(db, 'readership_devices.article_id', scope, range))
        .groupBy('readership_devices.device')
        .orderBy('views', 'desc')
        .orderBy('readership_devices.device')
        .execute();
      return rows.map((r) => ({ device: r.device, views: toCount(r.views) }));
    },

    async referrers(range, scope, limit) {
      const rows = await db
        .selectFrom('readership_referrers')
        .select('readership_referrers.domain as domain')
        .select((eb) => eb.fn.sum<string | number>('readership_referrers.views').as('views'))
        .where('readership_referrers.day', '>=', range.from)
        .where('readership_referrers.day', '<=', range.to)
        .where(inScope(db, 'readership_referrers.article_id', scope, range))
        .groupBy('readership_referrers.domain')
        .orderBy('views', 'desc')
        .orderBy('readership_referrers.domain')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ domain: r.domain, views: toCount(r.views) }));
    },

    async topArticles(range, scope, limit) {
      const rows = await hours(range, scope)
        .innerJoin('articles', 'articles.id', 'readership_hours.article_id')
        .select(['articles.id as articleId', 'articles.title', 'articles.lang', 'articles.section_id'])
        .select((eb) => eb.fn.sum<string | number>('readership_hours.views').as('views'))
        .groupBy(['articles.id', 'articles.title', 'articles.lang', 'articles.section_id'])
        .orderBy('views', 'desc')
        .orderBy('articles.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => ({
        articleId: r.articleId,
        title: r.title,
        lang: r.lang,
        sectionId: r.section_id,
        views: toCount(r.views),
      }));
    },

    async viewsBySection(range) {
      const rows = await hours(range)
        .innerJoin('articles', 'articles.id', 'readership_hours.article_id')
        .select('articles.section_id as sectionId')
        .select((eb) => eb.fn.sum<string | number>('readership_hours.views').as('views'))
        .groupBy('articles.section_id')
        .orderBy('views', 'desc')
        .orderBy('articles.section_id')
        .execute();
      return rows.map((r) => ({ sectionId: r.sectionId, views: toCount(r.views) }));
    },

    async viewsByAuthor(range, limit) {
      const rows = await hours(range)
        .innerJoin('article_authors', 'article_authors.article_id', 'readership_hours.article_id')
        .innerJoin('people', 'people.id', 'article_authors.person_id')
        .select(['people.id as personId', 'people.name as name'])
        .select((eb) => eb.fn.sum<string | number>('readership_hours.views').as('views'))
        .groupBy(['people.id', 'people.name'])
        .orderBy('views', 'desc')
        .orderBy('people.id')
        .limit(limit)
        .execute();
      return rows.map((r) => ({ personId: r.personId, name: r.name, views: toCount(r.views) }));
    },

    async viewsBetweenHours(articleId, fromHour, toHour) {
      const row = await db
        .selectFrom('readership_hours')
        .select((eb) => eb.fn.sum<string | number>('readership_hours.views').as('views'))
        .where('readership_hours.article_id', '=', articleId)
        .where('readership_hours.hour', '>=', fromHour)
        .where('readership_hours.hour', '<', toHour)
        .executeTakeFirst();
      return toCount(row?.views ?? 0);
    },
  };
}
