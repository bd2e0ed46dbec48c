// Public URLs. Arabic lives at the site root, French under /fr and English under /en. Every
// article URL carries its numeric id, so a changed slug never breaks a link.
import type { Article, Lang } from './types.ts';

export const LANG_PREFIX: Record<Lang, string> = { ar: '', fr: '/fr', en: '/en' };

export function homePath(lang: Lang): string {
  return `${LANG_PREFIX[lang]}/`;
}

export function articlePath(article: Pick<Article, 'id' | 'slug' | 'lang'>): string {
  return `${LANG_PREFIX[article.lang]}/article/${article.id}/${encodeURIComponent(article.slug)}`;
}

export function commentsPath(article: Pick<Article, 'id' | 'lang'>): string {
  return `${LANG_PREFIX[article.lang]}/article/${article.id}/comments`;
}

export function sectionPath(lang: Lang, slug: string, page = 1): string {
  return withPage(`${LANG_PREFIX[lang]}/section/${encodeURIComponent(slug)}`, page);
}

export function tagPath(lang: Lang, slug: string, page = 1): string {
  return withPage(`${LANG_PREFIX[lang]}/tag/${encodeURIComponent(slug)}`, page);
}

export function authorPath(lang: Lang, slug: string, page = 1): string {
  return withPage(`${LANG_PREFIX[lang]}/author/${encodeURIComponent(slug)}`, page);
}

export function withPage(path: string, page: number): string {
  return page > 1 ? `${path}?page=${page}` : path;
}

/** The language a path belongs to, from its prefix. */
export function langOfPath(path: string): Lang {
  if (path === '/fr' || path.startsWith('/fr/')) return 'fr';
  if (path === '/en' || path.startsWith('/en/')) return 'en';
  return 'ar';
}

export const MEDIA_PREFIX = '/media/';
