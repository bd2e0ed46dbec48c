// The "most read" list of a language: live articles by views in the last 24 hours, or in the
// last 7 days while the last day has too few to fill a list. Kept in memory for a short while
// (pages that show it are cached besides, and refreshed by a 'most-read' event when the list
// moves), so rendering pages does not sum the counts each time.
import type { Article, Edition } from '../../core/types.ts';
import type { Services } from '../context.ts';

export const MOST_READ_SHOWN = 5;
/** Fewer than this in the last 24 hours and the list looks over 7 days instead. */
const ENOUGH_IN_A_DAY = 3;
const MEMO_MS = 30_000;

type ListServices = Pick<Services, 'repos'>;

/**
 * The list's ids by language, as a promise: requests that find the memo stale together share
 * one reading of the counts instead of each summing them (a busy page at the moment the memo
 * expires had every request in flight run the same two aggregate queries).
 */
const memo = new WeakMap<object, Map<Edition, { at: number; ids: Promise<number[]> }>>();

/** 'YYYY-MM-DDTHH' of the hour `hoursAgo` hours before now. */
export function hourKey(now: number, hoursAgo = 0): string {
  return new Date(now - hoursAgo * 3_600_000).toISOString().slice(0, 13);
}

/** The ids of the list, most read first (read from the database, no memo). */
export async function mostReadIds(
  services: ListServices,
  lang: Edition,
  now = Date.now(),
): Promise<number[]> {
  const iso = new Date(now).toISOString();
  const ask = (hours: number) =>
    services.repos.readership.mostRead({
      lang,
      sinceHour: hourKey(now, hours - 1),
      now: iso,
      limit: MOST_READ_SHOWN,
    });
  let rows = await ask(24);
  if (rows.length < ENOUGH_IN_A_DAY) rows = await ask(7 * 24);
  return rows.map((r) => r.articleId);
}

/** The list's articles, in order, from a memo at most 30 s old (or dropped by `forgetMostRead`). */
export async function loadMostRead(
  services: ListServices,
  lang: Edition,
  now = Date.now(),
): Promise<Article[]> {
  let byLang = memo.get(services);
  if (!byLang) {
    byLang = new Map();
    memo.set(services, byLang);
  }
  let entry = byLang.get(lang);
  if (!entry || now - entry.at > MEMO_MS) {
    const fresh = { at: now, ids: mostReadIds(services, lang, now) };
    entry = fresh;
    byLang.set(lang, fresh);
    // A failed reading is not kept: the next page asks again.
    fresh.ids.catch(() => {
      if (byLang.get(lang) === fresh) byLang.delete(lang);
    });
  }
  const ids = await entry.ids;
  if (ids.length === 0) return [];
  const articles = await services.repos.articles.byIds(ids);
  const byId = new Map(articles.map((a) => [a.id, a]));
  // Checked again here: an article unpublished since the list was made drops out at once.
  return ids.flatMap((id) => {
    const a = byId.get(id);
    return a &&
      a.status === 'published' &&
      a.publishedAt !== null &&
      a.publishedAt <= new Date(now).toISOString()
      ? [a]
      : [];
  });
}

/** Drops the memo of these languages (the list moved): the next page render reads it afresh. */
export function forgetMostRead(services: ListServices, langs: readonly Edition[]): void {
  const byLang = memo.get(services);
  if (byLang) for (const l of langs) byLang.delete(l);
}
