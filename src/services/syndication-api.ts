// What the content API reads: published articles filtered by language, section (with its
// subsections), tag, author and dates, a page at a time behind a keyset cursor; one published
// article by id or slug; the sections, tags and authors readers can see.
import { NotFound } from '../core/errors.ts';
import type { Correction } from '../core/corrections.ts';
import type { Article, Edition, IsoDate, Media, Person, Section, Tag } from '../core/types.ts';
import type { ArticleRef, PublishedQuery, Repositories } from '../db/repositories/contract.ts';
import type { Services } from './context.ts';
import { bundleCards, type CardBundle, descendantIds, loadPublishedArticle } from './reader.ts';

type Repos = Pick<Repositories, 'articles' | 'sections' | 'media' | 'people' | 'comments' | 'tags'>;

export interface ArticleListQuery {
  lang?: Edition;
  sectionSlug?: string;
  tagSlug?: string;
  authorSlug?: string;
  from?: IsoDate;
  /** Exclusive. */
  before?: IsoDate;
  limit: number;
  after?: { publishedAt: IsoDate; id: number };
}

export interface ArticleBundle {
  articles: Article[];
  cards: CardBundle;
  tags: Map<number, Tag>;
}

export interface ArticleList extends ArticleBundle {
  /** Whether more articles follow the last one. */
  hasMore: boolean;
}

async function filtersOf(repos: Repos, q: ArticleListQuery): Promise<Omit<PublishedQuery, 'limit'>> {
  const out: Omit<PublishedQuery, 'limit'> = {};
  if (q.lang) out.lang = q.lang;
  if (q.sectionSlug !== undefined) {
    const sections = await repos.sections.list();
    const section = sections.find((s) => s.slug === q.sectionSlug);
    if (!section) throw new NotFound(`No section with the slug "${q.sectionSlug}".`);
    out.sectionIds = descendantIds(sections, section.id);
  }
  if (q.tagSlug !== undefined) {
    const tag = await repos.tags.bySlug(q.tagSlug);
    if (!tag) throw new NotFound(`No tag with the slug "${q.tagSlug}".`);
    out.tagId = tag.id;
  }
  if (q.authorSlug !== undefined) {
    const person = await repos.people.bySlug(q.authorSlug);
    if (!person) throw new NotFound(`No author with the slug "${q.authorSlug}".`);
    out.authorId = person.id;
  }
  if (q.from) out.publishedFrom = q.from;
  if (q.before) out.publishedBefore = q.before;
  if (q.after) out.after = q.after;
  return out;
}

/** What presenting these articles needs: their sections, images, authors and tags. */
export async function loadArticleBundle(repos: Repos, articles: Article[]): Promise<ArticleBundle> {
  const [cards, tags] = await Promise.all([
    bundleCards(repos, articles),
    repos.tags.byIds([...new Set(articles.flatMap((a) => a.tagIds))]),
  ]);
  return { articles, cards, tags: new Map(tags.map((t) => [t.id, t])) };
}

export async function listArticles(
  services: Pick<Services, 'repos'>,
  q: ArticleListQuery,
): Promise<ArticleList> {
  const { repos } = services;
  const filters = await filtersOf(repos, q);
  // One more than asked tells whether there is a next page without counting.
  const { items } = await repos.articles.listPublished({ ...filters, limit: q.limit + 1, countTotal: false });
  const articles = items.slice(0, q.limit);
  return { ...(await loadArticleBundle(repos, articles)), hasMore: items.length > q.limit };
}

export interface ApiArticle extends ArticleBundle {
  article: Article;
  translations: ArticleRef[];
  corrections: Correction[];
}

export async function loadApiArticle(
  services: Pick<Services, 'repos'>,
  ref: { id: number } | { lang: Edition; slug: string },
): Promise<ApiArticle> {
  const { repos } = services;
  let article: Article;
  if ('id' in ref) {
    article = await loadPublishedArticle(services, ref.id);
  } else {
    const found = await repos.articles.bySlug(ref.lang, ref.slug);
    if (!found) throw new NotFound('No published article with this slug.');
    article = await loadPublishedArticle(services, found.id);
  }
  const [translations, corrections] = await Promise.all([
    publishedTranslations(repos, article),
    repos.corrections.listForArticle(article.id),
  ]);
  return { ...(await loadArticleBundle(repos, [article])), article, translations, corrections };
}

/** The published versions of an article in the other languages. */
export async function publishedTranslations(repos: Repos, article: Article): Promise<ArticleRef[]> {
  if (article.translationGroup === null) return [];
  return (await repos.articles.publishedInGroups([article.translationGroup])).filter(
    (t) => t.id !== article.id && t.lang !== article.lang,
  );
}

export function listSections(services: Pick<Services, 'repos'>): Promise<Section[]> {
  return services.repos.sections.list();
}

export function listTags(services: Pick<Services, 'repos'>): Promise<Tag[]> {
  return services.repos.tags.list();
}

/** People with at least one published article: staff who never published stay private. */
export async function listAuthors(
  services: Pick<Services, 'repos'>,
): Promise<{ people: Person[]; avatars: Map<number, Media> }> {
  const { repos } = services;
  const activity = await repos.articles.listingActivity();
  const ids = [...new Set(activity.authors.map((a) => a.id))];
  const people = (await repos.people.byIds(ids)).sort((a, b) => a.name.localeCompare(b.name));
  const avatars = await repos.media.byIds(
    people.map((p) => p.avatarMediaId).filter((id): id is number => id !== null),
  );
  return { people, avatars: new Map(avatars.map((m) => [m.id, m])) };
}
