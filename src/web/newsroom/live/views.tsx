// An article's live coverage in the newsroom: its state with start/end, a compact form to add an
// entry (text, a library photo, key event), then every entry newest first with its edit form,
// pin button and delete link (which asks for confirmation on its own page). Plain forms: no
// script is needed.
import { format } from '../../../core/i18n.ts';
import type { LiveMessages } from './messages.ts';

export interface LiveEntryRow {
  id: number;
  byline: string;
  pinned: boolean;
  edited: boolean;
  /** The stored HTML, edited as is in the entry's textarea. */
  html: string;
  /** Its words, for the confirmation before deleting. */
  text: string;
}

export interface LivePageView {
  articleId: number;
  publicHref: string | null;
  published: boolean;
  state: 'none' | 'live' | 'ended';
  photos: { id: number; label: string }[];
  entries: LiveEntryRow[];
  /** A fresh key for this drawing of the add form: sent twice, it is stored once. */
  formKey: string;
  values: { body: string; mediaId: number | null; pinned: boolean };
  error: string | null;
}

const base = (id: number) => `/newsroom/articles/${id}/live`;

function StateCard({ t, csrf, view }: { t: LiveMessages; csrf: string; view: LivePageView }) {
  const text = view.state === 'live' ? t.stateLive : view.state === 'ended' ? t.stateEnded : t.stateNone;
  return (
    <section class="nr-card" aria-labelledby="live-state-title">
      <h2 id="live-state-title">{t.link}</h2>
      <p>{text}</p>
      {view.published ? null : <p class="nr-help">{t.notPublishedHelp}</p>}
      {view.state === 'live' ? (
        <form method="post" action={`${base(view.articleId)}/end`} class="nr-inline">
          <input type="hidden" name="_csrf" value={csrf} />
          <button type="submit" class="nr-secondary">
            {t.end}
          </button>
        </form>
      ) : (
        <form method="post" action={`${base(view.articleId)}/start`} class="nr-inline">
          <input type="hidden" name="_csrf" value={csrf} />
          <button type="submit">{view.state === 'ended' ? t.restart : t.start}</button>
        </form>
      )}
    </section>
  );
}

function AddForm({ t, csrf, view }: { t: LiveMessages; csrf: string; view: LivePageView }) {
  if (view.state !== 'live') return null;
  const described = view.error ? 'live-body-help live-body-error' : 'live-body-help';
  return (
    <section class="nr-card" aria-labelledby="live-add-title">
      <h2 id="live-add-title">{t.addTitle}</h2>
      <form method="post" action={`${base(view.articleId)}/entries`} class="nr-form">
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="key" value={view.formKey} />
        <p class="nr-field">
          <label for="live-body">{t.text}</label>
          <textarea
            id="live-body"
            name="body"
            rows={5}
            dir="auto"
            aria-describedby={described}
            aria-invalid={view.error ? 'true' : undefined}
          >
            {view.values.body}
          </textarea>
          <span id="live-body-help" class="nr-help">
            {t.textHelp}
          </span>
          {view.error ? (
            <span id="live-body-error" class="nr-error">
              {view.error}
            </span>
          ) : null}
        </p>
        <p class="nr-field">
          <label for="live-photo">{t.photo}</label>
          <select id="live-photo" name="media_id">
            <option value="">{t.noPhoto}</option>
            {view.photos.map((p) => (
              <option key={p.id} value={String(p.id)} selected={view.values.mediaId === p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label class="nr-check">
            <input type="checkbox" name="pinned" value="1" checked={view.values.pinned} /> {t.keyEvent}
          </label>
        </p>
        <button type="submit">{t.add}</button>
      </form>
    </section>
  );
}

function EntryItem({
  t,
  csrf,
  view,
  entry,
}: {
  t: LiveMessages;
  csrf: string;
  view: LivePageView;
  entry: LiveEntryRow;
}) {
  const url = `${base(view.articleId)}/entries/${entry.id}`;
  return (
    <li class="nr-card" id={`entry-${entry.id}`}>
      <p class="nr-meta">
        {entry.byline}
        {entry.pinned ? ` · ${t.pinnedMark}` : ''}
        {entry.edited ? ` · ${t.edited}` : ''}
      </p>
      <form method="post" action={url} class="nr-form">
        <input type="hidden" name="_csrf" value={csrf} />
        <p class="nr-field">
          <label for={`body-${entry.id}`}>{t.text}</label>
          <textarea id={`body-${entry.id}`} name="body" rows={4} dir="auto">
            {entry.html}
          </textarea>
        </p>
        <button type="submit" class="nr-secondary">
          {t.save}
        </button>
      </form>
      <form method="post" action={`${url}/pin`} class="nr-inline">
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="pinned" value={entry.pinned ? '0' : '1'} />
        <button type="submit" class="nr-secondary">
          {entry.pinned ? t.unpin : t.pin}
        </button>
      </form>{' '}
      <a href={`${url}/delete`} class="nr-danger-link">
        {t.delete}
      </a>
    </li>
  );
}

export function LivePage({ t, csrf, view }: { t: LiveMessages; csrf: string; view: LivePageView }) {
  return (
    <div class="nr-stack">
      <p>
        <a href={`/newsroom/articles/${view.articleId}`}>{t.backToEditor}</a>
        {view.publicHref ? (
          <>
            {' · '}
            <a href={view.publicHref}>{t.viewArticle}</a>
          </>
        ) : null}
      </p>
      <StateCard t={t} csrf={csrf} view={view} />
      <AddForm t={t} csrf={csrf} view={view} />
      <h2>{format(t.entries, { n: view.entries.length })}</h2>
      {view.entries.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ol class="nr-queue">
          {view.entries.map((entry) => (
            <EntryItem key={entry.id} t={t} csrf={csrf} view={view} entry={entry} />
          ))}
        </ol>
      )}
    </div>
  );
}

export function DeleteEntryPage({
  t,
  csrf,
  articleId,
  entry,
}: {
  t: LiveMessages;
  csrf: string;
  articleId: number;
  entry: LiveEntryRow;
}) {
  return (
    <section class="nr-card" aria-labelledby="live-delete-title">
      <h2 id="live-delete-title">{t.deleteTitle}</h2>
      <p class="nr-meta">{entry.byline}</p>
      <blockquote dir="auto">{entry.text}</blockquote>
      <p>{t.deleteConfirm}</p>
      <form method="post" action={`${base(articleId)}/entries/${entry.id}/delete`} class="nr-inline">
        <input type="hidden" name="_csrf" value={csrf} />
        <button type="submit" class="nr-danger">
          {t.deleteYes}
        </button>
      </form>{' '}
      <a href={`${base(articleId)}#entry-${entry.id}`}>{t.cancel}</a>
    </section>
  );
}
