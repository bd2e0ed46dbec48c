import type { Kysely } from 'kysely';
import type { Tag } from '../../core/types.ts';
import type { Database, TagRow } from '../schema.ts';
import type { TagsRepository } from './contract.ts';
import { guardWrite, inOrderOf, unique } from './support.ts';
import { tagAdminQueries } from './tags-admin.ts';
import { reusableQuery } from '../reusable-query.ts';

// Every article page reads its tags (see reusable-query.ts).
const tagsByIds = reusableQuery((db: Kysely<Database>, ids: number[]) =>
  db.selectFrom('tags').selectAll().where('id', 'in', ids),
);

export function toTag(row: TagRow): Tag {
  return { id: row.id, slug: row.slug, name: row.name };
}

export function createTagsRepository(db: Kysely<Database>): TagsRepository {
  const tags = () => db.selectFrom('tags').selectAll();

  return {
    ...tagAdminQueries(db),
    async create(input) {
      const row = await guardWrite(
        () =>
          db
            .insertInto('tags')
            .values({ slug: input.slug, name: input.name })
            .returningAll()
            .executeTakeFirstOrThrow(),
        () => `A tag with the slug "${input.slug}" already exists.`,
      );
      return toTag(row);
    },

    async byId(id) {
      const row = await tags().where('id', '=', id).executeTakeFirst();
      return row ? toTag(row) : null;
    },

    async byIds(ids) {
      if (ids.length === 0) return [];
      const rows = await tagsByIds(db, unique(ids));
      return inOrderOf(ids, rows.map(toTag));
    },

    async bySlug(slug) {
      const row = await tags().where('slug', '=', slug).executeTakeFirst();
      return row ? toTag(row) : null;
    },

    async list() {
      const rows = await tags().orderBy('name').orderBy('id').execute();
      return rows.map(toTag);
    },

    async forArticles(articleIds) {
      // Every asked-for article gets an entry, so callers need no "missing means none" check.
      const out = new Map<number, Tag[]>(articleIds.map((id) => [id, []]));
      if (articleIds.length === 0) return out;
      const rows = await db
        .selectFrom('article_tags')
        .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
        .select(['article_tags.article_id', 'tags.id', 'tags.slug', 'tags.name'])
        .where('article_tags.article_id', 'in', unique(articleIds))
        .orderBy('tags.name')
        .orderBy('tags.id')
        .execute();
      for (const row of rows) out.get(row.article_id)?.push(toTag(row));
      return out;
    },
  };
}
