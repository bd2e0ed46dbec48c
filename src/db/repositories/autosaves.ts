// Autosaves of published articles: one row per article and person, replaced on each autosave.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { Autosave, AutosavesRepository } from './editorial-contract.ts';
import { nowIso } from './support.ts';

type AutosaveRow = Database['autosaves'];

const toAutosave = (r: AutosaveRow): Autosave => ({
  articleId: r.article_id,
  personId: r.person_id,
  baseVersion: r.base_version,
  form: JSON.parse(r.form) as Record<string, unknown>,
  savedAt: r.saved_at,
});

export function createAutosavesRepository(db: Kysely<Database>): AutosavesRepository {
  return {
    async put(input) {
      const row: AutosaveRow = {
        article_id: input.articleId,
        person_id: input.personId,
        base_version: input.baseVersion,
        form: JSON.stringify(input.form),
        saved_at: input.savedAt ?? nowIso(),
      };
      await db
        .insertInto('autosaves')
        .values(row)
        .onConflict((oc) =>
          oc.columns(['article_id', 'person_id']).doUpdateSet({
            base_version: row.base_version,
            form: row.form,
            saved_at: row.saved_at,
          }),
        )
        .execute();
      return toAutosave(row);
    },
    async find(articleId, personId) {
      const row = await db
        .selectFrom('autosaves')
        .selectAll()
        .where('article_id', '=', articleId)
        .where('person_id', '=', personId)
        .executeTakeFirst();
      return row ? toAutosave(row) : null;
    },
    async listForArticle(articleId) {
      const rows = await db
        .selectFrom('autosaves')
        .select(['article_id', 'person_id', 'base_version', 'saved_at'])
        .where('article_id', '=', articleId)
        .orderBy('saved_at')
        .orderBy('person_id')
        .execute();
      return rows.map((r) => ({
        articleId: r.article_id,
        personId: r.person_id,
        baseVersion: r.base_version,
        savedAt: r.saved_at,
      }));
    },
    async discard(articleId, personId) {
      const result = await db
        .deleteFrom('autosaves')
        .where('article_id', '=', articleId)
        .where('person_id', '=', personId)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
