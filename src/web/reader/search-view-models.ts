// Plain data for the search page view. Built by search-presenter.ts.
import type { DateView, LinkView, PaginationView } from './view-models.ts';

export interface TextPart {
  text: string;
  /** A word the reader searched for, shown in <mark>. */
  mark: boolean;
}

export interface SearchResultView {
  id: number;
  href: string;
  /** The language of the article's text (BCP 47). */
  lang: string;
  title: TextPart[];
  snippet: TextPart[];
  section: LinkView | null;
  published: DateView;
}

export interface SearchPageView {
  action: string;
  query: string;
  sort: 'relevance' | 'date';
  /** Section filter choices; the selected slug is `section` ('' for all). */
  sections: { value: string; label: string }[];
  section: string;
  total: number;
  /** Show the total as approximate. */
  estimated: boolean;
  results: SearchResultView[];
  pagination: PaginationView;
  /**
   * empty: nothing to search for (no query, or only punctuation/harakat); none: no article
   * matched; any: no article had every word, these have some of them.
   */
  notice: 'empty' | 'none' | 'any' | null;
  /** Other searches worth a try when nothing was found (without filters, other languages). */
  suggestions: LinkView[];
}
