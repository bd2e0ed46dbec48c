// The article editor. It is a plain form that works without JavaScript (the body is a
// textarea of HTML); the editor script upgrades the textarea into a rich-text editor and adds
// autosave. Every text field has dir="auto" so Arabic and French each run the right way.
import type { ArticleStatus } from '../../../core/types.ts';
import type { ArticleFormValues } from '../../../services/articles/input.ts';
import { labelAttributes } from '../../editor/labels.ts';
import { described, Field } from './editor-fields.tsx';
import type { EditorChromeMessages } from './editor-messages.ts';
import { EditorSidebar } from './editor-sidebar.tsx';
import { type ArticleMessages, message } from './messages.ts';
import type { WhatsAppView } from './whatsapp.tsx';
import type { CorrectionMessages } from '../corrections/messages.ts';
import { CorrectionsCard, type CorrectionsView } from '../corrections/views.tsx';
import type { EditorTranslationsView } from '../translations/views.tsx';

export interface EditorView {
  id: number;
  version: number;
  status: ArticleStatus;
  statusLabel: string;
  values: ArticleFormValues;
  errors: Record<string, string>;
  sections: { id: number; name: string }[];
  people: { id: number; name: string }[];
  media: { id: number; label: string }[];
  /** The choices of the text's language (the site's languages), named in the interface language. */
  textLanguages: { tag: string; name: string; dir: 'rtl' | 'ltr' }[];
  /** The editions an article can be published in: ar/fr/en and every further edition the site has. */
  editions: { tag: string; name: string }[];
  /** The chosen featured image as the sidebar previews it. */
  featured: { id: number; thumb: string; alt: string; focal: { x: number; y: number } | null } | null;
  /** Words and reading minutes of the text as saved; the script keeps them current. */
  counts: { words: number; minutes: number };
  /** Whether a tag typed anew may be created from the tag box. */
  canCreateTags: boolean;
  chrome: EditorChromeMessages;
  /** The "send as alert" checkbox beside Publish (editors and admins), with its label. */
  alertLabel?: string;
  /** Which workflow buttons this person may press now. */
  actions: ('submit' | 'publish' | 'schedule' | 'unpublish' | 'trash' | 'restore')[];
  publicHref: string | null;
  /** Its readership figures, when published and this person may see them. */
  figures: { href: string; label: string } | null;
  /** The "copy for WhatsApp" text of a published article; null otherwise. */
  whatsapp: WhatsAppView | null;
  /** Corrections and updates of the article (the add form shows once it is published). */
  corrections?: { t: CorrectionMessages; view: CorrectionsView };
  /** The link to the article's live coverage page, with its label and help. */
  live?: { label: string; help: string };
  /** The story's other languages: the desk link, the "source changed" flag, the source's text. */
  translations?: EditorTranslationsView;
  previewLinks: number;
  revisions: { id: number; label: string; href: string }[];
  /** This person's autosave of the published article, loaded into the form. */
  aside: { savedAt: string; stale: boolean } | null;
  /** Other people with autosaved changes to it, e.g. "Awa (29 November 2026 at 15:39)". */
  othersAside: string[];
  /** Set after a refused stale save: the newer saved text, shown beside the reader's. */
  conflict: { title: string; bodyText: string; version: number } | null;
  editorScript: string;
}

