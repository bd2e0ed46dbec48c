// Shapes a search (or its absence) into the search page's view model.
import type { Messages } from '../../core/i18n.ts';
import type { Edition, Section } from '../../core/types.ts';
import type { SearchData } from '../../services/search.ts';
import { type PresentContext, presentDate, sectionLink, sectionName } from './presenters.ts';
import type { SearchParams } from './search-schema.ts';
import { searchPath } from './search-urls.ts';
import type { SearchPageView } from './search-view-models.ts';
import { editionName } from './site.ts';
import { articlePath } from './urls.ts';
import type { LinkView, PaginationView } from './view-models.ts';

export function presentSearchPage(
  params: SearchParams,
  data: SearchData | null,
  sections: Section[],
  ctx: PresentContext,
  /** The editions the site publishes: a search with no result is offered in the others. */
  editions: readonly Edition[],
): SearchPageView {
  const { lang, t } = ctx;
  const link = (page: number) =>
    searchPath(lang, {
      q: params.q,
      sort: params.sort,
      ...(params.section ? { section: params.section } : {}),
      ...(params.from ? { from: params.from } : {}),
      ...(params.to ? { to: params.to } : {}),
      page,
    });
  const found = data?.found ?? [];
  const notice =
    data === null || data.mode === 'none'
      ? 'empty'
      : data.total === 0
        ? 'none'
        : data.mode === 'any'
          ? 'any'
          : null;
  return {
    action: searchPath(lang),
    query: params.q,
    sort: params.sort,
    sections: [
      { value: '', label: t.searchAllSections },
      ...sections.map((s) => ({ value: s.slug, label: sectionName(s, ctx.lang, ctx.ui) })),
    ],
    section: params.section ?? '',
    total: data?.total ?? 0,
    estimated: data?.estimated ?? false,
    results: found.map(({ article, title, snippet }) => ({
      id: article.id,
      href: articlePath(article),
      lang: article.textLang,
      title,
      snippet,
      section: sectionLink(
        article.sectionId === null ? null : data?.cards.sections.get(article.sectionId),
        ctx,
      ),
      published: presentDate(article.publishedAt ?? article.createdAt, ctx),
    })),
    pagination: pagination(params.page, data?.pages ?? 1, link),
    notice,
    suggestions: notice === 'none' ? suggestions(params, data, lang, t, editions) : [],
  };
}

function pagination(page: number, pages: number, link: (page: number) => string): PaginationView {
  return {
    page,
    pages,
    prev: page > 1 ? link(Math.min(page - 1, pages)) : null,
    next: page < pages ? link(page + 1) : null,
  };
}

function suggestions(
  params: SearchParams,
  data: SearchData | null,
  lang: Edition,
  t: Messages,
  editions: readonly Edition[],
): LinkView[] {
  const out: LinkView[] = [];
  if (data?.filtered) out.push({ href: searchPath(lang, { q: params.q }), label: t.searchWithoutFilters });
  for (const other of editions) {
    if (other === lang) continue;
    out.push({
      href: searchPath(other, { q: params.q }),
      label: `${t.searchInLanguage} ${editionName(other)}`,
    });
  }
  return out;
}
