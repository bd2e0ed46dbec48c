// Shapes a feed's domain data into the FeedView every format is written from.
import { absolutizeHtml } from '../../core/absolute-html.ts';
import { CORRECTION_TEXT, type Correction, newestFirst } from '../../core/corrections.ts';
import { escapeHtml, htmlToText } from '../../core/html-policy.ts';
import type { Edition, Lang, Person } from '../../core/types.ts';
import { absoluteImage } from '../../media/absolute-image.ts';
import { interfaceOf, type SiteSettings } from '../../services/settings.ts';
import type { FeedData, FeedScope } from '../../services/syndication.ts';
import { excerptOf, sectionName } from '../reader/presenters.ts';
import { articlePath, authorPath, editionPrefix, homePath } from '../reader/urls.ts';
import type { FeedItemView, FeedView } from './model.ts';
import { liveContentHtml, liveSummary } from './live-entries.ts';
import { feedLinks, scopePath } from './paths.ts';

function subjectTitle(data: FeedData, settings: SiteSettings): string | null {
  const { subject, lang } = data;
  switch (subject.kind) {
    case 'site':
    case 'all':
      return null;
    case 'section':
      return sectionName(subject.section, lang, interfaceOf(settings, lang));
    case 'tag':
      return subject.tag.name;
    case 'author':
      return subject.person.name;
  }
}

export function presentFeed(
  data: FeedData,
  scope: FeedScope,
  settings: SiteSettings,
  baseUrl: string,
): FeedView {
  const { lang } = data;
  const subject = subjectTitle(data, settings);
  // In the all-languages feed, names and links follow each article's own language.
  const langOf = (articleLang: Edition) => (scope.kind === 'all' ? articleLang : lang);
  // Fixed words (corrections, live coverage, section names) come from an edition's interface language.
  const ui = (edition: Edition) => interfaceOf(settings, edition);
  const items = data.articles.map((article): FeedItemView => {
    const authors = article.authorIds
      .map((id) => data.cards.people.get(id))
      .filter((p): p is Person => p !== undefined);
    const notes = feedNotes(data.corrections.get(article.id) ?? [], ui(article.lang));
    const live = data.live?.get(article.id);
    const updated = article.updatedAt > (article.publishedAt ?? '') ? article.updatedAt : article.publishedAt;
    const section = article.sectionId === null ? undefined : data.cards.sections.get(article.sectionId);
    return {
      id: `${baseUrl}${editionPrefix(article.lang)}/article/${article.id}`,
      url: baseUrl + articlePath(article),
      title: article.title,
      summary: liveSummary(
        live,
        ui(article.lang),
        withNotesText(notes, article.dek || excerptOf(article, 300)),
      ),
      contentHtml: settings.feedFullContent
        ? notesHtml(notes) +
          liveContentHtml(live, ui(article.lang), baseUrl) +
          absolutizeHtml(article.bodyHtml, baseUrl)
        : null,
      published: article.publishedAt ?? article.createdAt,
      updated: updated ?? article.createdAt,
      lang: article.textLang,
      authors: authors.map((p) => ({
        name: p.name,
        url: baseUrl + authorPath(langOf(article.lang), p.slug),
      })),
      categories: [
        ...(section
          ? [
              {
                term: section.slug,
                label: sectionName(section, langOf(article.lang), ui(langOf(article.lang))),
              },
            ]
          : []),
        ...article.tagIds
          .map((id) => data.tags.get(id))
          .filter((t) => t !== undefined)
          .map((t) => ({ term: t.slug, label: t.name })),
      ],
      image: absoluteImage(
        article.featuredMediaId === null ? undefined : data.cards.media.get(article.featuredMediaId),
        baseUrl,
      ),
      alternates: (data.translations.get(article.id) ?? []).map((t) => ({
        lang: t.lang,
        url: baseUrl + articlePath(t),
      })),
    };
  });
  const pagePath = scope.kind === 'site' || scope.kind === 'all' ? homePath(lang) : scopePath(lang, scope);
  return {
    lang,
    title: subject ? `${subject} – ${settings.name}` : settings.name,
    description: feedDescription(data, settings, lang),
    pageUrl: baseUrl + pagePath,
    links: feedLinks(baseUrl, lang, scope),
    updated: items.reduce<string | null>(
      (max, i) => (max === null || i.updated > max ? i.updated : max),
      null,
    ),
    publisher: { name: settings.name, url: baseUrl + homePath(lang) },
    items,
  };
}

/** Corrections first, then updates, each newest first, labelled in the article's language. */
function feedNotes(
  corrections: readonly Correction[],
  lang: Lang,
): { label: string; text: string; at: string }[] {
  const text = CORRECTION_TEXT[lang];
  const sorted = newestFirst(corrections);
  return [...sorted.filter((c) => c.kind === 'correction'), ...sorted.filter((c) => c.kind === 'update')].map(
    (c) => ({ label: text[c.kind], text: c.body, at: c.createdAt.slice(0, 10) }),
  );
}

// A reader of the feed learns of a correction where they read the entry: before its summary.
function withNotesText(notes: ReturnType<typeof feedNotes>, summary: string): string {
  return [...notes.map((n) => `${n.label} (${n.at}): ${n.text}`), summary].join('\n\n');
}

function notesHtml(notes: ReturnType<typeof feedNotes>): string {
  return notes
    .map((n) => `<p><strong>${escapeHtml(n.label)} (${escapeHtml(n.at)}):</strong> ${escapeHtml(n.text)}</p>`)
    .join('');
}

function feedDescription(data: FeedData, settings: SiteSettings, lang: Edition): string {
  const site = settings.description || settings.tagline || settings.name;
  if (data.subject.kind === 'author') {
    return htmlToText(data.subject.person.bio) || site;
  }
  if (data.subject.kind === 'section')
    return `${sectionName(data.subject.section, lang, interfaceOf(settings, lang))} – ${site}`;
  if (data.subject.kind === 'tag') return `${data.subject.tag.name} – ${site}`;
  return site;
}
