// The translation desk page: the story's versions (with the "source changed" flag and its
// review button), "translate into …", linking an existing article, and, for a translation, its
// source's text to read beside it. Plain forms: no script is needed.
import { format } from '../../../core/i18n.ts';
import type { TranslationMessages } from './messages.ts';

export interface VersionView {
  id: number;
  lang: string;
  langName: string;
  /** The text's direction, for a title shown in another language's page. */
  dir: 'rtl' | 'ltr';
  title: string;
  status: string;
  isThis: boolean;
  sourceLabel: string | null;
  sourceChanged: boolean;
  /** A translation the desk can mark reviewed (it has a source). */
  isTranslation: boolean;
  editable: boolean;
}

export interface DeskView {
  articleId: number;
  title: string;
  versions: VersionView[];
  missing: { lang: string; name: string }[];
  /** Some offered languages have no edition of their own (the help then says where they go). */
  someWithoutEdition: boolean;
  candidates: { id: number; label: string }[];
  source: {
    langName: string;
    lang: string;
    dir: 'rtl' | 'ltr';
    title: string;
    dek: string;
    text: string[];
  } | null;
}

function VersionRow({
  t,
  csrf,
  view,
  v,
}: {
  t: TranslationMessages;
  csrf: string;
  view: DeskView;
  v: VersionView;
}) {
  const action = (what: string) => `/newsroom/articles/${view.articleId}/translations/${what}`;
  return (
    <tr aria-current={v.isThis ? 'true' : undefined}>
      <td>{v.langName}</td>
      <td>
        {v.editable ? (
          <a href={`/newsroom/articles/${v.id}`} lang={v.lang} dir={v.dir}>
            {v.title || t.untitled}
          </a>
        ) : (
          <span lang={v.lang} dir={v.dir}>
            {v.title || t.untitled}
          </span>
        )}
        {v.isThis ? <span class="nr-meta"> · {t.thisOne}</span> : null}
      </td>
      <td>{v.status}</td>
      <td>{v.sourceLabel ?? t.original}</td>
      <td>
        {v.sourceChanged ? (
          <p class="nr-flag" role="status">
            <strong>{t.sourceChanged}</strong>
          </p>
        ) : v.isTranslation ? (
          <p class="nr-meta">{t.upToDate}</p>
        ) : null}
        {v.editable && v.sourceChanged ? (
          <form method="post" action={action('reviewed')} class="nr-desk-action">
            <input type="hidden" name="_csrf" value={csrf} />
            <input type="hidden" name="version_id" value={String(v.id)} />
            <button type="submit">{t.markReviewed}</button>
          </form>
        ) : null}
        {v.editable && view.versions.length > 1 ? (
          <form method="post" action={action('unlink')} class="nr-desk-action">
            <input type="hidden" name="_csrf" value={csrf} />
            <input type="hidden" name="version_id" value={String(v.id)} />
            <button type="submit" class="nr-link-button">
              {t.unlink}
            </button>
          </form>
        ) : null}
      </td>
    </tr>
  );
}

