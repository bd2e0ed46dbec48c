// Public URLs. Arabic lives at the site root, every other edition under its tag in lower case
// (/fr, /en, /fa, /ha-arab). Every article URL carries its numeric id, so a changed slug never
// breaks a link.
import type { Article, Edition } from './types.ts';

/** The edition at the site root, with no prefix. */
export const ROOT_EDITION: Edition = 'ar';

/** An edition's URL prefix: '' for the root edition, '/fa' for Persian. */
export function editionPrefix(edition: Edition): string {
  return edition === ROOT_EDITION ? '' : `/${edition.toLowerCase()}`;
}

export function homePath(lang: Edition): string {
  return `${editionPrefix(lang)}/`;
}

export function articlePath(article: Pick<Article, 'id' | 'slug' | 'lang'>): string {
  return `${editionPrefix(article.lang)}/article/${article.id}/${encodeURIComponent(article.slug)}`;
}

export function commentsPath(article: Pick<Article, 'id' | 'lang'>): string {
  return `${editionPrefix(article.lang)}/article/${article.id}/comments`;
}

export function sectionPath(lang: Edition, slug: string, page = 1): string {
  return withPage(`${editionPrefix(lang)}/section/${encodeURIComponent(slug)}`, page);
}

export function tagPath(lang: Edition, slug: string, page = 1): string {
  return withPage(`${editionPrefix(lang)}/tag/${encodeURIComponent(slug)}`, page);
}

export function authorPath(lang: Edition, slug: string, page = 1): string {
  return withPage(`${editionPrefix(lang)}/author/${encodeURIComponent(slug)}`, page);
}

export function withPage(path: string, page: number): string {
  return page > 1 ? `${path}?page=${page}` : path;
}

/** The edition a path belongs to, from its prefix: one of `editions`, else the root edition. */
export function editionOfPath(path: string, editions: readonly Edition[]): Edition {
  const segment = /^\/([^/?#]+)/.exec(path)?.[1];
  if (segment === undefined) return ROOT_EDITION;
  return editions.find((e) => e !== ROOT_EDITION && editionPrefix(e) === `/${segment}`) ?? ROOT_EDITION;
}

export const MEDIA_PREFIX = '/media/';
