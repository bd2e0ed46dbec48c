// What the rest of the program may ask of the search index, and what an engine (SQLite FTS5,
// PostgreSQL tsvector) must provide to serve it. The engines only run queries; analysis,
// planning and the final ranking are shared, so both engines answer alike.
import type { RawBuilder } from 'kysely';
import type { Edition, IsoDate } from '../core/types.ts';
import type { RelatedIndex } from './related/related-index.ts';
import type { SnippetPart } from './snippet.ts';

export interface SearchFilters {
  lang?: Edition;
  /** Allowed sections (a section and its descendants); an empty list allows none. */
  sectionIds?: number[];
  authorId?: number;
  /** Inclusive bounds on the publication date. */
  from?: IsoDate;
  to?: IsoDate;
}

export type SearchSort = 'relevance' | 'date';

export interface SearchQuery extends SearchFilters {
  text: string;
  sort: SearchSort;
  limit: number;
  offset: number;
  /** Articles dated after this are not live yet; defaults to the current time. */
  now?: Date;
}

/** One query word: the forms looked for in the text columns and in the stems column. */
export interface PlanWord {
  /** The word as typed (normalized), for exact-title boosts. */
  exact: string;
  /** Exact and base forms, matched in title, dek, body and names. */
  main: string[];
  /** Matched in the stems column. */
  stem: string;
  /** The word without a one-letter prefix (وبيروت → بيروت), or null when it has none. */
  guess: { main: string[]; stem: string } | null;
  /**
   * Set only when the word as typed is not in the index: then its guess is searched too, and
   * so is the alt column (the articles' words without a one-letter prefix). So وزير, which is
   * in the index, never reaches زير, while an unknown وبيروت still finds بيروت.
   */
  widen: boolean;
}

export interface QueryPlan {
  words: PlanWord[];
}

/** all: every word matched; any: nothing had every word, so any word counts; none: no words. */
export type MatchMode = 'all' | 'any' | 'none';

export interface SearchHit {
  id: number;
  score: number;
}

export interface SearchResult {
  total: number;
  /** See Found.estimated. */
  estimated: boolean;
  hits: SearchHit[];
  mode: MatchMode;
  /** The plan that found the hits. */
  plan: QueryPlan;
  /**
   * The original text with the words this search matched marked whole: a window of about
   * `maxChars` around the best matches, or all of it when maxChars is omitted (titles).
   */
  highlight(text: string, maxChars?: number): SnippetPart[];
}

export interface SearchIndex {
  /**
   * Writes the article's entry: in the reader index if it is published, in the newsroom's
   * (src/search/staff.ts) otherwise, and takes it out of the other.
   */
  indexArticle(id: number): Promise<void>;
  removeArticle(id: number): Promise<void>;
  /**
   * Newsroom search over every status: a subquery of the ids of articles whose title, dek, body
   * or names hold every word of `text`, analyzed as reader search is; null when it has no words.
   */
  staffMatches(text: string): Promise<RawBuilder<unknown> | null>;
  search(query: SearchQuery): Promise<SearchResult>;
  /** Empties and refills both indexes; reports progress after each batch; returns the published count. */
  rebuild(onProgress?: (done: number, total: number) => void): Promise<number>;
  /** Forgets the cached protected names (call after tags or people change). */
  forgetNames(): void;
  /** The stored related-articles lists, kept with the same analyzer. */
  related: RelatedIndex;
}

/** The analyzed text of one article, ready to be written by an engine. */
export interface IndexColumns {
  title: string;
  dek: string;
  body: string;
  names: string;
  stems: string;
  alt: string;
}

export interface Candidate {
  id: number;
  /** Engine relevance, higher is better (not comparable across engines). */
  relevance: number;
  publishedAt: IsoDate;
  /**
   * For the title boosts of re-ranking; empty past the best RERANK_WINDOW (rank.ts), which
   * re-ranking never looks at, so the engines need not read those articles' rows.
   */
  title: string;
}

export interface Found {
  total: number;
  rows: Candidate[];
  /** The total is an estimate (very common words on a big site); exact otherwise. */
  estimated?: boolean;
}

export interface EngineQuery {
  plan: QueryPlan;
  mode: 'all' | 'any';
  filters: SearchFilters;
  now: IsoDate;
}

/** An engine's part: storage and matching. Runs on the Kysely instance it was made with. */
export interface SearchEngine {
  write(id: number, columns: IndexColumns): Promise<void>;
  remove(id: number): Promise<void>;
  clear(): Promise<void>;
  /** Compacts the index after a bulk rebuild (a no-op where the database keeps it compact). */
  compact(): Promise<void>;
  /** Whether the word's main or stem forms occur anywhere in the index. */
  exists(word: PlanWord): Promise<boolean>;
  /**
   * One page of matches, best first or newest first, with the number of all matches counted
   * in the same pass (the full-text match is the expensive part; it runs once).
   */
  find(query: EngineQuery, order: 'relevance' | 'date', limit: number, offset: number): Promise<Found>;
  /** The number of matches, for a page past the last one (where `find` has no row to count on). */
  count(query: EngineQuery): Promise<number>;
}
