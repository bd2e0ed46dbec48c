// From stored coverage and entries to what the page, the JSON and the stream show.
import { displayDate } from '../../../core/dates.ts';
import { LIVE_TEXT, type LiveEntry } from '../../../core/live.ts';
import type { Lang } from '../../../core/types.ts';
import type { ReaderLive } from '../../../services/live/queries.ts';
import { renderBody } from '../body/render-body.ts';
import type { PresentContext } from '../presenters.ts';
import type { LiveEntryView, LiveLabels, LiveView } from './view.tsx';

export const livePaths = {
  json: (articleId: number) => `/live/${articleId}/updates.json`,
  stream: (articleId: number) => `/live/${articleId}/stream`,
};

export type EntryContext = Pick<PresentContext, 'lang' | 'ui' | 't' | 'baseUrl' | 'timezone'>;

export function liveLabels(lang: Lang): LiveLabels {
  const { feedEntry: _feed, ...labels } = LIVE_TEXT[lang];
  return labels;
}

export function presentEntry(entry: LiveEntry, ctx: EntryContext): LiveEntryView {
  return {
    id: entry.id,
    iso: new Date(entry.createdAt).toISOString(),
    when: displayDate(entry.createdAt, ctx.lang, ctx.timezone, true).gregorian,
    pinned: entry.pinned,
    edited: entry.edited,
    bodyHtml: renderBody(entry.bodyHtml, { lang: ctx.lang, t: ctx.t, baseUrl: ctx.baseUrl }),
  };
}

export function presentLive(live: ReaderLive, ctx: EntryContext): LiveView {
  const entries = live.entries.map((e) => presentEntry(e, ctx));
  return {
    articleId: live.coverage.articleId,
    state: live.coverage.state,
    labels: liveLabels(ctx.ui),
    pinned: entries.filter((e) => e.pinned),
    entries,
    latestId: live.entries.reduce((max, e) => Math.max(max, e.id), 0),
    jsonUrl: livePaths.json(live.coverage.articleId),
    streamUrl: livePaths.stream(live.coverage.articleId),
  };
}
