// The article as the outside world receives it: the content API answers with this shape and
// webhook payloads carry it, so an integration parses one format. Rows never leave as they
// are: e-mail addresses, password hashes, search text and workflow states have no place here.
// URLs are absolute and property names snake_case.
import { absolutizeHtml } from '../core/absolute-html.ts';
import { excerptOf, sectionName } from '../core/article-text.ts';
import type { Correction } from '../core/corrections.ts';
import type { Article, Edition, Media, Person, Tag } from '../core/types.ts';
import { articlePath, authorPath } from '../core/urls.ts';
import type { ArticleRef } from '../db/repositories/contract.ts';
import { absoluteImage } from '../media/absolute-image.ts';
import type { ArticleBundle } from './syndication-api.ts';

export interface ApiImage {
  url: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}

export interface ApiArticleSummary {
  id: number;
  lang: Edition;
  url: string;
  title: string;
  slug: string;
  dek: string;
  excerpt: string;
  published_at: string;
  updated_at: string;
  section: { slug: string; name: string } | null;
  tags: { slug: string; name: string }[];
  authors: { slug: string; name: string; url: string }[];
  image: ApiImage | null;
  is_breaking: boolean;
  is_featured: boolean;
}

export interface ApiArticleFull extends ApiArticleSummary {
  /** Sanitized HTML with absolute links. */
  body_html: string;
  translations: { lang: Edition; id: number; url: string }[];
  /** Corrections and updates, newest first. */
  corrections: ApiCorrection[];
}

export interface ApiCorrection {
  id: number;
  kind: Correction['kind'];
  text: string;
  published_at: string;
  updated_at: string;
}

export function presentImage(media: Media | undefined, base: string): ApiImage | null {
  const img = absoluteImage(media, base, 1280);
  if (!img || !media) return null;
  return {
    url: img.url,
    width: img.width,
    height: img.height,
    alt: media.alt,
    caption: media.caption,
    credit: media.credit,
  };
}

export function presentSummary(article: Article, b: ArticleBundle, base: string): ApiArticleSummary {
  const section = article.sectionId === null ? undefined : b.cards.sections.get(article.sectionId);
  const published = article.publishedAt ?? article.createdAt;
  return {
    id: article.id,
    lang: article.lang,
    url: base + articlePath(article),
    title: article.title,
    slug: article.slug,
    dek: article.dek,
    excerpt: excerptOf(article, 300),
    published_at: published,
    updated_at: [article.updatedAt, published].sort()[1]!,
    section: section ? { slug: section.slug, name: sectionName(section, article.lang) } : null,
    tags: article.tagIds
      .map((id) => b.tags.get(id))
      .filter((t): t is Tag => t !== undefined)
      .map((t) => ({ slug: t.slug, name: t.name })),
    authors: article.authorIds
      .map((id) => b.cards.people.get(id))
      .filter((p): p is Person => p !== undefined)
      .map((p) => ({ slug: p.slug, name: p.name, url: base + authorPath(article.lang, p.slug) })),
    image: presentImage(
      article.featuredMediaId === null ? undefined : b.cards.media.get(article.featuredMediaId),
      base,
    ),
    is_breaking: article.isBreaking,
    is_featured: article.isFeatured,
  };
}

export function presentFull(
  article: Article,
  b: ArticleBundle,
  translations: ArticleRef[],
  base: string,
  corrections: readonly Correction[] = [],
): ApiArticleFull {
  return {
    ...presentSummary(article, b, base),
    body_html: absolutizeHtml(article.bodyHtml, base),
    translations: translations.map((t) => ({ lang: t.lang, id: t.id, url: base + articlePath(t) })),
    corrections: corrections.map((c) => ({
      id: c.id,
      kind: c.kind,
      text: c.body,
      published_at: c.createdAt,
      updated_at: c.updatedAt,
    })),
  };
}
