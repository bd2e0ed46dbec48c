// Translation links (translation → source), beside the articles' shared translation_group.
import type { Kysely, Selectable } from 'kysely';
import type { TranslationLink } from '../../core/translations.ts';
import type { IsoDate } from '../../core/types.ts';
import type { ArticleTranslationsTable, Database } from '../schema.ts';
import { toIso } from './support.ts';

export interface TranslationsRepository {
  /** Links a translation to its source, or moves an existing link (one source per translation). */
  link(input: {
    articleId: number;
    sourceId: number;
    reviewedAt: IsoDate;
    reviewedBy: number | null;
  }): Promise<void>;
  byArticle(articleId: number): Promise<TranslationLink | null>;
  /** Links whose translation or source is one of these articles. */
  touching(articleIds: readonly number[]): Promise<TranslationLink[]>;
  markReviewed(articleId: number, at: IsoDate, by: number | null): Promise<boolean>;
  /** Removes the article's own link and every link that names it as source. */
  unlinkAll(articleId: number): Promise<void>;
}

function toLink(row: Selectable<ArticleTranslationsTable>): TranslationLink {
  return {
    articleId: row.article_id,
    sourceId: row.source_id,
    reviewedAt: toIso(row.reviewed_at, 'reviewed_at'),
    reviewedBy: row.reviewed_by,
  };
}

export function createTranslationsRepository(db: Kysely<Database>): TranslationsRepository {
  return {
    async link({ articleId, sourceId, reviewedAt, reviewedBy }) {
      const values = {
        source_id: sourceId,
        reviewed_at: toIso(reviewedAt, 'reviewedAt'),
        reviewed_by: reviewedBy,
      };
      await db
        .insertInto('article_translations')
        .values({ article_id: articleId, ...values })
        .onConflict((oc) => oc.column('article_id').doUpdateSet(values))
        .execute();
    },

    async byArticle(articleId) {
      const row = await db
        .selectFrom('article_translations')
        .selectAll()
        .where('article_id', '=', articleId)
        .executeTakeFirst();
      return row ? toLink(row) : null;
    },

    async touching(articleIds) {
      if (articleIds.length === 0) return [];
      const rows = await db
        .selectFrom('article_translations')
        .selectAll()
        .where((eb) => eb.or([eb('article_id', 'in', articleIds), eb('source_id', 'in', articleIds)]))
        .orderBy('article_id')
        .execute();
      return rows.map(toLink);
    },

    async markReviewed(articleId, at, by) {
      const result = await db
        .updateTable('article_translations')
        .set({ reviewed_at: toIso(at, 'reviewedAt'), reviewed_by: by })
        .where('article_id', '=', articleId)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async unlinkAll(articleId) {
      await db
        .deleteFrom('article_translations')
        .where((eb) => eb.or([eb('article_id', '=', articleId), eb('source_id', '=', articleId)]))
        .execute();
    },
  };
}
