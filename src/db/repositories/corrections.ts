// Corrections and updates of articles, and the public list of recent corrections (only those
// of articles readers can see).
import type { Kysely, Selectable } from 'kysely';
import { CORRECTION_KINDS, type Correction, type CorrectionKind } from '../../core/corrections.ts';
import type { Edition, IsoDate } from '../../core/types.ts';
import type { ArticleCorrectionsTable, Database } from '../schema.ts';
import { nowIso, toCount, toIso } from './support.ts';
import { reusableQuery } from '../reusable-query.ts';

export interface NewCorrection {
  articleId: number;
  kind: CorrectionKind;
  body: string;
  personId: number | null;
  createdAt?: IsoDate;
}

export interface RecentCorrection extends Correction {
  article: { id: number; lang: Edition; slug: string; title: string };
}

export interface CorrectionsRepository {
  create(input: NewCorrection): Promise<Correction>;
  byId(id: number): Promise<Correction | null>;
  update(id: number, patch: { kind: CorrectionKind; body: string }): Promise<Correction | null>;
  delete(id: number): Promise<boolean>;
  /** Newest first. */
  listForArticle(articleId: number): Promise<Correction[]>;
  /** Newest first, by article id (articles without any are absent). */
  forArticles(articleIds: readonly number[]): Promise<Map<number, Correction[]>>;
  /** The same note on the same article since a moment (a form sent twice). */
  findSame(input: {
    articleId: number;
    kind: CorrectionKind;
    body: string;
    since: IsoDate;
  }): Promise<Correction | null>;
  /**
   * Corrections (not updates) of published articles in one language, newest first: the public
   * corrections page.
   */
  listRecent(query: {
    lang: Edition;
    limit: number;
    offset?: number;
  }): Promise<{ items: RecentCorrection[]; total: number }>;
  /**
   * Moves the article's updated_at: a correction is a change readers see. The version is left
   * alone so a writer's open form is not made stale by a note that did not touch its text.
   */
  markArticleUpdated(articleId: number, at: IsoDate): Promise<void>;
}

function toCorrection(row: Selectable<ArticleCorrectionsTable>): Correction {
  return {
    id: row.id,
    articleId: row.article_id,
    kind: (CORRECTION_KINDS as readonly string[]).includes(row.kind)
      ? (row.kind as CorrectionKind)
      : 'update',
    body: row.body,
    personId: row.person_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

// Every article page reads its corrections (see reusable-query.ts).
const correctionsOf = reusableQuery((db: Kysely<Database>, articleId: number) =>
  db
    .selectFrom('article_corrections')
    .selectAll()
    .where('article_id', '=', articleId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc'),
);

export function createCorrectionsRepository(db: Kysely<Database>): CorrectionsRepository {
  const rows = () => db.selectFrom('article_corrections').selectAll();
  return {
    async create(input) {
      const at = input.createdAt ? toIso(input.createdAt, 'createdAt') : nowIso();
      const row = await db
        .insertInto('article_corrections')
        .values({
          article_id: input.articleId,
          kind: input.kind,
          body: input.body,
          person_id: input.personId,
          created_at: at,
          updated_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toCorrection(row);
    },

    async byId(id) {
      const row = await rows().where('id', '=', id).executeTakeFirst();
      return row ? toCorrection(row) : null;
    },

    async update(id, patch) {
      const row = await db
        .updateTable('article_corrections')
        .set({ kind: patch.kind, body: patch.body, updated_at: nowIso() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row ? toCorrection(row) : null;
    },

    async delete(id) {
      const result = await db.deleteFrom('article_corrections').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async listForArticle(articleId) {
      const found = await correctionsOf(db, articleId);
      return found.map(toCorrection);
    },

    async forArticles(articleIds) {
      const out = new Map<number, Correction[]>();
      if (articleIds.length === 0) return out;
      const found = await rows()
        .where('article_id', 'in', [...new Set(articleIds)])
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      for (const row of found) {
        const list = out.get(row.article_id) ?? [];
        list.push(toCorrection(row));
        out.set(row.article_id, list);
      }
      return out;
    },

    async findSame(input) {
      const row = await rows()
        .where('article_id', '=', input.articleId)
        .where('kind', '=', input.kind)
        .where('body', '=', input.body)
        .where('created_at', '>=', toIso(input.since, 'since'))
        .orderBy('id', 'desc')
        .executeTakeFirst();
      return row ? toCorrection(row) : null;
    },

    async listRecent(query) {
      const now = nowIso();
      const base = db
        .selectFrom('article_corrections as c')
        .innerJoin('articles as a', 'a.id', 'c.article_id')
        .where('c.kind', '=', 'correction')
        .where('a.lang', '=', query.lang)
        .where('a.status', '=', 'published')
        .where('a.published_at', '<=', now);
      const [found, count] = await Promise.all([
        base
          .selectAll('c')
          .select(['a.lang as a_lang', 'a.slug as a_slug', 'a.title as a_title'])
          .orderBy('c.created_at', 'desc')
          .orderBy('c.id', 'desc')
          .limit(query.limit)
          .offset(query.offset ?? 0)
          .execute(),
        base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst(),
      ]);
      return {
        items: found.map((row) => ({
          ...toCorrection(row),
          article: { id: row.article_id, lang: row.a_lang, slug: row.a_slug, title: row.a_title },
        })),
        total: toCount(count?.n as string | number | undefined),
      };
    },

    async markArticleUpdated(articleId, at) {
      await db
        .updateTable('articles')
        .set({ updated_at: toIso(at, 'updatedAt') })
        .where('id', '=', articleId)
        .execute();
    },
  };
}
