// What reader pages show, read from storage in a few batched queries per page. Returns domain
// objects plus the lookups needed to present them; the web layer turns these into views.
import { NotFound } from '../core/errors.ts';
import type { Correction } from '../core/corrections.ts';
import type {
  Article,
  ArticleSummary,
  Comment,
  Edition,
  Media,
  Person,
  Section,
  Tag,
} from '../core/types.ts';
import type { Page, PublishedQuery, Repositories } from '../db/repositories/contract.ts';
import { SHOWN as RELATED_SHOWN } from '../search/related/decide.ts';
import type { Services } from './context.ts';
import { loadSiteSettings, type SiteSettings } from './settings.ts';

/** Everything needed to present a list of article cards without further queries. */
export interface CardBundle {
  articles: ArticleSummary[];
  sections: Map<number, Section>;
  media: Map<number, Media>;
  people: Map<number, Person>;
  commentCounts: Map<number, number>;
}

export const PER_PAGE = 12;

type Repos = Pick<Repositories, 'articles' | 'sections' | 'media' | 'people' | 'comments' | 'tags'>;
/** What the reader's queries need of the services. */
export type ReaderServices = Pick<Services, 'repos'>;

/** What every reader page frame shows: the settings, the sections and the site's logo. */
export interface ReaderFrame {
  settings: SiteSettings;
  sections: Section[];
  logo: Media | null;
}

export async function loadReaderFrame(services: ReaderServices): Promise<ReaderFrame> {
  const { repos } = services;
  const [settings, sections] = await Promise.all([loadSiteSettings(repos), repos.sections.list()]);
  const logo = settings.logoMediaId === null ? null : await repos.media.byId(settings.logoMediaId);
  return { settings, sections, logo };
}

export async function bundleCards(
  repos: Repos,
  articles: ArticleSummary[],
  sections?: Section[],
): Promise<CardBundle> {
  const ids = articles.map((a) => a.id);
  const mediaIds = unique(articles.map((a) => a.featuredMediaId));
  const authorIds = unique(articles.flatMap((a) => a.authorIds));
  const [allSections, media, people, commentCounts] = await Promise.all([
    sections ? Promise.resolve(sections) : repos.sections.list(),
    repos.media.byIds(mediaIds),
    repos.people.byIds(authorIds),
    repos.comments.countsApproved(ids),
  ]);
  return {
    articles,
    sections: byId(allSections),
    media: byId(media),
    people: byId(people),
    commentCounts,
  };
}

export interface HomeData {
  breaking: ArticleSummary[];
  featured: ArticleSummary | null;
  latest: Page<ArticleSummary>;
  sectionBlocks: { section: Section; articles: ArticleSummary[] }[];
  cards: CardBundle;
  page: number;
}

export async function loadHome(
  services: ReaderServices,
  lang: Edition,
  page: number,
  knownSections?: Section[],
): Promise<HomeData> {
  const { repos } = services;
  const sections = knownSections ?? (await repos.sections.list());
  const [breaking, featuredPage] = await Promise.all([
    repos.articles.listPublishedSummaries({ lang, breaking: true, limit: 3, countTotal: false }),
    repos.articles.listPublishedSummaries({ lang, featured: true, limit: 1, countTotal: false }),
  ]);
  const featured = page === 1 ? (featuredPage.items[0] ?? null) : null;
  const latest = await repos.articles.listPublishedSummaries({
    lang,
    limit: PER_PAGE,
    offset: (page - 1) * PER_PAGE,
    excludeIds: featuredPage.items.map((a) => a.id),
  });
  if (page > 1 && latest.items.length === 0) throw new NotFound('No such page.');

  const shown = new Set([...latest.items, ...(featured ? [featured] : [])].map((a) => a.id));
  const topLevel = page === 1 ? sections.filter((s) => s.parentId === null) : [];
  const sectionBlocks = await Promise.all(
    topLevel.map(async (section) => {
      const ids = descendantIds(sections, section.id);
      const { items } = await repos.articles.listPublishedSummaries({
        lang,
        sectionIds: ids,
        limit: 4,
        excludeIds: [...shown],
        countTotal: false,
      });
      return { section, articles: items };
    }),
  );
  const all = [
    ...breaking.items,
    ...(featured ? [featured] : []),
    ...latest.items,
    ...sectionBlocks.flatMap((b) => b.articles),
  ];
  return {
    breaking: breaking.items,
    featured,
    latest,
    sectionBlocks: sectionBlocks.filter((b) => b.articles.length > 0),
    cards: await bundleCards(repos, dedupe(all), sections),
    page,
  };
}

export interface ArticleData {
  article: Article;
  section: Section | null;
  /** Root first, ending with the article's own section. */
  sectionTrail: Section[];
  authors: Person[];
  tags: Tag[];
  media: Map<number, Media>;
  related: CardBundle;
  comments: Comment[];
  translations: Article[];
  /** Corrections and updates, newest first. */
  corrections: Correction[];
}

/** A published article as readers may see it; anything else is "not found". */
export async function loadPublishedArticle(
  services: ReaderServices,
  id: number,
  now = new Date(),
): Promise<Article> {
  const { repos } = services;
  const article = await repos.articles.byId(id);
  if (article?.status !== 'published' || !article.publishedAt || article.publishedAt > now.toISOString()) {
    throw new NotFound('No published article with this id.');
  }
  return article;
}

