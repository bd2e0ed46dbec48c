// The WHERE clauses that decide what readers see, shared by lists and related articles.
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from '../schema.ts';
import type { PublishedQuery } from './contract.ts';
import { flag, unique } from './support.ts';

/** Visible to readers: published, and not dated in the future (a scheduled time not yet reached). */
export function isLive(eb: ExpressionBuilder<Database, 'articles'>, now: string): Expression<SqlBool> {
  return eb.and([eb('articles.status', '=', 'published'), eb('articles.published_at', '<=', now)]);
}

export function publishedFilter(q: PublishedQuery, now: string) {
  return (eb: ExpressionBuilder<Database, 'articles'>): Expression<SqlBool> => {
    const where: Expression<SqlBool>[] = [isLive(eb, now)];
    if (q.lang !== undefined) where.push(eb('articles.lang', '=', q.lang));
    if (q.sectionId !== undefined || q.sectionIds !== undefined) {
      // sectionId and sectionIds together name one set of allowed sections; an empty set allows none.
      const sections = unique([...(q.sectionId !== undefined ? [q.sectionId] : []), ...(q.sectionIds ?? [])]);
      where.push(sections.length > 0 ? eb('articles.section_id', 'in', sections) : sql<SqlBool>`1 = 0`);
    }
    if (q.tagId !== undefined) {
      const tagId = q.tagId;
      where.push(
        eb.exists(
          eb
            .selectFrom('article_tags')
            .select('article_tags.tag_id')
            .whereRef('article_tags.article_id', '=', 'articles.id')
            .where('article_tags.tag_id', '=', tagId),
        ),
      );
    }
    if (q.authorId !== undefined) {
      const authorId = q.authorId;
      where.push(
        eb.exists(
          eb
            .selectFrom('article_authors')
            .select('article_authors.person_id')
            .whereRef('article_authors.article_id', '=', 'articles.id')
            .where('article_authors.person_id', '=', authorId),
        ),
      );
    }
    if (q.featured !== undefined) where.push(eb('articles.is_featured', '=', flag(q.featured)));
    if (q.breaking !== undefined) where.push(eb('articles.is_breaking', '=', flag(q.breaking)));
    if (q.excludeIds !== undefined && q.excludeIds.length > 0) {
      where.push(eb('articles.id', 'not in', unique(q.excludeIds)));
    }
    if (q.publishedFrom !== undefined) where.push(eb('articles.published_at', '>=', q.publishedFrom));
    if (q.publishedBefore !== undefined) where.push(eb('articles.published_at', '<', q.publishedBefore));
    if (q.after !== undefined) {
      const { publishedAt, id } = q.after;
      where.push(
        eb.or([
          eb('articles.published_at', '<', publishedAt),
          eb.and([eb('articles.published_at', '=', publishedAt), eb('articles.id', '<', id)]),
        ]),
      );
    }
    return eb.and(where);
  };
}
