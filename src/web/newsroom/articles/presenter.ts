// Shapes articles for the newsroom list and editor.
import { htmlToText } from '../../../core/html-policy.ts';
import { can } from '../../../core/policies/index.ts';
import { utcToZonedInput } from '../../../core/dates.ts';
import { editionName } from '../../../core/languages/tags.ts';
import {
  type Article,
  type ArticleStatus,
  LANGUAGES,
  type Lang,
  type Person,
  type Section,
  type Tag,
} from '../../../core/types.ts';
import type { Revision } from '../../../core/revisions.ts';
import { type ArticleForm, formValues, isPlaceholderSlug } from '../../../services/articles/input.ts';
import type { Transition } from '../../../services/articles/workflow.ts';
import { directionOf } from '../../../core/languages/direction.ts';
import { articlePath } from '../../reader/urls.ts';
import type { EditorView } from './editor-view.tsx';
import type { ArticleMessages } from './messages.ts';

const STATUS_KEY: Record<ArticleStatus, keyof ArticleMessages> = {
  draft: 'statusDraft',
  pending: 'statusPending',
  scheduled: 'statusScheduled',
  published: 'statusPublished',
  private: 'statusPrivate',
  trashed: 'statusTrashed',
};

export function statusLabel(t: ArticleMessages, status: ArticleStatus): string {
  return t[STATUS_KEY[status]];
}

export function sectionLabel(section: Section, lang: Lang): string {
  return section.names[lang] || section.names.ar;
}

/** The transitions offered to this person for this article, in the order the buttons show. */
export function availableActions(person: Person, article: Article): Transition[] {
  const out: Transition[] = [];
  const publish = can(person, { kind: 'article.publish', article });
  const s = article.status;
  if (s === 'draft' && !publish && can(person, { kind: 'article.submit', article })) out.push('submit');
  if (publish && ['draft', 'pending', 'scheduled', 'private'].includes(s)) out.push('publish');
  if (publish && ['draft', 'pending', 'scheduled'].includes(s)) out.push('schedule');
  if (publish && ['published', 'scheduled', 'private'].includes(s)) out.push('unpublish');
  if (s === 'trashed' && can(person, { kind: 'article.trash', article })) out.push('restore');
  else if (can(person, { kind: 'article.trash', article })) out.push('trash');
  return out;
}

export function formFromArticle(article: Article, tags: Tag[], timezone: string): EditorView['values'] {
  return {
    title: article.title,
    // A new draft's placeholder slug means nothing to a writer: the field starts empty.
    slug: isPlaceholderSlug(article.slug) ? '' : article.slug,
    dek: article.dek,
    body_html: article.bodyHtml,
    lang: article.lang,
    // The repository gives the edition's language when the text has none of its own.
    text_lang: article.textLang === article.lang ? '' : article.textLang,
    section_id: article.sectionId === null ? '' : String(article.sectionId),
    tags: tags.map((t) => t.name).join('، '),
    tag_ids: [],
    author_ids: article.authorIds.map(String),
    featured_media_id: article.featuredMediaId === null ? '' : String(article.featuredMediaId),
    is_featured: article.isFeatured,
    is_breaking: article.isBreaking,
    comments_open: article.commentsOpen,
    seo_title: article.seoTitle,
    seo_description: article.seoDescription,
    publish_at:
      article.status === 'scheduled' && article.publishedAt
        ? utcToZonedInput(article.publishedAt, timezone)
        : '',
  };
}

/**
 * The form from an autosave kept aside, over the live values: a field is taken only when it
 * has the live field's type, so a stored form of another shape cannot break the editor.
 */
export function formFromAutosave(
  live: EditorView['values'],
  stored: Record<string, unknown>,
): EditorView['values'] {
  const out: Record<string, unknown> = { ...live };
  for (const [key, value] of Object.entries(live)) {
    const kept = stored[key];
    const sameType = Array.isArray(value)
      ? Array.isArray(kept) && kept.every((x) => typeof x === 'string')
      : typeof kept === typeof value;
    if (sameType) out[key] = kept;
  }
  if (!(out.lang === 'ar' || out.lang === 'fr' || out.lang === 'en')) out.lang = live.lang;
  return out as unknown as EditorView['values'];
}

/**
 * The choices of the "language of the text" select: the site's languages, named in the
 * interface language, each with its direction; the article's own language is kept in the list
 * even if it is a variant ("fa-AF") or no longer offered, so a save never changes it silently.
 */
export function textLanguageOptions(
  enabled: readonly { tag: string }[],
  current: string,
  uiLang: Lang,
): EditorView['textLanguages'] {
  const tags = enabled.map((l) => l.tag);
  if (current && !tags.includes(current)) tags.push(current);
  const names = new Intl.DisplayNames(uiLang, { type: 'language', fallback: 'code' });
  return tags.map((tag) => {
    let name = tag;
    try {
      name = names.of(tag) ?? tag;
    } catch {
      // A stored tag Intl cannot read shows as typed.
    }
    return { tag, name, dir: directionOf(tag) };
  });
}

/**
 * The edition choices: ar/fr/en, then each language with an edition of its own, named in itself
 * (as the reader's language switcher names them), and the article's own edition if it is no
 * longer on, so a save never moves it silently.
 */
export function editionOptions(
  enabled: readonly { tag: string; edition?: boolean }[],
  current: string,
): EditorView['editions'] {
  const tags: string[] = [...LANGUAGES];
  for (const l of enabled) if (l.edition && !tags.includes(l.tag)) tags.push(l.tag);
  if (current && !tags.includes(current)) tags.push(current);
  return tags.map((tag) => ({ tag, name: editionName(tag) }));
}

/** The editor keeps exactly what was typed when a save is refused. */
export function formFromInput(form: ArticleForm): EditorView['values'] {
  return formValues(form);
}

/** The line shown above the editor after a step (`done`) or once a preview link is made. */
export function editorNotice(
  t: ArticleMessages,
  query: { done: string; preview: string },
): { kind: 'success'; text: string } | null {
  const { done, preview } = query;
  if (preview) return { kind: 'success', text: `${t.previewCreated} ${preview}` };
  const words = t as Record<string, string>;
  if (done && `done_${done}` in t) return { kind: 'success', text: words[`done_${done}`]! };
  if (done === 'save') return { kind: 'success', text: t.saved };
  if (done === 'revoked') return { kind: 'success', text: t.previewRevoked };
  if (done === 'restored-revision') return { kind: 'success', text: t.revisionRestored };
  return null;
}

export function revisionLinks(
  t: ArticleMessages,
  article: Article,
  revisions: Revision[],
  when: (iso: string) => string,
) {
  return revisions.map((r) => ({
    id: r.id,
    label: `${when(r.createdAt)} · ${(t as Record<string, string>)[`reason_${r.reason}`] ?? r.reason}`,
    href: `/newsroom/articles/${article.id}/revisions/${r.id}`,
  }));
}

export function publicHref(article: Article): string | null {
  return article.status === 'published' ? articlePath(article) : null;
}

export function plainText(html: string): string {
  return htmlToText(html);
}