/** `sections`: the list the page frame already read, so it is not read twice for one page. */
export async function loadArticlePage(
  services: ReaderServices,
  article: Article,
  knownSections?: Section[],
): Promise<ArticleData> {
  const { repos } = services;
  const sections = knownSections ?? (await repos.sections.list());
  const [people, tags, comments, relatedArticles, translations, corrections] = await Promise.all([
    repos.people.byIds(article.authorIds),
    repos.tags.byIds(article.tagIds),
    repos.comments.listForArticle(article.id, 'approved'),
    relatedFor(repos, article),
    article.translationGroup === null
      ? Promise.resolve([])
      : repos.articles.translations(article.translationGroup),
    repos.corrections.listForArticle(article.id),
  ]);
  const peopleById = byId(people);
  const authors = article.authorIds
    .map((id) => peopleById.get(id))
    .filter((p): p is Person => p !== undefined);
  const media = await repos.media.byIds(
    unique([article.featuredMediaId, ...authors.map((p) => p.avatarMediaId)]),
  );
  const sectionsById = byId(sections);
  return {
    article,
    section: article.sectionId === null ? null : (sectionsById.get(article.sectionId) ?? null),
    sectionTrail: trail(sectionsById, article.sectionId),
    authors,
    tags: article.tagIds.map((id) => tags.find((t) => t.id === id)).filter((t): t is Tag => t !== undefined),
    media: byId(media),
    related: await bundleCards(repos, relatedArticles, sections),
    comments,
    corrections,
    translations: translations.filter(
      (t) =>
        t.id !== article.id &&
        t.status === 'published' &&
        t.publishedAt !== null &&
        t.publishedAt <= new Date().toISOString(),
    ),
  };
}

/**
 * The article's stored related list (computed on publish, see search/related). When none is
 * stored, or none of it qualified, the latest articles of its section stand in, with one
 * version of each story and never a version of the article itself.
 */
async function relatedFor(repos: Repos, article: Article): Promise<ArticleSummary[]> {
  const stored = await repos.articles.storedRelated(article, RELATED_SHOWN);
  if (stored.length > 0 || article.sectionId === null) return stored;
  const { items: latest } = await repos.articles.listPublishedSummaries({
    lang: article.lang,
    sectionId: article.sectionId,
    excludeIds: [article.id],
    limit: RELATED_SHOWN * 2,
    countTotal: false,
  });
  const pairs = await repos.articles.nearDuplicatePairs([article.id, ...latest.map((a) => a.id)]);
  const duplicates = new Set(pairs.map(([a, b]) => `${a}:${b}`));
  const chosen: ArticleSummary[] = [];
  for (const candidate of latest) {
    if (chosen.length >= RELATED_SHOWN) break;
    if ([article, ...chosen].some((x) => duplicates.has(`${x.id}:${candidate.id}`))) continue;
    chosen.push(candidate);
  }
  return chosen;
}

export interface ListingData {
  articles: Page<ArticleSummary>;
  cards: CardBundle;
  page: number;
}

async function listing(
  repos: Repos,
  query: Omit<PublishedQuery, 'limit' | 'offset'>,
  page: number,
): Promise<ListingData> {
  const articles = await repos.articles.listPublishedSummaries({
    ...query,
    limit: PER_PAGE,
    offset: (page - 1) * PER_PAGE,
  });
  if (page > 1 && articles.items.length === 0) throw new NotFound('No such page.');
  return { articles, cards: await bundleCards(repos, articles.items), page };
}

export async function loadSectionPage(services: ReaderServices, slug: string, lang: Edition, page: number) {
  const { repos } = services;
  const section = await repos.sections.bySlug(slug);
  if (!section) throw new NotFound('No such section.');
  const sections = await repos.sections.list();
  const data = await listing(repos, { lang, sectionIds: descendantIds(sections, section.id) }, page);
  return {
    ...data,
    section,
    children: sections.filter((s) => s.parentId === section.id),
    sectionTrail: trail(byId(sections), section.id),
  };
}

export async function loadTagPage(services: ReaderServices, slug: string, lang: Edition, page: number) {
  const { repos } = services;
  const tag = await repos.tags.bySlug(slug);
  if (!tag) throw new NotFound('No such tag.');
  return { ...(await listing(repos, { lang, tagId: tag.id }, page)), tag };
}

export async function loadAuthorPage(services: ReaderServices, slug: string, lang: Edition, page: number) {
  const { repos } = services;
  const person = await repos.people.bySlug(slug);
  if (!person) throw new NotFound('No such author.');
  const data = await listing(repos, { lang, authorId: person.id }, page);
  // Staff who never wrote anything in any language have no public page.
  if (
    data.articles.total === 0 &&
    (await repos.articles.listPublishedSummaries({ authorId: person.id, limit: 1 })).total === 0
  ) {
    throw new NotFound('No such author.');
  }
  const avatar = person.avatarMediaId === null ? null : await repos.media.byId(person.avatarMediaId);
  return { ...data, person, avatar };
}

export function descendantIds(sections: Section[], rootId: number): number[] {
  const out = [rootId];
  for (let i = 0; i < out.length; i++) {
    for (const s of sections) if (s.parentId === out[i] && !out.includes(s.id)) out.push(s.id);
  }
  return out;
}

function trail(sections: Map<number, Section>, id: number | null): Section[] {
  const out: Section[] = [];
  let current = id === null ? undefined : sections.get(id);
  while (current && !out.includes(current)) {
    out.unshift(current);
    current = current.parentId === null ? undefined : sections.get(current.parentId);
  }
  return out;
}

function byId<T extends { id: number }>(items: T[]): Map<number, T> {
  return new Map(items.map((i) => [i.id, i]));
}

function unique(ids: (number | null)[]): number[] {
  return [...new Set(ids.filter((id): id is number => id !== null))];
}

function dedupe(articles: ArticleSummary[]): ArticleSummary[] {
  const seen = new Map<number, ArticleSummary>();
  for (const a of articles) seen.set(a.id, a);
  return [...seen.values()];
}
