import type { Kysely, SelectQueryBuilder } from 'kysely';
import { Conflict, NotFound } from '../../core/errors.ts';
import type { Article } from '../../core/types.ts';
import type { ArticleRow, Database } from '../schema.ts';
import { publishedFilter } from './article-filters.ts';
import { columnsOf, hydrate, hydrateSummaries, SUMMARY_COLUMNS, writeLinks } from './article-rows.ts';
import { newsroomQueries } from './articles-newsroom.ts';
import { relatedQueries } from './articles-related.ts';
import { syndicationQueries } from './articles-syndication.ts';
import type { ArticlesRepository, PublishedQuery } from './contract.ts';
import { atomically, guardWrite, inOrderOf, nowIso, toCount, toIso, unique } from './support.ts';
import { reusableQuery } from '../reusable-query.ts';

export { toArticle } from './article-rows.ts';

const slugConflict = (lang: string, slug: string) => () =>
  `An article with the slug "${slug}" already exists in ${lang}.`;

/** Newest first, then by id, one page of it. */
function inListOrder<Q extends SelectQueryBuilder<Database, 'articles', object>>(
  query: Q,
  q: PublishedQuery,
): Q {
  return query
    .orderBy('articles.published_at', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(q.limit)
    .offset(q.offset ?? 0) as Q;
}

// Every article page starts here (see reusable-query.ts).
const articleById = reusableQuery((db: Kysely<Database>, id: number) =>
  db.selectFrom('articles').selectAll().where('id', '=', id),
);

export function createArticlesRepository(db: Kysely<Database>): ArticlesRepository {
  const one = async (row: ArticleRow | undefined): Promise<Article | null> =>
    row ? ((await hydrate(db, [row]))[0] ?? null) : null;
  /** The number of matches, unless the query asks not to count (see PublishedQuery.countTotal). */
  const countOf = async (where: ReturnType<typeof publishedFilter>, q: PublishedQuery) => {
    if (q.countTotal === false) return null;
    const row = await db
      .selectFrom('articles')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where(where)
      .executeTakeFirst();
    return toCount(row?.n);
  };

  return {
    ...syndicationQueries(db),
    ...newsroomQueries(db),
    ...relatedQueries(db),

    create(input) {
      return atomically(db, async (trx) => {
        const now = nowIso();
        const row = await guardWrite(
          () =>
            trx
              .insertInto('articles')
              .values({
                ...columnsOf(input),
                lang: input.lang,
                status: input.status,
                title: input.title,
                slug: input.slug,
                created_at: input.createdAt !== undefined ? toIso(input.createdAt, 'createdAt') : now,
                updated_at: input.updatedAt !== undefined ? toIso(input.updatedAt, 'updatedAt') : now,
              })
              .returningAll()
              .executeTakeFirstOrThrow(),
          slugConflict(input.lang, input.slug),
          'The section or featured media of this article does not exist.',
        );
        await writeLinks(
          trx,
          row.id,
          { authorIds: input.authorIds ?? [], tagIds: input.tagIds ?? [] },
          false,
        );
        const [article] = await hydrate(trx, [row]);
        return article!;
      });
    },

    async byId(id) {
      return one((await articleById(db, id))[0]);
    },

    async byIds(ids) {
      if (ids.length === 0) return [];
      const rows = await db.selectFrom('articles').selectAll().where('id', 'in', unique(ids)).execute();
      return inOrderOf(ids, await hydrate(db, rows));
    },

    async bySlug(lang, slug) {
      return one(
        await db
          .selectFrom('articles')
          .selectAll()
          .where('lang', '=', lang)
          .where('slug', '=', slug)
          .executeTakeFirst(),
      );
    },

    update(id, patch, options = {}) {
      return atomically(db, async (trx) => {
        const current = await trx
          .selectFrom('articles')
          .select(['lang', 'slug', 'version'])
          .where('id', '=', id)
          .executeTakeFirst();
        if (!current) throw new NotFound(`No article with id ${id}.`);
        const expected = options.expectedVersion;
        if (expected !== undefined && current.version !== expected) {
          throw new Conflict(
            `Article ${id} was saved elsewhere (version ${current.version}, not ${expected}).`,
          );
        }
        const set = {
          ...columnsOf(patch),
          updated_at: patch.updatedAt !== undefined ? toIso(patch.updatedAt, 'updatedAt') : nowIso(),
        };
        const row = await guardWrite(
          () =>
            trx
              .updateTable('articles')
              .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
              .where('id', '=', id)
              // Checked again in the write itself, so two saves racing past the read cannot both land.
              .where('version', '=', current.version)
              .returningAll()
              .executeTakeFirst(),
          slugConflict(patch.lang ?? current.lang, patch.slug ?? current.slug),
          'The section or featured media of this article does not exist.',
        );
        if (!row) throw new Conflict(`Article ${id} was saved elsewhere at the same moment.`);
        await writeLinks(trx, id, patch, true);
        const [article] = await hydrate(trx, [row]);
        return article!;
      });
    },

    async setStatus(id, status) {
      // updatedAt is left alone: a status change (publishing on schedule, trashing) is not an edit readers see.
      const result = await db.updateTable('articles').set({ status }).where('id', '=', id).executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw new NotFound(`No article with id ${id}.`);
    },

    async listPublished(q) {
      const where = publishedFilter(q, nowIso());
      const [rows, total] = await Promise.all([
        inListOrder(db.selectFrom('articles').selectAll().where(where), q).execute(),
        countOf(where, q),
      ]);
      return { items: await hydrate(db, rows), total: total ?? rows.length };
    },

    async listPublishedSummaries(q) {
      const where = publishedFilter(q, nowIso());
      const [rows, total] = await Promise.all([
        inListOrder(db.selectFrom('articles').select(SUMMARY_COLUMNS).where(where), q).execute(),
        countOf(where, q),
      ]);
      return { items: await hydrateSummaries(db, rows), total: total ?? rows.length };
    },

    async translations(group) {
      const rows = await db
        .selectFrom('articles')
        .selectAll()
        .where('translation_group', '=', group)
        .orderBy('lang')
        .orderBy('id')
        .execute();
      return hydrate(db, rows);
    },

    async count(filter = {}) {
      let query = db.selectFrom('articles').select((eb) => eb.fn.countAll<string | number>().as('n'));
      if (filter.status !== undefined) query = query.where('status', '=', filter.status);
      if (filter.lang !== undefined) query = query.where('lang', '=', filter.lang);
      return toCount((await query.executeTakeFirst())?.n);
    },
  };
}
