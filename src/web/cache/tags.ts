// The dependency vocabulary of cached pages. A page declares two kinds of tags:
//   what it shows:   article:12, section:3, tag:7, person:2, media:5, group:4 (a translation
//                    group), related:12 (article 12's related list), sections / tags / people
//                    (whole lists), nav (the section menu);
//   what it lists:   home:ar, in-section:3, in-tag:7, by-person:2, feed, sitemap, search,
//                    api-articles: an article published there changes the page even though the
//                    page did not show it yet.
// invalidation.ts maps each change event to the tags it touches.
import type { ArticleSummary, Edition } from '../../core/types.ts';

export const tags = {
  article: (id: number) => `article:${id}`,
  section: (id: number) => `section:${id}`,
  tag: (id: number) => `tag:${id}`,
  person: (id: number) => `person:${id}`,
  media: (id: number) => `media:${id}`,
  group: (id: number) => `group:${id}`,
  /** The related-articles list on the article's own page. */
  related: (id: number) => `related:${id}`,
  home: (lang: Edition) => `home:${lang}`,
  /** The most-read list of a language (home and article pages show it). */
  mostRead: (lang: Edition) => `most-read:${lang}`,
  inSection: (id: number) => `in-section:${id}`,
  inTag: (id: number) => `in-tag:${id}`,
  byPerson: (id: number) => `by-person:${id}`,
  /** Every reader HTML page: the header menu names the top-level sections (see frameTags). */
  nav: 'nav',
  sections: 'sections',
  tagList: 'tags',
  people: 'people',
  feed: 'feed',
  sitemap: 'sitemap',
  search: 'search',
  apiArticles: 'api-articles',
} as const;

/** What showing an article (as a page, a card, a feed item or an API object) depends on. */
export function showsArticle(article: ArticleSummary): string[] {
  const out = [tags.article(article.id)];
  if (article.sectionId !== null) out.push(tags.section(article.sectionId));
  for (const id of article.authorIds) out.push(tags.person(id));
  for (const id of article.tagIds) out.push(tags.tag(id));
  if (article.featuredMediaId !== null) out.push(tags.media(article.featuredMediaId));
  return out;
}

export function showsArticles(articles: Iterable<ArticleSummary>): string[] {
  const out: string[] = [];
  for (const a of articles) out.push(...showsArticle(a));
  return out;
}

/** Media shown beside people (avatars), for pages that show bylines with pictures. */
export function showsMedia(ids: Iterable<number | null>): string[] {
  const out: string[] = [];
  for (const id of ids) if (id !== null) out.push(tags.media(id));
  return out;
}

/** What the frame of every reader HTML page shows: the section menu and the site's logo. */
export function frameTags(settings: { logoMediaId: number | null }): string[] {
  return [tags.nav, ...showsMedia([settings.logoMediaId])];
}
