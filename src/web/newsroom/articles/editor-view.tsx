// The article editor. It is a plain form that works without JavaScript (the body is a
// textarea of HTML); the editor script upgrades the textarea into a rich-text editor and adds
// autosave. Every text field has dir="auto" so Arabic and French each run the right way.
import type { ComponentChildren } from 'preact';
import type { ArticleStatus } from '../../../core/types.ts';
import type { ArticleFormValues } from '../../../services/articles/input.ts';
import { labelAttributes } from '../../editor/labels.ts';
import { type ArticleMessages, message } from './messages.ts';
import { type WhatsAppView, WhatsAppText } from './whatsapp.tsx';
import type { CorrectionMessages } from '../corrections/messages.ts';
import { CorrectionsCard, type CorrectionsView } from '../corrections/views.tsx';

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

function Field(props: {
  id: string;
  label: string;
  error?: string;
  help?: string;
  children: ComponentChildren;
}) {
  return (
    <p class="nr-field">
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.help ? (
        <span id={`${props.id}-help`} class="nr-help">
          {props.help}
        </span>
      ) : null}
      {props.error ? (
        <span id={`${props.id}-error`} class="nr-error">
          {props.error}
        </span>
      ) : null}
    </p>
  );
}

const described = (id: string, error?: string, help?: boolean) => {
  const ids = [help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { 'aria-describedby': ids || undefined, 'aria-invalid': error ? ('true' as const) : undefined };
};

export function ArticleEditor({ t, csrf, view }: { t: ArticleMessages; csrf: string; view: EditorView }) {
  const v = view.values;
  const err = (key: string) => (view.errors[key] ? message(t, view.errors[key]!) : undefined);
  const authorSlots = [...v.author_ids, '', ''].slice(0, Math.max(3, v.author_ids.length + 1));
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
          <button type="submit" class="nr-secondary">
            {t.asideDiscard}
          </button>
        </form>
      ) : null}
      <form
        method="post"
        action={`/newsroom/articles/${view.id}`}
        id="article-form"
        class="nr-form"
        data-autosave={`/newsroom/articles/${view.id}/autosave`}
      >
        <input type="hidden" name="_csrf" value={csrf} />
        <input
          type="hidden"
          name="version"
          value={String(view.conflict ? view.conflict.version : view.version)}
        />
        <div class="nr-editor-main">
          <Field id="title" label={t.title} error={err('title')}>
            <input
              id="title"
              name="title"
              value={v.title}
              dir="auto"
              lang={v.lang}
              class="nr-title-input"
              maxlength={600}
              {...described('title', err('title'))}
            />
          </Field>
          <Field id="slug" label={t.slug} error={err('slug')} help={t.slugHelp}>
            <input
              id="slug"
              name="slug"
              value={v.slug}
              dir="auto"
              maxlength={200}
              {...described('slug', err('slug'), true)}
            />
          </Field>
          <Field id="dek" label={t.dek} error={err('dek')}>
            <textarea id="dek" name="dek" rows={2} dir="auto" lang={v.lang} {...described('dek', err('dek'))}>
              {v.dek}
            </textarea>
          </Field>
          <Field id="body_html" label={t.body}>
            <textarea
              id="body_html"
              name="body_html"
              rows={18}
              dir="auto"
              lang={v.lang}
              data-editor=""
              {...labelAttributes(t)}
            >
              {v.body_html}
            </textarea>
          </Field>
          <p
            class="nr-autosave"
            role="status"
            aria-live="polite"
            data-saved={view.status === 'published' ? t.autosavedAside : t.autosaved}
            data-saving={t.autosaving}
            data-failed={t.autosaveFailed}
          />
        </div>
        <div class="nr-editor-side">
          <p class="nr-meta">
            {t.status}: <strong>{view.statusLabel}</strong>
            {view.publicHref ? (
              <>
                {' · '}
                <a href={view.publicHref}>{t.viewOnSite}</a>
              </>
            ) : null}
            {view.figures ? (
              <>
                {' · '}
                <a href={view.figures.href}>{view.figures.label}</a>
              </>
            ) : null}
          </p>
          {view.whatsapp ? <WhatsAppText view={view.whatsapp} /> : null}
          <div class="nr-buttons">
            <button type="submit" name="intent" value="save">
              {t.save}
            </button>
            {view.actions.map((a) => (
              <button
                key={a}
                type="submit"
                name="intent"
                value={a}
                class={a === 'trash' ? 'nr-danger' : 'nr-secondary'}
              >
                {t[a]}
              </button>
            ))}
            {view.alertLabel && view.actions.includes('publish') ? (
              <label>
                <input type="checkbox" name="send_alert" value="1" /> {view.alertLabel}
              </label>
            ) : null}
          </div>
          <Field id="publish_at" label={t.publishAt} error={err('publish_at')} help={t.publishAtHelp}>
            <input
              id="publish_at"
              name="publish_at"
              type="datetime-local"
              value={v.publish_at}
              {...described('publish_at', err('publish_at'), true)}
            />
          </Field>
          <Field id="lang" label={t.language}>
            <select id="lang" name="lang">
              {(['ar', 'fr', 'en'] as const).map((l) => (
                <option key={l} value={l} selected={v.lang === l}>
                  {l === 'ar' ? 'العربية' : l === 'fr' ? 'Français' : 'English'}
                </option>
              ))}
            </select>
          </Field>
          <Field id="section_id" label={t.section} error={err('section_id')}>
            <select id="section_id" name="section_id" {...described('section_id', err('section_id'))}>
              <option value="">{t.noSection}</option>
              {view.sections.map((s) => (
                <option key={s.id} value={String(s.id)} selected={v.section_id === String(s.id)}>
                  {s.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="tags" label={t.tags} error={err('tags')} help={t.tagsHelp}>
            <input
              id="tags"
              name="tags"
              value={v.tags}
              dir="auto"
              {...described('tags', err('tags'), true)}
            />
          </Field>
          <fieldset class="nr-fieldset">
            <legend>{t.authors}</legend>
            {authorSlots.map((selected, i) => (
              <select key={`author-${i}`} name="author_ids" aria-label={`${t.author} ${i + 1}`}>
                <option value="">{t.noAuthor}</option>
                {view.people.map((p) => (
                  <option key={p.id} value={String(p.id)} selected={selected === String(p.id)}>
                    {p.name}
                  </option>
                ))}
              </select>
            ))}
            {err('author_ids') ? <span class="nr-error">{err('author_ids')}</span> : null}
          </fieldset>
          <Field id="featured_media_id" label={t.featuredImage} error={err('featured_media_id')}>
            <select id="featured_media_id" name="featured_media_id">
              <option value="">{t.noImage}</option>
              {view.media.map((m) => (
                <option key={m.id} value={String(m.id)} selected={v.featured_media_id === String(m.id)}>
                  {m.label}
                </option>
              ))}
            </select>
          </Field>
          <fieldset class="nr-fieldset">
            {(['is_featured', 'is_breaking', 'comments_open'] as const).map((flag) => (
              <label key={flag} class="nr-check">
                <input type="checkbox" name={flag} checked={v[flag]} />{' '}
                {flag === 'is_featured' ? t.featured : flag === 'is_breaking' ? t.breaking : t.commentsOpen}
              </label>
            ))}
          </fieldset>
          <Field id="seo_title" label={t.seoTitle} error={err('seo_title')}>
            <input id="seo_title" name="seo_title" value={v.seo_title} dir="auto" />
          </Field>
          <Field id="seo_description" label={t.seoDescription} error={err('seo_description')}>
            <textarea id="seo_description" name="seo_description" rows={3} dir="auto">
              {v.seo_description}
            </textarea>
          </Field>
        </div>
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
      <section class="nr-card" aria-labelledby="preview-title">
        <h2 id="preview-title">{t.previewLink}</h2>
        {view.status === 'published' ? <p class="nr-help">{t.previewPublishedHelp}</p> : null}
        <form method="post" action={`/newsroom/articles/${view.id}/preview`} class="nr-inline">
          <input type="hidden" name="_csrf" value={csrf} />
          <button type="submit" class="nr-secondary">
            {t.makePreviewLink}
          </button>
        </form>{' '}
        {view.previewLinks > 0 ? (
          <form method="post" action={`/newsroom/articles/${view.id}/preview/revoke`} class="nr-inline">
            <input type="hidden" name="_csrf" value={csrf} />
            <button type="submit" class="nr-secondary">
              {t.revokePreviewLinks} ({view.previewLinks})
            </button>
          </form>
        ) : null}
      </section>
      <section class="nr-card" aria-labelledby="revisions-title">
        <h2 id="revisions-title">{t.revisions}</h2>
        {view.revisions.length === 0 ? (
          <p>{t.noRevisions}</p>
        ) : (
          <ol class="nr-revisions">
            {view.revisions.map((r) => (
              <li key={r.id}>
                <a href={r.href}>{r.label}</a>
              </li>
            ))}
          </ol>
        )}
      </section>
      <script src={view.editorScript} defer />
    </div>
  );
}
