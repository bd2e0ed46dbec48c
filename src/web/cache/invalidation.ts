// From a committed change to the pages that show it. An article change touches the article
// itself and, before and after the change (its slug, language, section, tags or authors may
// have moved), every listing it belongs to; a visible change also touches feeds, sitemaps,
// search results and API lists. Changes readers could not see (a draft saved) touch nothing.
// An article taken off the site takes the old copies of those pages with it.
import type { Article } from '../../core/types.ts';
import type { ContentEvent } from '../../services/events.ts';
import type { Invalidation } from './store.ts';
import { tags } from './tags.ts';

export function invalidationFor(event: ContentEvent): Invalidation | null {
  switch (event.type) {
    case 'article': {
      if (event.change === 'hidden') return null;
      const out = new Set<string>([tags.feed, tags.sitemap, tags.search, tags.apiArticles, tags.people]);
      for (const a of [event.before, event.after]) if (a) addArticle(out, a);
      return { tags: [...out], drop: event.change === 'unpublished' };
    }
    case 'comment':
      // Comment counts are on every card of the article, so this reaches listings too.
      return { tags: [tags.article(event.articleId)] };
    case 'related':
      return { tags: event.articleIds.map(tags.related) };
    case 'settings':
      return { all: true };
    case 'section':
      // Section names are in the menu of every page.
      return {
        tags: [tags.section(event.id), tags.inSection(event.id), tags.sections, tags.nav, tags.sitemap],
      };
    case 'tag':
      return { tags: [tags.tag(event.id), tags.inTag(event.id), tags.tagList, tags.sitemap] };
    case 'person':
      return { tags: [tags.person(event.id), tags.byPerson(event.id), tags.people, tags.sitemap] };
    case 'media':
      return { tags: [tags.media(event.id)] };
    case 'most-read':
      return { tags: event.langs.map(tags.mostRead) };
  }
}

function addArticle(out: Set<string>, a: Article): void {
  out.add(tags.article(a.id));
  out.add(tags.home(a.lang));
  if (a.translationGroup !== null) out.add(tags.group(a.translationGroup));
  if (a.sectionId !== null) out.add(tags.inSection(a.sectionId));
  for (const id of a.tagIds) out.add(tags.inTag(id));
  for (const id of a.authorIds) out.add(tags.byPerson(id));
}
