// Live coverage of an article: a story told hour by hour in short dated entries (text, a photo,
// an embed) above the article's body text. Staff start it, add, edit, pin and delete entries,
// and end it; readers see newest first with pinned key events on top.
import type { IsoDate, Lang } from './types.ts';

export const LIVE_STATES = ['live', 'ended'] as const;
export type LiveState = (typeof LIVE_STATES)[number];

/** An entry is a paragraph or a few, not a second article (counted in characters of its text). */
export const LIVE_ENTRY_MAX_TEXT = 5000;
/** Stored HTML, photo and markup included. */
export const LIVE_ENTRY_MAX_HTML = 40_000;
/**
 * Shown on the article page, newest first: enough for a day of coverage within the page's 30 KB
 * budget; older entries stay in the newsroom and the feeds' history.
 */
export const LIVE_ENTRIES_ON_PAGE = 60;
/** Entries named in the page's LiveBlogPosting (search engines read the newest). */
export const LIVE_ENTRIES_IN_JSON_LD = 20;

export interface LiveCoverage {
  articleId: number;
  state: LiveState;
  startedAt: IsoDate;
  endedAt: IsoDate | null;
}

export interface LiveEntry {
  id: number;
  articleId: number;
  /** Sanitized with the article allowlist, stored like an article body. */
  bodyHtml: string;
  personId: number | null;
  pinned: boolean;
  /** Set once the text was changed after it was first shown. */
  edited: boolean;
  deleted: boolean;
  createdAt: IsoDate;
  updatedAt: IsoDate;
}

/** Readers' words for live pages, in every language. */
export const LIVE_TEXT: Record<
  Lang,
  {
    heading: string;
    live: string;
    ended: string;
    keyEvents: string;
    pinned: string;
    edited: string;
    empty: string;
    newUpdates: string;
    newUpdate: string;
    announce: string;
    feedEntry: string;
  }
> = {
  ar: {
    heading: 'التغطية المباشرة',
    live: 'مباشر',
    ended: 'انتهت التغطية المباشرة',
    keyEvents: 'أبرز الأحداث',
    pinned: 'حدث بارز',
    edited: 'عُدّل',
    empty: 'لا مستجدات بعد.',
    newUpdates: '{n} مستجدات جديدة',
    newUpdate: 'مستجد جديد واحد',
    announce: 'وصلت مستجدات جديدة: {n}',
    feedEntry: 'مستجد',
  },
  fr: {
    heading: 'En direct',
    live: 'En direct',
    ended: 'Le direct est terminé',
    keyEvents: 'Moments clés',
    pinned: 'Moment clé',
    edited: 'modifié',
    empty: "Pas encore d'entrée.",
    newUpdates: '{n} nouvelles entrées',
    newUpdate: '1 nouvelle entrée',
    announce: 'Nouvelles entrées : {n}',
    feedEntry: 'Direct',
  },
  en: {
    heading: 'Live coverage',
    live: 'Live',
    ended: 'Live coverage has ended',
    keyEvents: 'Key events',
    pinned: 'Key event',
    edited: 'edited',
    empty: 'No updates yet.',
    newUpdates: '{n} new updates',
    newUpdate: '1 new update',
    announce: 'New updates: {n}',
    feedEntry: 'Live',
  },
};
