import type { Kysely, Updateable } from 'kysely';
import { NotFound } from '../../core/errors.ts';
import type { Section } from '../../core/types.ts';
import type { Database, SectionRow, SectionsTable } from '../schema.ts';
import type { SectionsRepository } from './contract.ts';
import { guardWrite } from './support.ts';
import { reusableQuery } from '../reusable-query.ts';

// Every reader page lists the sections in its navigation (see reusable-query.ts).
const allSections = reusableQuery((db: Kysely<Database>) =>
  db.selectFrom('sections').selectAll().orderBy('position').orderBy('id'),
);

export function toSection(row: SectionRow): Section {
  const otherNames = parseOtherNames(row.names_other);
  return {
    id: row.id,
    parentId: row.parent_id,
    slug: row.slug,
    names: { ar: row.name_ar, fr: row.name_fr, en: row.name_en },
    // Present only when the section has such names: most sites have no further edition.
    ...(Object.keys(otherNames).length > 0 ? { otherNames } : {}),
    position: row.position,
  };
}

/** The stored JSON as a map of non-empty names; anything else stored there reads as none. */
function parseOtherNames(json: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''),
    );
  } catch {
    return {};
  }
}

const slugConflict = (slug: string | undefined) => () => `A section with the slug "${slug}" already exists.`;

export function createSectionsRepository(db: Kysely<Database>): SectionsRepository {
  const sections = () => db.selectFrom('sections').selectAll();

  return {
    async create(input) {
      const row = await guardWrite(
        () =>
          db
            .insertInto('sections')
            .values({
              slug: input.slug,
              parent_id: input.parentId ?? null,
              name_ar: input.names.ar,
              name_fr: input.names.fr,
              name_en: input.names.en,
              names_other: JSON.stringify(input.otherNames ?? {}),
              position: input.position ?? 0,
            })
            .returningAll()
            .executeTakeFirstOrThrow(),
        slugConflict(input.slug),
        'The parent section does not exist.',
      );
      return toSection(row);
    },

    async byId(id) {
      const row = await sections().where('id', '=', id).executeTakeFirst();
      return row ? toSection(row) : null;
    },

    async bySlug(slug) {
      const row = await sections().where('slug', '=', slug).executeTakeFirst();
      return row ? toSection(row) : null;
    },

    async list() {
      const rows = await allSections(db);
      return rows.map(toSection);
    },

    async children(parentId) {
      const rows = await sections()
        .where('parent_id', '=', parentId)
        .orderBy('position')
        .orderBy('id')
        .execute();
      return rows.map(toSection);
    },

    async update(id, patch) {
      const set: Updateable<SectionsTable> = {};
      if (patch.slug !== undefined) set.slug = patch.slug;
      if (patch.parentId !== undefined) set.parent_id = patch.parentId;
      if (patch.position !== undefined) set.position = patch.position;
      if (patch.names !== undefined) {
        set.name_ar = patch.names.ar;
        set.name_fr = patch.names.fr;
        set.name_en = patch.names.en;
      }
      if (patch.otherNames !== undefined) set.names_other = JSON.stringify(patch.otherNames);
      // An empty SET is a syntax error, so a patch with nothing in it is a read.
      const row =
        Object.keys(set).length === 0
          ? await sections().where('id', '=', id).executeTakeFirst()
          : await guardWrite(
              () =>
                db.updateTable('sections').set(set).where('id', '=', id).returningAll().executeTakeFirst(),
              slugConflict(patch.slug),
              'The parent section does not exist.',
            );
      if (!row) throw new NotFound(`No section with id ${id}.`);
      return toSection(row);
    },

    /** Idempotent. Sub-sections and articles of the section are kept, detached (parent/section set to null). */
    async delete(id) {
      await db.deleteFrom('sections').where('id', '=', id).execute();
    },
  };
}
