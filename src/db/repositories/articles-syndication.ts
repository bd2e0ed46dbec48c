// Article queries for feeds, sitemaps and the content API: light rows (no bodies, authors or
// tags), months with publications, and the latest change behind each listing page.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { isLive, publishedFilter } from './article-filters.ts';
import type { ArticleRef, ArticlesRepository, ListingActivity } from './contract.ts';
import { nowIso, toCount, unique } from './support.ts';

type SyndicationQueries = Pick<
  ArticlesRepository,
  'listPublishedRefs' | 'publishedInGroups' | 'publishedMonths' | 'listingActivity'
>;

const REF_COLUMNS = [
  'articles.id',
  'articles.lang',
  'articles.slug',
  'articles.title',
  'articles.translation_group',
  'articles.featured_media_id',
  'articles.published_at',
  'articles.updated_at',
] as const;

interface RefRow {
  id: number;
  lang: string;
  slug: string;
  title: string;
  translation_group: number | null;
  featured_media_id: number | null;
  published_at: string | null;
  updated_at: string;
}

function toRef(row: RefRow): ArticleRef {
  const publishedAt = row.published_at ?? row.updated_at;
  return {
    id: row.id,
    lang: row.lang,
    slug: row.slug,
    title: row.title,
    translationGroup: row.translation_group,
    featuredMediaId: row.featured_media_id,
    publishedAt,
    // Publishing on schedule does not touch updated_at, so the later of the two is the last change.
    updatedAt: [row.updated_at, publishedAt].sort()[1]!,
  };
}

// The later of updated_at and published_at, in SQL both engines understand.
const lastChange = sql<string>`max(case when articles.updated_at > articles.published_at then articles.updated_at else articles.published_at end)`;

export function syndicationQueries(db: Kysely<Database>): SyndicationQueries {
  return {
    async listPublishedRefs(q) {
      const rows = await db
        .selectFrom('articles')
        .select(REF_COLUMNS)
        .where(publishedFilter(q, nowIso()))
        .orderBy('articles.published_at', 'desc')
        .orderBy('articles.id', 'desc')
        .limit(q.limit)
        .offset(q.offset ?? 0)
        .execute();
      return rows.map(toRef);
    },

    async publishedInGroups(groups) {
      if (groups.length === 0) return [];
      const rows = await db
        .selectFrom('articles')
        .select(REF_COLUMNS)
        .where((eb) => isLive(eb, nowIso()))
        .where('articles.translation_group', 'in', unique(groups))
        .orderBy('articles.lang')
        .orderBy('articles.id')
        .execute();
      return rows.map(toRef);
    },

    async publishedMonths() {
      const month = sql<string>`substr(articles.published_at, 1, 7)`;
      const rows = await db
        .selectFrom('articles')
        .select([
          month.as('month'),
          (eb) => eb.fn.countAll<string | number>().as('n'),
          lastChange.as('last_modified'),
        ])
        .where((eb) => isLive(eb, nowIso()))
        .groupBy(month)
        .orderBy(month, 'desc')
        .execute();
      return rows.map((r) => ({ month: r.month, count: toCount(r.n), lastModified: r.last_modified }));
    },

    async listingActivity() {
      const now = nowIso();
      const toActivity = (rows: { id: number | null; lang: string; last_modified: string }[]) =>
        rows
          .filter((r): r is typeof r & { id: number } => r.id !== null)
          .map((r): ListingActivity => ({ id: r.id, lang: r.lang, lastModified: r.last_modified }));
      const [sections, tags, authors] = await Promise.all([
        db
          .selectFrom('articles')
          .select(['articles.section_id as id', 'articles.lang', lastChange.as('last_modified')])
          .where((eb) => isLive(eb, now))
          .where('articles.section_id', 'is not', null)
          .groupBy(['articles.section_id', 'articles.lang'])
          .execute(),
        db
          .selectFrom('articles')
          .innerJoin('article_tags', 'article_tags.article_id', 'articles.id')
          .select(['article_tags.tag_id as id', 'articles.lang', lastChange.as('last_modified')])
          .where((eb) => isLive(eb, now))
          .groupBy(['article_tags.tag_id', 'articles.lang'])
          .execute(),
        db
          .selectFrom('articles')
          .innerJoin('article_authors', 'article_authors.article_id', 'articles.id')
          .select(['article_authors.person_id as id', 'articles.lang', lastChange.as('last_modified')])
          .where((eb) => isLive(eb, now))
          .groupBy(['article_authors.person_id', 'articles.lang'])
          .execute(),
      ]);
      return { sections: toActivity(sections), tags: toActivity(tags), authors: toActivity(authors) };
    },
  };
}
