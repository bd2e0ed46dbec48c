// Where feeds live: each listing page's feed sits under the page's own path, so the Arabic
// home (/) has /feed.xml, the French one /fr/feed.xml, a section /section/<slug>/feed.xml.
import type { Lang } from '../../core/types.ts';
import type { FeedScope } from '../../services/syndication.ts';
import { authorPath, LANG_PREFIX, sectionPath, tagPath } from '../reader/urls.ts';
import { FEED_EXTENSIONS, type FeedFormat, type FeedLinks } from './model.ts';

export function scopePath(lang: Lang, scope: FeedScope): string {
  switch (scope.kind) {
    case 'site':
      return LANG_PREFIX[lang];
    case 'all':
      return '/all';
    case 'section':
      return sectionPath(lang, scope.slug);
    case 'tag':
      return tagPath(lang, scope.slug);
    case 'author':
      return authorPath(lang, scope.slug);
  }
}

export function feedPath(lang: Lang, scope: FeedScope, format: FeedFormat): string {
  return `${scopePath(lang, scope)}/feed.${FEED_EXTENSIONS[format]}`;
}

export function feedLinks(baseUrl: string, lang: Lang, scope: FeedScope): FeedLinks {
  return {
    rss: baseUrl + feedPath(lang, scope, 'rss'),
    atom: baseUrl + feedPath(lang, scope, 'atom'),
    json: baseUrl + feedPath(lang, scope, 'json'),
  };
}