export function ArticleEditor({ t, csrf, view }: { t: ArticleMessages; csrf: string; view: EditorView }) {
  const v = view.values;
  const c = view.chrome;
  const err = (key: string) => (view.errors[key] ? message(t, view.errors[key]!) : undefined);
  // The text's fields are marked with its language; with one set apart from the edition's, also
  // with its direction (otherwise dir=auto lets Arabic and French each run their own way).
  const textDir = v.text_lang ? view.textLanguages.find((l) => l.tag === v.text_lang)?.dir : undefined;
  const textAttrs = { lang: v.text_lang || v.lang, dir: textDir ?? ('auto' as const) };
  return (
    <div class="nr-editor">
      {view.conflict ? (
        <section class="nr-card nr-conflict" aria-labelledby="conflict-title">
          <h2 id="conflict-title">{t.theirVersion}</h2>
          <p dir="auto">
            <strong>{view.conflict.title}</strong>
          </p>
          <p dir="auto" class="nr-conflict-text">
            {view.conflict.bodyText}
          </p>
        </section>
      ) : null}
      {view.othersAside.length > 0 ? (
        <p class="nr-notice nr-others-aside">
          {t.othersAside.replace('{names}', view.othersAside.join('، '))}
        </p>
      ) : null}
      {view.aside ? (
        // Its own form, outside the article's: Enter in a field of that one must never discard.
        <form
          method="post"
          action={`/newsroom/articles/${view.id}/autosave/discard`}
          class="nr-card nr-aside"
        >
          <input type="hidden" name="_csrf" value={csrf} />
          <p>
            {t.asideRestored.replace('{time}', view.aside.savedAt)}
            {view.aside.stale ? ` ${t.asideStale}` : ''}
          </p>
          <button type="submit" class="nr-secondary" data-confirm={c.editor_confirmDiscard}>
            {t.asideDiscard}
          </button>
        </form>
      ) : null}
      <form
        method="post"
        action={`/newsroom/articles/${view.id}`}
        id="article-form"
        class="nr-form nr-editor-form"
        data-autosave={`/newsroom/articles/${view.id}/autosave`}
      >
        <input type="hidden" name="_csrf" value={csrf} />
        <input
          type="hidden"
          name="version"
          value={String(view.conflict ? view.conflict.version : view.version)}
        />
        {/* Always in sight: saving, the autosave state, the size of the text, the settings. */}
        <div class="nr-editor-bar">
          <p
            class="nr-autosave"
            role="status"
            aria-live="polite"
            data-saved={view.status === 'published' ? t.autosavedAside : t.autosaved}
            data-saving={t.autosaving}
            data-failed={t.autosaveFailed}
          />
          <p class="nr-wordcount" data-words={c.wordCount} data-minutes={c.readingTime}>
            <span class="nr-words">{c.wordCount.replace('{n}', String(view.counts.words))}</span>
            {' · '}
            <span class="nr-minutes">{c.readingTime.replace('{n}', String(view.counts.minutes))}</span>
          </p>
          <button
            type="button"
            class="nr-secondary nr-settings-toggle"
            aria-controls="editor-settings"
            aria-expanded="false"
            hidden
          >
            {c.openSettings}
          </button>
          <button
            type="submit"
            name="intent"
            value="save"
            class="nr-save"
            aria-keyshortcuts="Control+S Meta+S"
          >
            {t.save}
            <kbd class="nr-shortcut">{c.saveShortcut}</kbd>
          </button>
        </div>
        <div class="nr-editor-main">
          <Field id="title" label={t.title} error={err('title')}>
            <input
              id="title"
              name="title"
              value={v.title}
              {...textAttrs}
              class="nr-title-input"
              maxlength={600}
              {...described('title', err('title'))}
            />
          </Field>
          <Field id="dek" label={t.dek} error={err('dek')}>
            <textarea
              id="dek"
              name="dek"
              rows={2}
              {...textAttrs}
              class="nr-dek-input"
              {...described('dek', err('dek'))}
            >
              {v.dek}
            </textarea>
          </Field>
          <Field id="body_html" label={t.body}>
            <textarea
              id="body_html"
              name="body_html"
              rows={18}
              {...textAttrs}
              data-editor=""
              {...labelAttributes({ ...t, ...c })}
            >
              {v.body_html}
            </textarea>
          </Field>
        </div>
        <EditorSidebar t={t} c={c} view={view} err={err} />
      </form>
      {/* Targets of the preview buttons in the sidebar (a form cannot hold another). */}
      <form method="post" action={`/newsroom/articles/${view.id}/preview`} id="preview-form" hidden>
        <input type="hidden" name="_csrf" value={csrf} />
      </form>
      <form
        method="post"
        action={`/newsroom/articles/${view.id}/preview/revoke`}
        id="preview-revoke-form"
        hidden
      >
        <input type="hidden" name="_csrf" value={csrf} />
      </form>
      {view.corrections ? (
        <CorrectionsCard t={view.corrections.t} csrf={csrf} view={view.corrections.view} />
      ) : null}
      {view.live ? (
        <section class="nr-card" aria-labelledby="live-link-title">
          <h2 id="live-link-title">{view.live.label}</h2>
          <p class="nr-help">{view.live.help}</p>
          <p>
            <a href={`/newsroom/articles/${view.id}/live`}>{view.live.label}</a>
          </p>
        </section>
      ) : null}
      <script src={view.editorScript} defer />
    </div>
  );
}
