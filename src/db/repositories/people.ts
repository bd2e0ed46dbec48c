import type { Kysely } from 'kysely';
import { NotFound } from '../../core/errors.ts';
import type { Lang, Person, PersonLink, Role } from '../../core/types.ts';
import type { Database, PersonRow, PersonUpdate } from '../schema.ts';
import type { NewPerson, PeopleRepository } from './contract.ts';
import { guardWrite, inOrderOf, normalizeEmail, nowIso, toCount, unique } from './support.ts';
import { reusableQuery } from '../reusable-query.ts';

// Every reader page reads its bylines' people (see reusable-query.ts).
const peopleByIds = reusableQuery((db: Kysely<Database>, ids: number[]) =>
  db.selectFrom('people').selectAll().where('id', 'in', ids),
);

export function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    slug: row.slug,
    bio: row.bio,
    avatarMediaId: row.avatar_media_id,
    role: row.role as Role,
    locale: row.locale as Lang,
    links: JSON.parse(row.links) as PersonLink[],
    disabled: row.disabled !== 0,
    twoFactorEnabled: row.totp_enabled !== 0,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function conflictMessage(input: Partial<NewPerson>) {
  return (columns: string[]): string => {
    if (columns.includes('email')) return `A person with the e-mail "${input.email}" already exists.`;
    if (columns.includes('slug')) return `A person with the slug "${input.slug}" already exists.`;
    return 'This person conflicts with an existing one.';
  };
}

export function createPeopleRepository(db: Kysely<Database>): PeopleRepository {
  // The password hash and TOTP secret never leave through a Person; they have their own methods.
  const people = () => db.selectFrom('people').selectAll();

  return {
    async create(input) {
      const now = nowIso();
      const row = await guardWrite(
        () =>
          db
            .insertInto('people')
            .values({
              email: normalizeEmail(input.email),
              name: input.name,
              slug: input.slug,
              role: input.role,
              bio: input.bio ?? '',
              avatar_media_id: input.avatarMediaId ?? null,
              password_hash: input.passwordHash ?? null,
              totp_secret: null,
              locale: input.locale ?? 'ar',
              links: JSON.stringify(input.links ?? []),
              created_at: now,
              updated_at: now,
            })
            .returningAll()
            .executeTakeFirstOrThrow(),
        conflictMessage(input),
        'The avatar of this person does not exist.',
      );
      return toPerson(row);
    },

    async byId(id) {
      const row = await people().where('id', '=', id).executeTakeFirst();
      return row ? toPerson(row) : null;
    },

    async byIds(ids) {
      if (ids.length === 0) return [];
      const rows = await peopleByIds(db, unique(ids));
      return inOrderOf(ids, rows.map(toPerson));
    },

    async bySlug(slug) {
      const row = await people().where('slug', '=', slug).executeTakeFirst();
      return row ? toPerson(row) : null;
    },

    async byEmail(email) {
      const row = await people().where('email', '=', normalizeEmail(email)).executeTakeFirst();
      return row ? toPerson(row) : null;
    },

    async list() {
      const rows = await people().orderBy('name').orderBy('id').execute();
      return rows.map(toPerson);
    },

    async count() {
      const row = await db
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirst();
      return toCount(row?.n);
    },

    async update(id, patch) {
      const set: PersonUpdate = { updated_at: nowIso() };
      if (patch.email !== undefined) set.email = normalizeEmail(patch.email);
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.slug !== undefined) set.slug = patch.slug;
      if (patch.role !== undefined) set.role = patch.role;
      if (patch.bio !== undefined) set.bio = patch.bio;
      if (patch.avatarMediaId !== undefined) set.avatar_media_id = patch.avatarMediaId;
      if (patch.locale !== undefined) set.locale = patch.locale;
      if (patch.links !== undefined) set.links = JSON.stringify(patch.links);
      if (patch.disabled !== undefined) set.disabled = patch.disabled ? 1 : 0;
      const row = await guardWrite(
        () => db.updateTable('people').set(set).where('id', '=', id).returningAll().executeTakeFirst(),
        conflictMessage(patch),
        'The avatar of this person does not exist.',
      );
      if (!row) throw new NotFound(`No person with id ${id}.`);
      return toPerson(row);
    },

    async passwordHash(id) {
      const row = await db
        .selectFrom('people')
        .select('password_hash')
        .where('id', '=', id)
        .executeTakeFirst();
      return row?.password_hash ?? null;
    },

    async setPasswordHash(id, hash) {
      const result = await db
        .updateTable('people')
        .set({ password_hash: hash, updated_at: nowIso() })
        .where('id', '=', id)
        .executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw new NotFound(`No person with id ${id}.`);
    },
  };
}
