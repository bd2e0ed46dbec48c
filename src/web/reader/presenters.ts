// Presenters shape domain objects into the view models of view-models.ts. They format dates,
// build URLs and pick image variants; they never query.
import { focalClass } from '../../media/focal.ts';
import { displayDate } from '../../core/dates.ts';
import { bodyWords, excerptOf, sectionName } from '../../core/article-text.ts';
import type { Messages } from '../../core/i18n.ts';
import { counted } from '../../core/plural.ts';
import { minutesForWords } from '../../core/reading-time.ts';
import type { Article, ArticleSummary, Edition, Lang, Media, Person, Section } from '../../core/types.ts';
import { bestFallback, srcsetFor } from '../../media/images.ts';
import type { CardBundle } from '../../services/reader.ts';
import { articlePath, authorPath, MEDIA_PREFIX, sectionPath, withPage } from './urls.ts';

// Kept importable from here: the reader's routes and the feeds use them with the other presenters.
export { excerptOf, sectionName };
import type {
  ArticleCardView,
  DateView,
  ImageView,
  LinkView,
  PaginationView,
  ShareLinkView,
} from './view-models.ts';

export interface PresentContext {
  /** The page's edition: its URL prefix, its dates and the lang/dir of the page. */
  lang: Edition;
  /** The interface language the edition's words fall back to (section names, fixed texts). */
  ui: Lang;
  t: Messages;
  baseUrl: string;
  timezone: string;
  /** Which calendars dates show in (a site setting); both when absent. */
  dateDisplay?: 'both' | 'gregorian' | 'hijri';
}

export function presentDate(iso: string, ctx: PresentContext): DateView {
  const date = displayDate(iso, ctx.lang, ctx.timezone);
  if (ctx.dateDisplay === 'gregorian') return { ...date, hijri: '' };
  // The Hijri date takes the Gregorian one's place; <time datetime> keeps the exact moment.
  if (ctx.dateDisplay === 'hijri' && date.hijri !== '') return { ...date, gregorian: date.hijri, hijri: '' };
  return date;
}

export function presentImage(media: Media | undefined | null): ImageView | null {
  if (!media) return null;
  const fallback = bestFallback(media, MEDIA_PREFIX);
  return {
    src: fallback.src,
    width: fallback.width ?? media.width ?? 0,
    height: fallback.height ?? media.height ?? 0,
    srcsetJpeg: srcsetFor(media, 'jpeg', MEDIA_PREFIX),
    srcsetWebp: srcsetFor(media, 'webp', MEDIA_PREFIX),
    srcsetAvif: srcsetFor(media, 'avif', MEDIA_PREFIX),
    alt: media.alt,
    caption: media.caption,
    credit: media.credit,
    ...(media.focal ? { focalClass: focalClass(media.focal) } : {}),
  };
}

export function sectionLink(
  section: Section | null | undefined,
  ctx: Pick<PresentContext, 'lang' | 'ui'>,
): LinkView | null {
  return section
    ? { href: sectionPath(ctx.lang, section.slug), label: sectionName(section, ctx.lang, ctx.ui) }
    : null;
}

export function authorLinks(people: Person[], lang: Edition): LinkView[] {
  return people.map((p) => ({ href: authorPath(lang, p.slug), label: p.name }));
}

export function presentCard(
  article: ArticleSummary,
  bundle: CardBundle,
  ctx: PresentContext,
): ArticleCardView {
  const authors = article.authorIds
    .map((id) => bundle.people.get(id))
    .filter((p): p is Person => p !== undefined);
  return {
    id: article.id,
    href: articlePath(article),
    title: article.title,
    dek: article.dek,
    lang: article.textLang,
    section: sectionLink(article.sectionId === null ? null : bundle.sections.get(article.sectionId), ctx),
    image: presentImage(article.featuredMediaId === null ? null : bundle.media.get(article.featuredMediaId)),
    published: presentDate(article.publishedAt ?? article.createdAt, ctx),
    authors: authorLinks(authors, ctx.lang),
    isBreaking: article.isBreaking,
    commentCount: bundle.commentCounts.get(article.id) ?? 0,
  };
}

export function presentCards(
  articles: ArticleSummary[],
  bundle: CardBundle,
  ctx: PresentContext,
): ArticleCardView[] {
  return articles.map((a) => presentCard(a, bundle, ctx));
}

export function presentPagination(
  basePath: string,
  page: number,
  total: number,
  perPage: number,
): PaginationView {
  const pages = Math.max(1, Math.ceil(total / perPage));
  return {
    page,
    pages,
    prev: page > 1 ? withPage(basePath, page - 1) : null,
    next: page < pages ? withPage(basePath, page + 1) : null,
  };
}

export function readingTime(article: Article): { minutes: number; label: (t: Messages) => string } {
  const minutes = minutesForWords(bodyWords(article), article.textLang);
  return { minutes, label: (t) => counted('minutes', minutes, t) };
}

/** Plain share links: no third-party script runs on our page and nobody is tracked. */
export function shareLinks(title: string, url: string, t: Messages): ShareLinkView[] {
  const u = encodeURIComponent(url);
  const text = encodeURIComponent(title);
  const both = encodeURIComponent(`${title}\n${url}`);
  return [
    { network: 'x', href: `https://x.com/intent/post?text=${text}&url=${u}`, label: `${t.shareOn} X` },
    {
      network: 'facebook',
      href: `https://www.facebook.com/sharer/sharer.php?u=${u}`,
      label: `${t.shareOn} Facebook`,
    },
    { network: 'whatsapp', href: `https://wa.me/?text=${both}`, label: `${t.shareOn} WhatsApp` },
    {
      network: 'telegram',
      href: `https://t.me/share/url?url=${u}&text=${text}`,
      label: `${t.shareOn} Telegram`,
    },
    { network: 'email', href: `mailto:?subject=${text}&body=${both}`, label: t.shareByEmail },
    { network: 'copy', href: url, label: t.copyLink },
  ];
}
