// The live part of an article page: its state (live, or ended), pinned key events, then every
// entry newest first, each with its time and an "edited" note when it was changed. The same
// entry markup is sent to open pages (JSON and the event stream), rendered once per change.
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';

export interface LiveEntryView {
  id: number;
  iso: string;
  /** Date and time in the site's time zone, in the page's language. */
  when: string;
  pinned: boolean;
  edited: boolean;
  /** Rendered like an article body (story forms included), from sanitized HTML. */
  bodyHtml: string;
}

export interface LiveLabels {
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
}

export interface LiveView {
  articleId: number;
  state: 'live' | 'ended';
  labels: LiveLabels;
  pinned: LiveEntryView[];
  entries: LiveEntryView[];
  /** The newest entry shown, where an open page starts asking for more. */
  latestId: number;
  jsonUrl: string;
  streamUrl: string;
}

export function LiveEntry({
  entry,
  labels,
  anchor = true,
}: {
  entry: LiveEntryView;
  labels: LiveLabels;
  anchor?: boolean;
}) {
  return (
    <article
      class={entry.pinned ? 'live-entry live-pinned' : 'live-entry'}
      id={anchor ? `entry-${entry.id}` : undefined}
      data-entry={entry.id}
    >
      <p class="live-entry-meta">
        <time datetime={entry.iso}>{entry.when}</time>
        {entry.pinned ? <span class="badge">{labels.pinned}</span> : null}
        {entry.edited ? <span class="live-edited">({labels.edited})</span> : null}
      </p>
      {/* bodyHtml passed the article allowlist before it was stored, then the body's rendering. */}
      <div class="live-entry-body" dangerouslySetInnerHTML={{ __html: entry.bodyHtml }} />
    </article>
  );
}

/** One entry as open pages receive it. */
export function entryHtml(entry: LiveEntryView, labels: LiveLabels): string {
  return renderToString(h(LiveEntry, { entry, labels }));
}

export function LiveCoverage({ live }: { live: LiveView }) {
  const { labels } = live;
  return (
    <section
      class="live"
      aria-labelledby="live-title"
      data-live={live.state === 'live' ? '' : undefined}
      data-article={live.articleId}
      data-latest={live.latestId}
      data-json={live.jsonUrl}
      data-stream={live.streamUrl}
      data-one={labels.newUpdate}
      data-many={labels.newUpdates}
      data-announce={labels.announce}
    >
      <h2 id="live-title" class="live-title">
        {live.state === 'live' ? <span class="badge live-badge">{labels.live}</span> : null} {labels.heading}
      </h2>
      {live.state === 'ended' ? <p class="live-state">{labels.ended}</p> : null}
      {live.pinned.length > 0 ? (
        <section class="live-key" aria-labelledby="live-key-title">
          <h3 id="live-key-title">{labels.keyEvents}</h3>
          {live.pinned.map((entry) => (
            <LiveEntry key={entry.id} entry={entry} labels={labels} anchor={false} />
          ))}
        </section>
      ) : null}
      {/* Filled by live.js: "N new updates", pressed to show them without the page jumping. */}
      <p class="live-more" hidden>
        <button type="button" class="live-show" />
      </p>
      <div class="live-feed">
        {live.entries.length === 0 ? <p class="live-empty">{labels.empty}</p> : null}
        {live.entries.map((entry) => (
          <LiveEntry key={entry.id} entry={entry} labels={labels} />
        ))}
      </div>
      <p class="live-announce visually-hidden" role="status" aria-live="polite" />
    </section>
  );
}
