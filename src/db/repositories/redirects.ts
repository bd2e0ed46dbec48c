import type { Kysely } from 'kysely';
import type { Redirect } from '../../core/types.ts';
import type { Database, RedirectRow } from '../schema.ts';
import type { RedirectsRepository } from './contract.ts';
import { guardWrite, nowIso } from './support.ts';

export function toRedirect(row: RedirectRow): Redirect {
  return {
    id: row.id,
    fromPath: row.from_path,
    toPath: row.to_path,
    statusCode: row.status_code as Redirect['statusCode'],
    createdAt: row.created_at,
  };
}

export function createRedirectsRepository(db: Kysely<Database>): RedirectsRepository {
  const redirects = () => db.selectFrom('redirects').selectAll();

  return {
    async create(input) {
      const row = await guardWrite(
        () =>
          db
            .insertInto('redirects')
            .values({
              from_path: input.fromPath,
              to_path: input.toPath,
              status_code: input.statusCode ?? 301,
              created_at: nowIso(),
            })
            .returningAll()
            .executeTakeFirstOrThrow(),
        () => `A redirect from "${input.fromPath}" already exists.`,
      );
      return toRedirect(row);
    },

    async byFromPath(fromPath) {
      const row = await redirects().where('from_path', '=', fromPath).executeTakeFirst();
      return row ? toRedirect(row) : null;
    },

    async list() {
      const rows = await redirects().orderBy('from_path').orderBy('id').execute();
      return rows.map(toRedirect);
    },

    /** Idempotent: deleting what is already gone is not an error (a repeated click, two editors). */
    async delete(id) {
      await db.deleteFrom('redirects').where('id', '=', id).execute();
    },
  };
}
