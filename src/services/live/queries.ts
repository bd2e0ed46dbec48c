// What live pages read: the newsroom's list of entries, the reader page's coverage and entries,
// the updates a reader's open page asks for, and the entries feeds carry.
import { LIVE_ENTRIES_ON_PAGE, type LiveCoverage, type LiveEntry } from '../../core/live.ts';
import { NotFound } from '../../core/errors.ts';
import { authorize } from '../../core/policies/index.ts';
import type { Article, Person } from '../../core/types.ts';
import { articleOrNotFound } from '../articles/editing.ts';
import type { Services } from '../context.ts';
import { loadPublishedArticle } from '../reader.ts';
import { loadSiteSettings } from '../settings.ts';

type Reads = Pick<Services, 'repos'>;

/** How many entries one answer to an open page carries at most; it asks again for the rest. */
export const UPDATES_PER_ANSWER = 50;
/** Entries of a live article carried in a feed item. */
export const FEED_ENTRIES = 20;

export interface EditorLive {
  article: Article;
  coverage: LiveCoverage | null;
  /** Newest first, each with who wrote it (empty when that person is gone). */
  entries: (LiveEntry & { personName: string })[];
  /** The newest images of the library, for the photo menu. */
  photos: { id: number; label: string }[];
  timezone: string;
}

export async function liveForEditor(services: Reads, person: Person, articleId: number): Promise<EditorLive> {
  const article = await articleOrNotFound(services.repos, articleId);
  authorize(person, { kind: 'article.edit', article });
  const [coverage, entries, { timezone }, media] = await Promise.all([
    services.repos.live.coverage(article.id),
    services.repos.live.listEntries(article.id),
    loadSiteSettings(services.repos),
    services.repos.media.list({ limit: 60 }),
  ]);
  const people = await services.repos.people.byIds([
    ...new Set(entries.map((e) => e.personId).filter((id): id is number => id !== null)),
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  return {
    article,
    coverage,
    entries: entries.map((e) => ({
      ...e,
      personName: e.personId === null ? '' : (names.get(e.personId) ?? ''),
    })),
    photos: media.items
      .filter((m) => m.mime.startsWith('image/'))
      .map((m) => ({ id: m.id, label: `#${m.id} ${m.alt || m.caption || m.path}`.slice(0, 90) })),
    timezone,
  };
}

export interface ReaderLive {
  coverage: LiveCoverage;
  /** Newest first, without deleted ones. */
  entries: LiveEntry[];
}

/** The live part of an article page, or null when the article was never live. */
export async function loadLive(services: Reads, article: Article): Promise<ReaderLive | null> {
  const coverage = await services.repos.live.coverage(article.id);
  if (!coverage) return null;
  const entries = await services.repos.live.listEntries(article.id, { limit: LIVE_ENTRIES_ON_PAGE });
  return { coverage, entries };
}

export interface LiveUpdates {
  article: Article;
  coverage: LiveCoverage;
  /** Oldest first, after the given id, at most UPDATES_PER_ANSWER. */
  entries: LiveEntry[];
  /** The newest entry id readers can see, 0 when there is none. */
  latestId: number;
}

/** New entries of a published live article for an open page; anything else is "not found". */
export async function liveUpdates(services: Reads, articleId: number, afterId: number): Promise<LiveUpdates> {
  const article = await loadPublishedArticle(services, articleId);
  const coverage = await services.repos.live.coverage(article.id);
  if (!coverage) throw new NotFound('This article has no live coverage.');
  const [entries, newest] = await Promise.all([
    services.repos.live.listEntries(article.id, { afterId, order: 'asc', limit: UPDATES_PER_ANSWER }),
    services.repos.live.listEntries(article.id, { limit: 1 }),
  ]);
  return { article, coverage, entries, latestId: newest[0]?.id ?? 0 };
}

/** Entries changed (added, edited, pinned, deleted) since a moment: what a broadcaster pushes. */
export function liveChangesSince(services: Reads, articleId: number, since: string): Promise<LiveEntry[]> {
  return services.repos.live.changedSince(articleId, since);
}

export function liveStamps(services: Reads, articleId: number): Promise<{ id: number; updatedAt: string }[]> {
  return services.repos.live.stamps(articleId);
}

export function liveCoverage(services: Reads, articleId: number): Promise<LiveCoverage | null> {
  return services.repos.live.coverage(articleId);
}

/** The newest entries of each live (or once live) article among these, for feed items. */
export async function liveForFeeds(
  services: Reads,
  articleIds: readonly number[],
): Promise<Map<number, ReaderLive>> {
  const coverages = await services.repos.live.coverages(articleIds);
  const out = new Map<number, ReaderLive>();
  await Promise.all(
    [...coverages.values()].map(async (coverage) => {
      const entries = await services.repos.live.listEntries(coverage.articleId, { limit: FEED_ENTRIES });
      out.set(coverage.articleId, { coverage, entries });
    }),
  );
  return out;
}
