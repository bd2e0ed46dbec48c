// What the article page reads of the stored related lists (written by search/related when
// articles are published): the list itself in one indexed query, and the near-duplicate pairs
// the fallback needs to keep one version of a story.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { isLive } from './article-filters.ts';
import { hydrateSummaries, SUMMARY_COLUMNS } from './article-rows.ts';
import type { ArticlesRepository } from './contract.ts';
import { nowIso, unique } from './support.ts';
import { reusableQuery } from '../reusable-query.ts';

// Both run on every article page (see reusable-query.ts).
const storedList = reusableQuery(
  (db: Kysely<Database>, articleId: number, now: string, lang: string, limit: number) =>
    // CROSS JOIN keeps the short stored list as the outer loop on SQLite, which would
    // otherwise start from every published article; PostgreSQL plans it as a plain join.
    db
      .selectFrom('related_articles')
      .crossJoin('articles')
      .whereRef('articles.id', '=', 'related_articles.related_id')
      .select(SUMMARY_COLUMNS)
      .where('related_articles.article_id', '=', articleId)
      .where((eb) => isLive(eb, now))
      .where('articles.lang', '=', lang)
      .where('articles.id', '!=', articleId)
      .orderBy('related_articles.position')
      .limit(limit),
);

const duplicatePairs = reusableQuery((db: Kysely<Database>, ids: number[]) =>
  db
    .selectFrom('related_duplicates')
    .select(['article_id', 'duplicate_id'])
    .where('article_id', 'in', ids)
    .where('duplicate_id', 'in', ids)
    .orderBy('article_id')
    .orderBy('duplicate_id'),
);

type RelatedQueries = Pick<ArticlesRepository, 'storedRelated' | 'nearDuplicatePairs'>;

export function relatedQueries(db: Kysely<Database>): RelatedQueries {
  return {
    async storedRelated(article, limit) {
      if (limit <= 0) return [];
      const rows = await storedList(db, article.id, nowIso(), article.lang, limit);
      return hydrateSummaries(db, rows);
    },

    async nearDuplicatePairs(ids) {
      const list = unique(ids);
      if (list.length < 2) return [];
      const rows = await duplicatePairs(db, list);
      // Stored once per pair (smaller id first), given in both directions.
      return rows.flatMap((r): [number, number][] => [
        [r.article_id, r.duplicate_id],
        [r.duplicate_id, r.article_id],
      ]);
    },
  };
}
