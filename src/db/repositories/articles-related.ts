// What the article page reads of the stored related lists (written by search/related when
// articles are published): the list itself in one indexed query, and the near-duplicate pairs
// the fallback needs to keep one version of a story.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { isLive } from './article-filters.ts';
import { hydrateSummaries, SUMMARY_COLUMNS } from './article-rows.ts';
import type { ArticlesRepository } from './contract.ts';
import { nowIso, unique } from './support.ts';

type RelatedQueries = Pick<ArticlesRepository, 'storedRelated' | 'nearDuplicatePairs'>;

export function relatedQueries(db: Kysely<Database>): RelatedQueries {
  return {
    async storedRelated(article, limit) {
      if (limit <= 0) return [];
      // CROSS JOIN keeps the short stored list as the outer loop on SQLite, which would
      // otherwise start from every published article; PostgreSQL plans it as a plain join.
      const rows = await db
        .selectFrom('related_articles')
        .crossJoin('articles')
        .whereRef('articles.id', '=', 'related_articles.related_id')
        .select(SUMMARY_COLUMNS)
        .where('related_articles.article_id', '=', article.id)
        .where((eb) => isLive(eb, nowIso()))
        .where('articles.lang', '=', article.lang)
        .where('articles.id', '!=', article.id)
        .orderBy('related_articles.position')
        .limit(limit)
        .execute();
      return hydrateSummaries(db, rows);
    },

    async nearDuplicatePairs(ids) {
      const list = unique(ids);
      if (list.length < 2) return [];
      const rows = await db
        .selectFrom('related_duplicates')
        .select(['article_id', 'duplicate_id'])
        .where('article_id', 'in', list)
        .where('duplicate_id', 'in', list)
        .orderBy('article_id')
        .orderBy('duplicate_id')
        .execute();
      // Stored once per pair (smaller id first), given in both directions.
      return rows.flatMap((r): [number, number][] => [
        [r.article_id, r.duplicate_id],
        [r.duplicate_id, r.article_id],
      ]);
    },
  };
}
