// What feeds read: the latest published articles of the site, a section (with its
// descendants), a tag or an author in one language, with everything needed to present them
// (people, media, sections, tags) and the published translations of each article.
import { NotFound } from '../core/errors.ts';
import type { Correction } from '../core/corrections.ts';
import { liveForFeeds, type ReaderLive } from './live/queries.ts';
import type { Article, Edition, Person, Section, Tag } from '../core/types.ts';
import type { ArticleRef, PublishedQuery, Repositories } from '../db/repositories/contract.ts';
import type { Services } from './context.ts';
import { bundleCards, type CardBundle, descendantIds } from './reader.ts';

export const FEED_SIZE = 20;

export type FeedScope =
  | { kind: 'site' }
  /** The whole site in every language; `lang` then only names the feed's main language. */
  | { kind: 'all' }
  | { kind: 'section'; slug: string }
  | { kind: 'tag'; slug: string }
  | { kind: 'author'; slug: string };

export type FeedSubject =
  | { kind: 'site' }
  | { kind: 'all' }
  | { kind: 'section'; section: Section }
  | { kind: 'tag'; tag: Tag }
  | { kind: 'author'; person: Person };

export interface FeedData {
  lang: Edition;
  subject: FeedSubject;
  articles: Article[];
  cards: CardBundle;
  tags: Map<number, Tag>;
  /** Other published language versions of each article, by article id. */
  translations: Map<number, ArticleRef[]>;
  /** Corrections and updates of each article, newest first (absent when none). */
  corrections: Map<number, Correction[]>;
  /** Live coverage of each article that has any, with its newest entries. */
  live?: Map<number, ReaderLive>;
}

type Repos = Pick<Repositories, 'articles' | 'sections' | 'media' | 'people' | 'comments' | 'tags'>;

async function subjectOf(
  repos: Repos,
  scope: FeedScope,
  sections: Section[],
): Promise<{ subject: FeedSubject; query: Omit<PublishedQuery, 'limit'> }> {
  switch (scope.kind) {
    case 'site':
    case 'all':
      return { subject: scope, query: {} };
    case 'section': {
      const section = sections.find((s) => s.slug === scope.slug);
      if (!section) throw new NotFound('No such section.');
      return {
        subject: { kind: 'section', section },
        query: { sectionIds: descendantIds(sections, section.id) },
      };
    }
    case 'tag': {
      const tag = await repos.tags.bySlug(scope.slug);
      if (!tag) throw new NotFound('No such tag.');
      return { subject: { kind: 'tag', tag }, query: { tagId: tag.id } };
    }
    case 'author': {
      const person = await repos.people.bySlug(scope.slug);
      // Staff who never published anything have no public page, hence no feed.
      if (
        !person ||
        (await repos.articles.listPublishedRefs({ authorId: person.id, limit: 1 })).length === 0
      ) {
        throw new NotFound('No such author.');
      }
      return { subject: { kind: 'author', person }, query: { authorId: person.id } };
    }
  }
}

export async function loadFeed(
  services: Pick<Services, 'repos'>,
  scope: FeedScope,
  lang: Edition,
  limit = FEED_SIZE,
): Promise<FeedData> {
  const { repos } = services;
  const sections = await repos.sections.list();
  const { subject, query } = await subjectOf(repos, scope, sections);
  const { items: articles } = await repos.articles.listPublished({
    ...query,
    ...(scope.kind === 'all' ? {} : { lang }),
    limit,
    // Feeds show no page count.
    countTotal: false,
  });
  const groups = articles.map((a) => a.translationGroup).filter((g): g is number => g !== null);
  const [cards, tags, siblings, corrections, live] = await Promise.all([
    bundleCards(repos, articles, sections),
    repos.tags.byIds([...new Set(articles.flatMap((a) => a.tagIds))]),
    repos.articles.publishedInGroups(groups),
    repos.corrections.forArticles(articles.map((a) => a.id)),
    liveForFeeds(
      services,
      articles.map((a) => a.id),
    ),
  ]);
  return {
    lang,
    subject,
    articles,
    cards,
    tags: new Map(tags.map((t) => [t.id, t])),
    translations: translationsOf(articles, siblings),
    corrections,
    live,
  };
}

/** For each article, the other members of its translation group, one per language. */
export function translationsOf(
  articles: readonly Pick<Article, 'id' | 'lang' | 'translationGroup'>[],
  siblings: readonly ArticleRef[],
): Map<number, ArticleRef[]> {
  const out = new Map<number, ArticleRef[]>();
  for (const article of articles) {
    if (article.translationGroup === null) continue;
    const others = siblings.filter(
      (s) =>
        s.translationGroup === article.translationGroup && s.id !== article.id && s.lang !== article.lang,
    );
    // A group should hold one version per language; if it holds more, the newest one wins.
    const perLang = new Map<Edition, ArticleRef>();
    for (const s of others) {
      const seen = perLang.get(s.lang);
      if (!seen || s.publishedAt > seen.publishedAt) perLang.set(s.lang, s);
    }
    if (perLang.size > 0) out.set(article.id, [...perLang.values()]);
  }
  return out;
}
