// Where feeds live: each listing page's feed sits under the page's own path, so the Arabic
// home (/) has /feed.xml, the French one /fr/feed.xml, a section /section/<slug>/feed.xml.
import type { Edition } from '../../core/types.ts';
import type { FeedScope } from '../../services/syndication.ts';
import { authorPath, editionPrefix, sectionPath, tagPath } from '../reader/urls.ts';
import { FEED_EXTENSIONS, type FeedFormat, type FeedLinks } from './model.ts';

export function scopePath(lang: Edition, scope: FeedScope): string {
  switch (scope.kind) {
    case 'site':
      return editionPrefix(lang);
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

export function feedPath(lang: Edition, scope: FeedScope, format: FeedFormat): string {
  return `${scopePath(lang, scope)}/feed.${FEED_EXTENSIONS[format]}`;
}

export function feedLinks(baseUrl: string, lang: Edition, scope: FeedScope): FeedLinks {
  return {
    rss: baseUrl + feedPath(lang, scope, 'rss'),
    atom: baseUrl + feedPath(lang, scope, 'atom'),
    json: baseUrl + feedPath(lang, scope, 'json'),
  };
}
