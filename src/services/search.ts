// The reader's search: filters named by slug are resolved, the index is asked, and the found
// articles come back with what cards need and their highlighted title and snippet.
import { NotFound } from '../core/errors.ts';
import { htmlToText } from '../core/html-policy.ts';
import type { Article, Edition, IsoDate, Section } from '../core/types.ts';
import type { MatchMode, SearchSort } from '../search/contract.ts';
import { MAX_RANKED } from '../search/search-index.ts';
import type { SnippetPart } from '../search/snippet.ts';
import type { Services } from './context.ts';
import { bundleCards, type CardBundle, descendantIds } from './reader.ts';

export interface SearchInput {
  text: string;
  lang?: Edition;
  sectionSlug?: string;
  authorSlug?: string;
  from?: IsoDate;
  to?: IsoDate;
  sort: SearchSort;
  page: number;
  perPage: number;
  /** Results to skip, in place of `(page - 1) * perPage` (the API pages by cursor, not by page). */
  offset?: number;
  /**
   * A section or author slug that names nothing is NotFound, as in the content API's lists; the
   * reader's page shows "no results" instead.
   */
  refuseUnknownFilters?: boolean;
}

export interface FoundArticle {
  article: Article;
  title: SnippetPart[];
  snippet: SnippetPart[];
}

export interface SearchData {
  total: number;
  /** The total is an estimate (a very common word on a big site). */
  estimated: boolean;
  mode: MatchMode;
  found: FoundArticle[];
  cards: CardBundle;
  sections: Section[];
  /** The section filter, when its slug named a section. */
  section: Section | null;
  /** Whether any filter (section, author, dates) narrowed the search. */
  filtered: boolean;
  /** Pages that can be shown (relevance ranking stops at MAX_RANKED results). */
  pages: number;
}

const SNIPPET_CHARS = 220;

export async function searchArticles(
  services: Pick<Services, 'repos' | 'search'>,
  input: SearchInput,
): Promise<SearchData> {
  const { repos } = services;
  const sections = await repos.sections.list();
  const section = input.sectionSlug ? (sections.find((s) => s.slug === input.sectionSlug) ?? null) : null;
  const author = input.authorSlug ? await repos.people.bySlug(input.authorSlug) : null;
  if (input.refuseUnknownFilters) {
    if (input.sectionSlug && !section) throw new NotFound(`No section with the slug "${input.sectionSlug}".`);
    if (input.authorSlug && !author) throw new NotFound(`No author with the slug "${input.authorSlug}".`);
  }
  const filtered = Boolean(input.sectionSlug || input.authorSlug || input.from || input.to);

  const result = await services.search.search({
    text: input.text,
    sort: input.sort,
    limit: input.perPage,
    offset: input.offset ?? (input.page - 1) * input.perPage,
    ...(input.lang ? { lang: input.lang } : {}),
    // An unknown section or author slug allows nothing rather than being silently ignored.
    ...(input.sectionSlug ? { sectionIds: section ? descendantIds(sections, section.id) : [] } : {}),
    ...(input.authorSlug ? { authorId: author?.id ?? 0 } : {}),
    ...(input.from ? { from: input.from } : {}),
    ...(input.to ? { to: input.to } : {}),
  });

  const articles = await repos.articles.byIds(result.hits.map((h) => h.id));
  const found = articles.map((article) => ({
    article,
    title: result.highlight(article.title),
    snippet: result.highlight(
      [article.dek, htmlToText(article.bodyHtml)].filter(Boolean).join(' — '),
      SNIPPET_CHARS,
    ),
  }));
  const shown = input.sort === 'relevance' ? Math.min(result.total, MAX_RANKED) : result.total;
  return {
    total: result.total,
    estimated: result.estimated,
    mode: result.mode,
    found,
    cards: await bundleCards(repos, articles, sections),
    sections,
    section,
    filtered,
    pages: Math.max(1, Math.ceil(shown / input.perPage)),
  };
}
