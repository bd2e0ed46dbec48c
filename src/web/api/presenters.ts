// The content API's wire shapes. Rows never leave as they are: e-mail addresses, password
// hashes, search text and unpublished states have no place here. URLs are absolute and
// property names snake_case.
import type { Article, Lang, Media, Person, Section, Tag } from '../../core/types.ts';
import type { ArticleRef } from '../../db/repositories/contract.ts';
import type { ArticleBundle } from '../../services/syndication-api.ts';
import { absolutizeHtml } from '../feeds/absolute-html.ts';
import { absoluteImage } from '../feeds/presenter.ts';
import { excerptOf, sectionName } from '../reader/presenters.ts';
import { articlePath, authorPath, sectionPath, tagPath } from '../reader/urls.ts';
import type { ArticleField } from './schema.ts';

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
  lang: Lang;
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
  translations: { lang: Lang; id: number; url: string }[];
}

function image(media: Media | undefined, base: string): ApiImage | null {
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
    image: image(
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
): ApiArticleFull {
  return {
    ...presentSummary(article, b, base),
    body_html: absolutizeHtml(article.bodyHtml, base),
    translations: translations.map((t) => ({ lang: t.lang, id: t.id, url: base + articlePath(t) })),
  };
}

/** Keeps only the fields a client asked for; `id` always stays so items can be told apart. */
export function pick(
  summary: ApiArticleSummary,
  fields: ArticleField[] | undefined,
): Partial<ApiArticleSummary> {
  if (!fields) return summary;
  const out: Partial<Record<ArticleField, unknown>> = { id: summary.id };
  for (const f of fields) out[f] = summary[f];
  return out as Partial<ApiArticleSummary>;
}

export function presentSection(s: Section, all: Section[], base: string) {
  const parent = s.parentId === null ? undefined : all.find((p) => p.id === s.parentId);
  return {
    id: s.id,
    slug: s.slug,
    parent: parent?.slug ?? null,
    position: s.position,
    names: s.names,
    urls: {
      ar: base + sectionPath('ar', s.slug),
      fr: base + sectionPath('fr', s.slug),
      en: base + sectionPath('en', s.slug),
    },
  };
}

export function presentTag(t: Tag, base: string) {
  return { id: t.id, slug: t.slug, name: t.name, url: base + tagPath('ar', t.slug) };
}

export function presentAuthor(p: Person, avatar: Media | undefined, base: string) {
  return {
    slug: p.slug,
    name: p.name,
    bio: p.bio,
    url: base + authorPath(p.locale, p.slug),
    avatar: image(avatar, base),
    links: p.links.filter((l) => /^https?:\/\//.test(l.url)),
  };
}