export function TranslationDeskPage({
  t,
  csrf,
  view,
}: {
  t: TranslationMessages;
  csrf: string;
  view: DeskView;
}) {
  return (
    <div class="nr-desk">
      <p>
        <a href={`/newsroom/articles/${view.articleId}`}>{t.backToEditor}</a>
      </p>
      <p class="nr-help">{t.help}</p>
      <section class="nr-card" aria-labelledby="versions-title">
        <h2 id="versions-title">{t.versions}</h2>
        <div class="nr-table-wrap">
          <table class="nr-table">
            <thead>
              <tr>
                <th scope="col">{t.language}</th>
                <th scope="col">{t.headline}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.from}</th>
                <th scope="col">
                  <span class="nr-visually-hidden">{t.sourceChangedHelp}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {view.versions.map((v) => (
                <VersionRow key={v.id} t={t} csrf={csrf} view={view} v={v} />
              ))}
            </tbody>
          </table>
        </div>
        {view.versions.some((v) => v.sourceChanged) ? <p class="nr-help">{t.sourceChangedHelp}</p> : null}
      </section>
      <section class="nr-card" aria-labelledby="translate-title">
        <h2 id="translate-title">{t.translateInto}</h2>
        {view.missing.length === 0 ? (
          <p>{t.noMissing}</p>
        ) : (
          <form method="post" action={`/newsroom/articles/${view.articleId}/translations`} class="nr-form">
            <input type="hidden" name="_csrf" value={csrf} />
            <p class="nr-field">
              <label for="translate-lang">{t.language}</label>
              <select id="translate-lang" name="lang" aria-describedby="translate-help">
                {view.missing.map((m) => (
                  <option key={m.lang} value={m.lang}>
                    {m.name}
                  </option>
                ))}
              </select>
              <span id="translate-help" class="nr-help">
                {t.translateHelp}
                {view.someWithoutEdition ? ` ${t.translateEditionHelp}` : ''}
              </span>
            </p>
            <button type="submit">{t.start}</button>
          </form>
        )}
      </section>
      <section class="nr-card" aria-labelledby="link-title">
        <h2 id="link-title">{t.linkExisting}</h2>
        {view.candidates.length === 0 ? (
          <p>{t.noCandidates}</p>
        ) : (
          <form
            method="post"
            action={`/newsroom/articles/${view.articleId}/translations/link`}
            class="nr-form"
          >
            <input type="hidden" name="_csrf" value={csrf} />
            <p class="nr-field">
              <label for="link-article">{t.article}</label>
              <select id="link-article" name="article_id" aria-describedby="link-help" dir="auto">
                {view.candidates.map((c) => (
                  <option key={c.id} value={String(c.id)}>
                    {c.label}
                  </option>
                ))}
              </select>
              <span id="link-help" class="nr-help">
                {t.linkHelp}
              </span>
            </p>
            <button type="submit">{t.link}</button>
          </form>
        )}
      </section>
      {view.source ? <SourcePanel t={t} source={view.source} /> : null}
    </div>
  );
}

/** The source's text, read-only, for the translator (also shown beside the editor). */
export function SourcePanel({
  t,
  source,
}: {
  t: TranslationMessages;
  source: NonNullable<DeskView['source']>;
}) {
  return (
    <section class="nr-card nr-translation-source" aria-labelledby="source-title">
      <h2 id="source-title">{format(t.sourceTitle, { lang: source.langName })}</h2>
      <p class="nr-help">{t.sourceHelp}</p>
      <div lang={source.lang} dir={source.dir}>
        <h3>{source.title}</h3>
        {source.dek ? <p class="nr-translation-dek">{source.dek}</p> : null}
        {source.text.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
    </section>
  );
}

export interface EditorTranslationsView {
  t: TranslationMessages;
  href: string;
  /** Versions of the story besides this one. */
  others: number;
  /** This article is a published translation whose source changed since. */
  flagged: boolean;
  source: DeskView['source'];
}

/** The translations part of the editor's "language and translations" panel. */
export function EditorTranslations({ view }: { view: EditorTranslationsView }) {
  const { t } = view;
  return (
    <div class="nr-editor-translations">
      {view.flagged ? (
        <p class="nr-flag">
          <strong>{t.sourceChanged}</strong>
        </p>
      ) : null}
      <p>
        <a href={view.href}>{view.others > 0 ? format(t.manage, { n: view.others }) : t.translateInto}</a>
      </p>
      {view.source ? (
        <details class="nr-translation-source-details" open>
          <summary>{format(t.sourceTitle, { lang: view.source.langName })}</summary>
          <div lang={view.source.lang} dir={view.source.dir} class="nr-translation-source">
            <p>
              <strong>{view.source.title}</strong>
            </p>
            {view.source.dek ? <p class="nr-translation-dek">{view.source.dek}</p> : null}
            {view.source.text.map((p, i) => (
              <p key={i}>{p}</p>
            ))}
          </div>
        </details>
      ) : null}
    </div>
  );
}
