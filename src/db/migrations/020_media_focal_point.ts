// The focal point of an image: where, as fractions of its width and height from the top-left
// corner (0..1), the picture must stay visible when a layout crops it (cards cut photos to
// 16:9). Null until someone chooses one; crops then keep the centre, as before.
import type { Kysely } from 'kysely';
import type { Dialect } from './helpers.ts';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('media').addColumn('focal_x', 'real').execute();
  await db.schema.alterTable('media').addColumn('focal_y', 'real').execute();
}
