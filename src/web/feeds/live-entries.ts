// A live article's entries in its feed item: the newest few in the summary (a feed reader shows
// that much), and, where feeds carry full text, every recent entry dated above the body.
import { absolutizeHtml } from '../../core/absolute-html.ts';
import { escapeHtml, htmlToText } from '../../core/html-policy.ts';
import { LIVE_TEXT } from '../../core/live.ts';
import type { Lang } from '../../core/types.ts';
import type { ReaderLive } from '../../services/live/queries.ts';

const IN_SUMMARY = 3;

const stamp = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

export function liveSummary(live: ReaderLive | undefined, lang: Lang, summary: string): string {
  if (!live || live.entries.length === 0) return summary;
  const label = LIVE_TEXT[lang].feedEntry;
  const lines = live.entries
    .slice(0, IN_SUMMARY)
    .map((e) => `${label} (${stamp(e.createdAt)}): ${htmlToText(e.bodyHtml)}`);
  return [...lines, summary].join('\n\n');
}

export function liveContentHtml(live: ReaderLive | undefined, lang: Lang, baseUrl: string): string {
  if (!live || live.entries.length === 0) return '';
  const text = LIVE_TEXT[lang];
  const state = live.coverage.state === 'ended' ? `<p><em>${escapeHtml(text.ended)}</em></p>` : '';
  const entries = live.entries
    .map(
      (e) =>
        `<div><p><strong><time datetime="${escapeHtml(e.createdAt)}">${escapeHtml(stamp(e.createdAt))}</time></strong>${
          e.edited ? ` (${escapeHtml(text.edited)})` : ''
        }</p>${absolutizeHtml(e.bodyHtml, baseUrl)}</div>`,
    )
    .join('');
  return `<section><h2>${escapeHtml(text.heading)}</h2>${state}${entries}</section>`;
}
