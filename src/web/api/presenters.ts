// The content API's wire shapes for sections, tags and authors, and field selection. Articles
// are shaped in services/api-article.ts, which webhook payloads share. URLs are absolute and
// property names snake_case.
import type { Media, Person, Section, Tag } from '../../core/types.ts';
import { type ApiArticleSummary, presentImage } from '../../services/api-article.ts';
import { authorPath, sectionPath, tagPath } from '../reader/urls.ts';
import type { ArticleField } from './schema.ts';

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
    avatar: presentImage(avatar, base),
    links: p.links.filter((l) => /^https?:\/\//.test(l.url)),
  };
}
