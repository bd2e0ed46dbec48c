// The editor's settings sidebar: everything about the article that is not its text, in panels
// (publishing, section and tags, authors, featured image, display options, language and
// translations, address and search engines, preview and revisions). Beside the text at desktop
// width; at phone width the editor script turns it into a sheet, and without the script it
// follows the text. Every control is a plain form control the scripts upgrade in place.
import type { ComponentChildren } from 'preact';
import type { EditorChromeMessages } from './editor-messages.ts';
import { described, Field } from './editor-fields.tsx';
import type { EditorView } from './editor-view.tsx';
import type { ArticleMessages } from './messages.ts';
import { EditorTranslations } from '../translations/views.tsx';
import { WhatsAppText } from './whatsapp.tsx';

function Panel(props: { id: string; title: string; open?: boolean; children: ComponentChildren }) {
  return (
    <details class="nr-panel" id={`panel-${props.id}`} open={props.open ?? true}>
      <summary>
        <h2 class="nr-panel-title">{props.title}</h2>
      </summary>
      <div class="nr-panel-body">{props.children}</div>
    </details>
  );
}

/** Buttons asking for confirmation carry the question; the script shows it in a dialog. */
const CONFIRM: Partial<Record<string, 'confirmTrash' | 'confirmUnpublish'>> = {
  trash: 'confirmTrash',
  unpublish: 'confirmUnpublish',
};

