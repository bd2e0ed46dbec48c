import type { Kysely, Selectable } from 'kysely';
import type { Database, InvitationsTable } from '../schema.ts';
import type { Invitation, InvitationsRepository } from './auth-contract.ts';

function toInvitation(row: Selectable<InvitationsTable>): Invitation {
  return {
    id: row.id,
    personId: row.person_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
  };
}

export function createInvitationsRepository(db: Kysely<Database>): InvitationsRepository {
  return {
    async create(input) {
      const row = await db
        .insertInto('invitations')
        .values({
          person_id: input.personId,
          token_hash: input.tokenHash,
          created_by: input.createdBy,
          created_at: input.createdAt,
          expires_at: input.expiresAt,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toInvitation(row);
    },
    async usable(tokenHash, now) {
      const row = await db
        .selectFrom('invitations')
        .selectAll()
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return row ? toInvitation(row) : null;
    },
    async markUsed(id, at) {
      const result = await db
        .updateTable('invitations')
        .set({ used_at: at })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async revokeForPerson(personId) {
      const result = await db
        .deleteFrom('invitations')
        .where('person_id', '=', personId)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async openFor(personIds, now) {
      const out = new Map<number, Invitation>();
      if (personIds.length === 0) return out;
      const rows = await db
        .selectFrom('invitations')
        .selectAll()
        .where('person_id', 'in', personIds)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .orderBy('created_at', 'asc')
        .execute();
      for (const row of rows) out.set(row.person_id, toInvitation(row));
      return out;
    },
  };
}
