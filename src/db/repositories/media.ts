import type { Kysely, Updateable } from 'kysely';
import { NotFound } from '../../core/errors.ts';
import type { Media, MediaVariant } from '../../core/types.ts';
import type { Database, MediaRow, MediaTable } from '../schema.ts';
import type { MediaRepository } from './contract.ts';
import { guardWrite, inOrderOf, nowIso, unique } from './support.ts';

export function toMedia(row: MediaRow): Media {
  return {
    id: row.id,
    path: row.path,
    mime: row.mime,
    size: row.size,
    width: row.width,
    height: row.height,
    alt: row.alt,
    caption: row.caption,
    credit: row.credit,
    variants: JSON.parse(row.variants) as MediaVariant[],
    createdAt: row.created_at,
  };
}

export function createMediaRepository(db: Kysely<Database>): MediaRepository {
  const media = () => db.selectFrom('media').selectAll();

  return {
    async create(input) {
      const row = await guardWrite(
        () =>
          db
            .insertInto('media')
            .values({
              path: input.path,
              mime: input.mime,
              size: input.size,
              width: input.width ?? null,
              height: input.height ?? null,
              alt: input.alt ?? '',
              caption: input.caption ?? '',
              credit: input.credit ?? '',
              variants: JSON.stringify(input.variants ?? []),
              created_at: nowIso(),
            })
            .returningAll()
            .executeTakeFirstOrThrow(),
        () => `Media at "${input.path}" conflicts with an existing file.`,
      );
      return toMedia(row);
    },

    async byId(id) {
      const row = await media().where('id', '=', id).executeTakeFirst();
      return row ? toMedia(row) : null;
    },

    async byIds(ids) {
      if (ids.length === 0) return [];
      const rows = await media().where('id', 'in', unique(ids)).execute();
      return inOrderOf(ids, rows.map(toMedia));
    },

    async update(id, patch) {
      const set: Updateable<MediaTable> = {};
      if (patch.path !== undefined) set.path = patch.path;
      if (patch.mime !== undefined) set.mime = patch.mime;
      if (patch.size !== undefined) set.size = patch.size;
      if (patch.width !== undefined) set.width = patch.width;
      if (patch.height !== undefined) set.height = patch.height;
      if (patch.alt !== undefined) set.alt = patch.alt;
      if (patch.caption !== undefined) set.caption = patch.caption;
      if (patch.credit !== undefined) set.credit = patch.credit;
      if (patch.variants !== undefined) set.variants = JSON.stringify(patch.variants);
      // An empty SET is a syntax error, so a patch with nothing in it is a read.
      const row =
        Object.keys(set).length === 0
          ? await media().where('id', '=', id).executeTakeFirst()
          : await db.updateTable('media').set(set).where('id', '=', id).returningAll().executeTakeFirst();
      if (!row) throw new NotFound(`No media with id ${id}.`);
      return toMedia(row);
    },
  };
}