export function EditorSidebar(props: {
  t: ArticleMessages;
  c: EditorChromeMessages;
  view: EditorView;
  err: (key: string) => string | undefined;
}) {
  const { t, c, view, err } = props;
  const v = view.values;
  const authorSlots = [...v.author_ids, '', ''].slice(0, Math.max(3, v.author_ids.length + 1));
  const hasSeoError = Boolean(err('slug') || err('seo_title') || err('seo_description'));
  return (
    <aside id="editor-settings" class="nr-editor-side" aria-labelledby="editor-settings-title">
      <div class="nr-side-head">
        <h2 id="editor-settings-title">{c.settings}</h2>
        <button type="button" class="nr-secondary nr-side-close" hidden>
          {c.closeSettings}
        </button>
      </div>
      <Panel id="publish" title={c.panelPublish}>
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
        <Field id="publish_at" label={t.publishAt} error={err('publish_at')} help={t.publishAtHelp}>
          <input
            id="publish_at"
            name="publish_at"
            type="datetime-local"
            value={v.publish_at}
            {...described('publish_at', err('publish_at'), true)}
          />
        </Field>
        <div class="nr-buttons">
          {view.actions.map((a) => (
            <button
              key={a}
              type="submit"
              name="intent"
              value={a}
              class={a === 'trash' ? 'nr-danger' : 'nr-secondary'}
              data-confirm={CONFIRM[a] ? c[`editor_${CONFIRM[a]}`] : undefined}
            >
              {t[a]}
            </button>
          ))}
          {view.alertLabel && view.actions.includes('publish') ? (
            <label class="nr-check">
              <input type="checkbox" name="send_alert" value="1" /> {view.alertLabel}
            </label>
          ) : null}
        </div>
        {view.whatsapp ? <WhatsAppText view={view.whatsapp} /> : null}
      </Panel>
      <Panel id="organise" title={c.panelOrganise}>
        <div class="nr-field" data-combobox="section">
          <label for="section_id">{t.section}</label>
          <select id="section_id" name="section_id" {...described('section_id', err('section_id'))}>
            <option value="">{t.noSection}</option>
            {view.sections.map((s) => (
              <option key={s.id} value={String(s.id)} selected={v.section_id === String(s.id)}>
                {s.name}
              </option>
            ))}
          </select>
          {err('section_id') ? (
            <span id="section_id-error" class="nr-error">
              {err('section_id')}
            </span>
          ) : null}
        </div>
        <div
          class="nr-field"
          data-combobox="tags"
          data-source="/newsroom/tags.json"
          data-create={view.canCreateTags ? '1' : undefined}
          data-help={c.tagsHelpCombo}
        >
          <label for="tags">{t.tags}</label>
          <input
            id="tags"
            name="tags"
            value={v.tags}
            dir="auto"
            {...described('tags', err('tags') ?? err('tag_ids'), true)}
          />
          <span id="tags-help" class="nr-help">
            {t.tagsHelp}
          </span>
          {err('tags') || err('tag_ids') ? (
            <span id="tags-error" class="nr-error">
              {err('tags') ?? err('tag_ids')}
            </span>
          ) : null}
        </div>
      </Panel>
      <Panel id="authors" title={c.panelAuthors}>
        <fieldset class="nr-fieldset nr-authors" data-combobox="authors">
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
      </Panel>
      <Panel id="featured" title={c.panelFeatured}>
        <div
          class="nr-featured"
          data-featured=""
          data-media-id={view.featured ? String(view.featured.id) : undefined}
          data-focal-x={view.featured?.focal ? String(view.featured.focal.x) : undefined}
          data-focal-y={view.featured?.focal ? String(view.featured.focal.y) : undefined}
        >
          {view.featured ? (
            <figure class="nr-featured-preview">
              <img src={view.featured.thumb} alt={view.featured.alt} />
            </figure>
          ) : null}
          <Field id="featured_media_id" label={t.featuredImage} error={err('featured_media_id')}>
            <select
              id="featured_media_id"
              name="featured_media_id"
              {...described('featured_media_id', err('featured_media_id'))}
            >
              <option value="">{t.noImage}</option>
              {view.media.map((m) => (
                <option key={m.id} value={String(m.id)} selected={v.featured_media_id === String(m.id)}>
                  {m.label}
                </option>
              ))}
            </select>
          </Field>
          <p class="nr-help nr-focal-help" id="focal-help" hidden>
            {c.focalHelp}
          </p>
        </div>
      </Panel>
      <Panel id="options" title={c.panelOptions}>
        {(['is_featured', 'is_breaking', 'comments_open'] as const).map((flag) => (
          <label key={flag} class="nr-check">
            <input type="checkbox" name={flag} checked={v[flag]} />{' '}
            {flag === 'is_featured' ? t.featured : flag === 'is_breaking' ? t.breaking : t.commentsOpen}
          </label>
        ))}
      </Panel>
      {/* Language and translations: the article's language, and the story's other languages. */}
      <Panel id="language" title={c.panelLanguage}>
        <Field id="lang" label={t.language} error={err('lang')}>
          <select id="lang" name="lang" {...described('lang', err('lang'))}>
            {view.editions.map((e) => (
              <option key={e.tag} value={e.tag} selected={v.lang === e.tag} lang={e.tag}>
                {e.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="text_lang" label={t.textLanguage} error={err('text_lang')} help={t.textLanguageHelp}>
          <select
            id="text_lang"
            name="text_lang"
            data-text-lang=""
            {...described('text_lang', err('text_lang'), true)}
          >
            <option value="">{t.textLanguageSame}</option>
            {view.textLanguages.map((l) => (
              // The edition's own language is the first choice; the script hides it as the edition changes.
              <option
                key={l.tag}
                value={l.tag}
                data-dir={l.dir}
                selected={v.text_lang === l.tag}
                hidden={l.tag === v.lang && v.text_lang !== l.tag}
              >
                {l.name}
              </option>
            ))}
          </select>
        </Field>
        {view.translations ? <EditorTranslations view={view.translations} /> : null}
      </Panel>
      <Panel id="seo" title={c.panelSeo} open={hasSeoError}>
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
        <Field id="seo_title" label={t.seoTitle} error={err('seo_title')}>
          <input id="seo_title" name="seo_title" value={v.seo_title} dir="auto" />
        </Field>
        <Field id="seo_description" label={t.seoDescription} error={err('seo_description')}>
          <textarea id="seo_description" name="seo_description" rows={3} dir="auto">
            {v.seo_description}
          </textarea>
        </Field>
      </Panel>
      <Panel id="preview" title={c.panelPreview} open={false}>
        {view.status === 'published' ? <p class="nr-help">{t.previewPublishedHelp}</p> : null}
        {/* These buttons post the small forms after the article's (form=…): forms cannot nest. */}
        <p class="nr-buttons">
          <button type="submit" form="preview-form" class="nr-secondary">
            {t.makePreviewLink}
          </button>
          {view.previewLinks > 0 ? (
            <button type="submit" form="preview-revoke-form" class="nr-secondary">
              {t.revokePreviewLinks} ({view.previewLinks})
            </button>
          ) : null}
        </p>
        <h3 class="nr-panel-subtitle">{t.revisions}</h3>
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
      </Panel>
    </aside>
  );
}
