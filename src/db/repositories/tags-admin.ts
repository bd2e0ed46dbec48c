// Looking after tags: renaming, merging two into one, deleting, and how many articles use each.
import type { Kysely } from 'kysely';
import { NotFound } from '../../core/errors.ts';
import type { Database } from '../schema.ts';
import type { TagsRepository } from './contract.ts';
import { atomically, guardWrite, toCount } from './support.ts';

export function tagAdminQueries(
  db: Kysely<Database>,
): Pick<TagsRepository, 'update' | 'merge' | 'delete' | 'usageCounts'> {
  return {
    async update(id, patch) {
      const row = await guardWrite(
        () =>
          db
            .updateTable('tags')
            .set({
              ...(patch.name !== undefined ? { name: patch.name } : {}),
              ...(patch.slug !== undefined ? { slug: patch.slug } : {}),
            })
            .where('id', '=', id)
            .returningAll()
            .executeTakeFirst(),
        () => `A tag with the slug "${patch.slug}" already exists.`,
      );
      if (!row) throw new NotFound(`No tag with id ${id}.`);
      return { id: row.id, slug: row.slug, name: row.name };
    },

    merge(fromId, intoId) {
      return atomically(db, async (trx) => {
        // Articles that already carry both keep one link; the others move to the kept tag.
        await trx
          .deleteFrom('article_tags')
          .where('tag_id', '=', fromId)
          .where('article_id', 'in', (eb) =>
            eb.selectFrom('article_tags').select('article_id').where('tag_id', '=', intoId),
          )
          .execute();
        await trx.updateTable('article_tags').set({ tag_id: intoId }).where('tag_id', '=', fromId).execute();
        const result = await trx.deleteFrom('tags').where('id', '=', fromId).executeTakeFirst();
        if (result.numDeletedRows === 0n) throw new NotFound(`No tag with id ${fromId}.`);
      });
    },

    async delete(id) {
      await db.deleteFrom('tags').where('id', '=', id).execute();
    },

    async usageCounts() {
      const rows = await db
        .selectFrom('article_tags')
        .select(['tag_id', (eb) => eb.fn.countAll<string | number>().as('n')])
        .groupBy('tag_id')
        .execute();
      return new Map(rows.map((r) => [r.tag_id, toCount(r.n)]));
    },
  };
}
