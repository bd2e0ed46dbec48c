// The newsroom's article list: filters, the newsroom search over title, dek, body and names in
// every status (the Arabic analyzer's, as readers get), column sorting and pages. Editors see
// everyone's articles; others their own.
import { can } from '../../core/policies/index.ts';
import {
  type ArticleStatus,
  type Edition,
  type IsoDate,
  LANGUAGES,
  type Person,
  type Section,
  type Tag,
} from '../../core/types.ts';
import type { NewsroomSort } from '../../db/repositories/contract.ts';
import type { Services } from '../context.ts';
import { furtherEditions, loadSiteSettings } from '../settings.ts';

export const ARTICLES_PER_PAGE = 30;

/** The columns the list sorts by. */
export const LIST_SORTS = [
  'title',
  'status',
  'lang',
  'updated',
  'published',
  'comments',
] as const satisfies readonly NewsroomSort[];
export type ListSort = (typeof LIST_SORTS)[number];

export interface ArticleListFilters {
  status?: ArticleStatus | undefined;
  sectionId?: number | undefined;
  authorId?: number | undefined;
  lang?: Edition | undefined;
  q?: string | undefined;
  sort?: ListSort | undefined;
  descending?: boolean | undefined;
  page: number;
}

export interface ArticleListItem {
  id: number;
  title: string;
  lang: Edition;
  /** The language the text is written in (BCP 47), which may be other than the edition's. */
  textLang: string;
  status: ArticleStatus;
  sectionId: number | null;
  authorNames: string[];
  updatedAt: IsoDate;
  /** Publication time, or the time it is scheduled for. */
  publishedAt: IsoDate | null;
  /** Approved comments. */
  comments: number;
}

export interface ArticleList {
  items: ArticleListItem[];
  total: number;
  perPage: number;
  /** Editors see everyone's articles and may filter by author; others see their own only. */
  seesAll: boolean;
  sections: Section[];
  people: { id: number; name: string }[];
  /** For the bulk "add tag" choice. */
  tags: Tag[];
  timezone: string;
  /** The language filter's choices: ar/fr/en and the site's further editions. */
  editions: Edition[];
}

export async function listNewsroomArticles(
  services: Pick<Services, 'repos' | 'search'>,
  person: Person,
  filters: ArticleListFilters,
): Promise<ArticleList> {
  const { repos } = services;
  const seesAll = can(person, { kind: 'article.list-all' });
  const idsIn = filters.q ? await services.search.staffMatches(filters.q) : null;
  const [page, sections, people, tags, settings] = await Promise.all([
    repos.articles.listForNewsroom({
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.lang ? { lang: filters.lang } : {}),
      ...(filters.sectionId ? { sectionId: filters.sectionId } : {}),
      ...(idsIn ? { idsIn } : {}),
      ...(filters.q ? { titleContains: filters.q } : {}),
      ...(seesAll ? (filters.authorId ? { authorId: filters.authorId } : {}) : { authorId: person.id }),
      ...(filters.sort ? { sort: filters.sort } : {}),
      ...(filters.descending !== undefined ? { descending: filters.descending } : {}),
      limit: ARTICLES_PER_PAGE,
      offset: (filters.page - 1) * ARTICLES_PER_PAGE,
    }),
    repos.sections.list(),
    repos.people.list(),
    repos.tags.list(),
    loadSiteSettings(repos),
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const comments = await repos.comments.countsApproved(page.items.map((a) => a.id));
  return {
    items: page.items.map((a) => ({
      id: a.id,
      title: a.title,
      lang: a.lang,
      textLang: a.textLang,
      status: a.status,
      sectionId: a.sectionId,
      authorNames: a.authorIds.map((id) => names.get(id) ?? ''),
      updatedAt: a.updatedAt,
      publishedAt: a.publishedAt,
      comments: comments.get(a.id) ?? 0,
    })),
    total: page.total,
    perPage: ARTICLES_PER_PAGE,
    seesAll,
    sections,
    people: people.map((p) => ({ id: p.id, name: p.name })),
    tags: [...tags].sort((a, b) => a.name.localeCompare(b.name)),
    timezone: settings.timezone,
    editions: [...LANGUAGES, ...furtherEditions(settings)],
  };
}
