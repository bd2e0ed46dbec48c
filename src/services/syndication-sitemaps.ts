// What sitemaps read: months with publications and their articles (with featured images and
// translations), the section, tag and author pages that have articles in each language, and
// the articles of the last two days for Google News.
import { NotFound } from '../core/errors.ts';
import type { Edition, IsoDate, Media } from '../core/types.ts';
import type { ArticleRef, ListingActivity, PublishedMonth } from '../db/repositories/contract.ts';
import type { Services } from './context.ts';
import { translationsOf } from './syndication.ts';

/** The sitemaps protocol's limit of URLs per file. */
export const SITEMAP_LIMIT = 50_000;
/** Google News reads at most 1,000 articles per news sitemap… */
export const NEWS_LIMIT = 1_000;
/** …published in the last two days. */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
// Comfortably under SQLite's and PostgreSQL's limits on bound parameters.
const ID_CHUNK = 5_000;

export type ListingKind = 'sections' | 'tags' | 'authors';
export const LISTING_KINDS: readonly ListingKind[] = ['sections', 'tags', 'authors'];

/** One listing page (a section, tag or author in one language) worth indexing. */
export interface ListingEntry {
  slug: string;
  lang: Edition;
  lastModified: IsoDate;
  /** Languages in which the same section, tag or author has a page with articles. */
  langs: Edition[];
}

export interface SitemapIndexData {
  months: PublishedMonth[];
  listings: { kind: ListingKind; count: number; lastModified: IsoDate | null }[];
}

export interface ArticleSitemapData {
  refs: ArticleRef[];
  media: Map<number, Media>;
  translations: Map<number, ArticleRef[]>;
}

async function inChunks<T>(ids: readonly number[], load: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const unique = [...new Set(ids)];
  const out: T[] = [];
  for (let i = 0; i < unique.length; i += ID_CHUNK) out.push(...(await load(unique.slice(i, i + ID_CHUNK))));
  return out;
}

function later(a: IsoDate | null, b: IsoDate): IsoDate {
  return a === null || b > a ? b : a;
}

/** How many sitemap files a number of URLs needs. */
export function pagesFor(count: number, limit = SITEMAP_LIMIT): number {
  return Math.max(1, Math.ceil(count / limit));
}

export async function loadSitemapIndex(services: Pick<Services, 'repos'>): Promise<SitemapIndexData> {
  const months = await services.repos.articles.publishedMonths();
  const listings = await Promise.all(
    LISTING_KINDS.map(async (kind) => {
      const entries = await loadListingEntries(services, kind);
      return {
        kind,
        count: entries.length,
        lastModified: entries.reduce<IsoDate | null>((max, e) => later(max, e.lastModified), null),
      };
    }),
  );
  return { months, listings };
}

/** Articles published in a UTC month ("2026-11"), one sitemap page of them. */
export async function loadArticleSitemap(
  services: Pick<Services, 'repos'>,
  month: string,
  page: number,
  limit = SITEMAP_LIMIT,
): Promise<ArticleSitemapData> {
  const { repos } = services;
  const [year, mm] = month.split('-').map(Number) as [number, number];
  const from = new Date(Date.UTC(year, mm - 1, 1)).toISOString();
  const to = new Date(Date.UTC(year, mm, 1)).toISOString();
  const refs = await repos.articles.listPublishedRefs({
    publishedFrom: from,
    publishedBefore: to,
    limit,
    offset: (page - 1) * limit,
  });
  if (refs.length === 0) throw new NotFound('No such sitemap.');
  const groups = refs.map((r) => r.translationGroup).filter((g): g is number => g !== null);
  const [media, siblings] = await Promise.all([
    inChunks(
      refs.map((r) => r.featuredMediaId).filter((id): id is number => id !== null),
      (chunk) => repos.media.byIds(chunk),
    ),
    inChunks(groups, (chunk) => repos.articles.publishedInGroups(chunk)),
  ]);
  return { refs, media: new Map(media.map((m) => [m.id, m])), translations: translationsOf(refs, siblings) };
}

function entriesOf(activity: ListingActivity[], slugOf: Map<number, string>): ListingEntry[] {
  const langsOf = new Map<number, Edition[]>();
  for (const a of activity) langsOf.set(a.id, [...(langsOf.get(a.id) ?? []), a.lang]);
  return activity
    .filter((a) => slugOf.has(a.id))
    .sort((x, y) => x.id - y.id || x.lang.localeCompare(y.lang))
    .map((a) => ({
      slug: slugOf.get(a.id)!,
      lang: a.lang,
      lastModified: a.lastModified,
      langs: langsOf.get(a.id)!,
    }));
}

/** Section pages list their subsections' articles too, so activity rolls up to every ancestor. */
function rollUp(activity: ListingActivity[], parentOf: Map<number, number | null>): ListingActivity[] {
  const latest = new Map<string, ListingActivity>();
  for (const a of activity) {
    let id: number | null | undefined = a.id;
    const seen = new Set<number>();
    while (id !== null && id !== undefined && !seen.has(id)) {
      seen.add(id);
      const key = `${id}:${a.lang}`;
      const known = latest.get(key);
      if (!known || a.lastModified > known.lastModified) latest.set(key, { ...a, id });
      id = parentOf.get(id);
    }
  }
  return [...latest.values()];
}

export async function loadListingEntries(
  services: Pick<Services, 'repos'>,
  kind: ListingKind,
): Promise<ListingEntry[]> {
  const { repos } = services;
  const activity = await repos.articles.listingActivity();
  if (kind === 'sections') {
    const sections = await repos.sections.list();
    const parentOf = new Map(sections.map((s) => [s.id, s.parentId]));
    return entriesOf(rollUp(activity.sections, parentOf), new Map(sections.map((s) => [s.id, s.slug])));
  }
  if (kind === 'tags') {
    const tags = await inChunks(
      activity.tags.map((a) => a.id),
      (chunk) => repos.tags.byIds(chunk),
    );
    return entriesOf(activity.tags, new Map(tags.map((t) => [t.id, t.slug])));
  }
  const people = await inChunks(
    activity.authors.map((a) => a.id),
    (chunk) => repos.people.byIds(chunk),
  );
  return entriesOf(activity.authors, new Map(people.map((p) => [p.id, p.slug])));
}

/** Google News: articles published within the last two days, newest first, at most 1,000. */
export function loadNewsSitemap(services: Pick<Services, 'repos'>, now = new Date()): Promise<ArticleRef[]> {
  return services.repos.articles.listPublishedRefs({
    publishedFrom: new Date(now.getTime() - NEWS_WINDOW_MS).toISOString(),
    limit: NEWS_LIMIT,
  });
}
