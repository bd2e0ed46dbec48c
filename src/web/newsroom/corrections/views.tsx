// An article's corrections and updates in the newsroom: the add form (on the editor page and on
// the corrections page), and the list of notes, each editable and deletable. Plain forms: no
// script is needed.
import { format } from '../../../core/i18n.ts';
import type { CorrectionKind } from '../../../core/corrections.ts';
import type { CorrectionMessages } from './messages.ts';

export interface CorrectionNoteView {
  id: number;
  kind: CorrectionKind;
  text: string;
  byline: string;
}

export interface CorrectionsView {
  articleId: number;
  published: boolean;
  notes: CorrectionNoteView[];
  /** What the add form shows again after a refusal. */
  values: { kind: CorrectionKind; body: string };
  /** The reason of a refusal, already in the person's language. */
  error: string | null;
}

function KindSelect({ t, id, value }: { t: CorrectionMessages; id: string; value: CorrectionKind }) {
  return (
    <select id={id} name="kind">
      <option value="correction" selected={value === 'correction'}>
        {t.correction}
      </option>
      <option value="update" selected={value === 'update'}>
        {t.update}
      </option>
    </select>
  );
}

function AddForm({ t, csrf, view }: { t: CorrectionMessages; csrf: string; view: CorrectionsView }) {
  if (!view.published) return <p class="nr-help">{t.onlyPublished}</p>;
  const described = view.error ? 'correction-body-help correction-body-error' : 'correction-body-help';
  return (
    <form method="post" action={`/newsroom/articles/${view.articleId}/corrections`} class="nr-form">
      <input type="hidden" name="_csrf" value={csrf} />
      <p class="nr-field">
        <label for="correction-kind">{t.kind}</label>
        <KindSelect t={t} id="correction-kind" value={view.values.kind} />
      </p>
      <p class="nr-field">
        <label for="correction-body">{t.text}</label>
        <textarea
          id="correction-body"
          name="body"
          rows={3}
          dir="auto"
          required
          maxlength={1000}
          aria-describedby={described}
          aria-invalid={view.error ? 'true' : undefined}
        >
          {view.values.body}
        </textarea>
        <span id="correction-body-help" class="nr-help">
          {t.textHelp}
        </span>
        {view.error ? (
          <span id="correction-body-error" class="nr-error">
            {view.error}
          </span>
        ) : null}
      </p>
      <button type="submit">{t.add}</button>
    </form>
  );
}

/** The card on the article editor's page. */
export function CorrectionsCard({
  t,
  csrf,
  view,
}: {
  t: CorrectionMessages;
  csrf: string;
  view: CorrectionsView;
}) {
  return (
    <section class="nr-card" aria-labelledby="corrections-title">
      <h2 id="corrections-title">{t.title}</h2>
      <p class="nr-help">{t.help}</p>
      <AddForm t={t} csrf={csrf} view={view} />
      {view.notes.length > 0 ? (
        <p>
          <a href={`/newsroom/articles/${view.articleId}/corrections`}>
            {format(t.manage, { n: view.notes.length })}
          </a>
        </p>
      ) : null}
    </section>
  );
}

/** The article's own corrections page: every note with its edit and delete forms. */
export function CorrectionsPage({
  t,
  csrf,
  view,
}: {
  t: CorrectionMessages;
  csrf: string;
  view: CorrectionsView;
}) {
  return (
    <div class="nr-stack">
      <p>
        <a href={`/newsroom/articles/${view.articleId}`}>{t.backToEditor}</a>
      </p>
      <section class="nr-card" aria-labelledby="corrections-add-title">
        <h2 id="corrections-add-title">{t.add}</h2>
        <p class="nr-help">{t.help}</p>
        <AddForm t={t} csrf={csrf} view={view} />
      </section>
      {view.notes.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ol class="nr-queue">
          {view.notes.map((note) => (
            <li key={note.id} class="nr-card" id={`note-${note.id}`}>
              <p class="nr-meta">{note.byline}</p>
              <form
                method="post"
                action={`/newsroom/articles/${view.articleId}/corrections/${note.id}`}
                class="nr-form"
              >
                <input type="hidden" name="_csrf" value={csrf} />
                <p class="nr-field">
                  <label for={`kind-${note.id}`}>{t.kind}</label>
                  <KindSelect t={t} id={`kind-${note.id}`} value={note.kind} />
                </p>
                <p class="nr-field">
                  <label for={`body-${note.id}`}>{t.text}</label>
                  <textarea id={`body-${note.id}`} name="body" rows={3} dir="auto" required maxlength={1000}>
                    {note.text}
                  </textarea>
                </p>
                <button type="submit" class="nr-secondary">
                  {t.save}
                </button>
              </form>
              <form
                method="post"
                action={`/newsroom/articles/${view.articleId}/corrections/${note.id}/delete`}
                class="nr-inline"
              >
                <input type="hidden" name="_csrf" value={csrf} />
                <button type="submit" class="nr-danger">
                  {t.delete}
                </button>
              </form>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
