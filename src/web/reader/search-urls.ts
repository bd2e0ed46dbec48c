// Search page URLs: /search, /fr/search, /en/search, with the reader's query and filters.
import type { Edition } from '../../core/types.ts';
import { editionPrefix } from './urls.ts';

export interface SearchLinkParams {
  q: string;
  sort?: 'relevance' | 'date';
  section?: string;
  from?: string;
  to?: string;
  page?: number;
}

export function searchPath(lang: Edition, params?: SearchLinkParams): string {
  const path = `${editionPrefix(lang)}/search`;
  if (!params) return path;
  const query = new URLSearchParams({ q: params.q });
  // Defaults stay out of the URL, so every search has one canonical address.
  if (params.sort && params.sort !== 'relevance') query.set('sort', params.sort);
  if (params.section) query.set('section', params.section);
  if (params.from) query.set('from', params.from);
  if (params.to) query.set('to', params.to);
  if (params.page && params.page > 1) query.set('page', String(params.page));
  return `${path}?${query.toString()}`;
}
