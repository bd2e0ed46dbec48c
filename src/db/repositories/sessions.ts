import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { Session, SessionStage, SessionsRepository } from './auth-contract.ts';

export function createSessionsRepository(db: Kysely<Database>): SessionsRepository {
  return {
    async create(s) {
      await db
        .insertInto('sessions')
        .values({
          id_hash: s.idHash,
          person_id: s.personId,
          stage: s.stage,
          csrf_token: s.csrfToken,
          created_at: s.createdAt,
          last_seen_at: s.lastSeenAt,
          expires_at: s.expiresAt,
          ip_hash: s.ipHash,
          user_agent: s.userAgent,
        })
        .execute();
    },
    async byIdHash(idHash, now) {
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('id_hash', '=', idHash)
        .where('expires_at', '>', now)
        .executeTakeFirst();
      if (!row) return null;
      const session: Session = {
        idHash: row.id_hash,
        personId: row.person_id,
        stage: row.stage as SessionStage,
        csrfToken: row.csrf_token,
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at,
        expiresAt: row.expires_at,
        ipHash: row.ip_hash,
        userAgent: row.user_agent,
      };
      return session;
    },
    async touch(idHash, lastSeenAt, expiresAt) {
      await db
        .updateTable('sessions')
        .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
        .where('id_hash', '=', idHash)
        .execute();
    },
    async delete(idHash) {
      await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    },
    async deleteForPerson(personId, exceptIdHash) {
      let q = db.deleteFrom('sessions').where('person_id', '=', personId);
      if (exceptIdHash) q = q.where('id_hash', '!=', exceptIdHash);
      const result = await q.executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async deleteExpired(now) {
      const result = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
