import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { TwoFactorRepository } from './auth-contract.ts';
import { atomically } from './support.ts';

export function createTwoFactorRepository(db: Kysely<Database>): TwoFactorRepository {
  return {
    async state(personId) {
      const row = await db
        .selectFrom('people')
        .select(['totp_secret', 'totp_enabled', 'totp_last_step'])
        .where('id', '=', personId)
        .executeTakeFirst();
      return {
        secret: row?.totp_secret ?? null,
        enabled: (row?.totp_enabled ?? 0) !== 0,
        lastStep: row?.totp_last_step ?? null,
      };
    },
    async setPendingSecret(personId, secret) {
      await db
        .updateTable('people')
        .set({ totp_secret: secret, totp_enabled: 0, totp_last_step: null })
        .where('id', '=', personId)
        .execute();
    },
    enable(personId, hashes, step) {
      return atomically(db, async (trx) => {
        await trx
          .updateTable('people')
          .set({ totp_enabled: 1, totp_last_step: step })
          .where('id', '=', personId)
          .execute();
        await trx.deleteFrom('recovery_codes').where('person_id', '=', personId).execute();
        if (hashes.length > 0) {
          await trx
            .insertInto('recovery_codes')
            .values(hashes.map((code_hash) => ({ person_id: personId, code_hash, used_at: null })))
            .execute();
        }
      });
    },
    disable(personId) {
      return atomically(db, async (trx) => {
        await trx
          .updateTable('people')
          .set({ totp_secret: null, totp_enabled: 0, totp_last_step: null })
          .where('id', '=', personId)
          .execute();
        await trx.deleteFrom('recovery_codes').where('person_id', '=', personId).execute();
      });
    },
    async useStep(personId, step) {
      // One conditional update: two concurrent sign-ins with the same code cannot both win.
      const result = await db
        .updateTable('people')
        .set({ totp_last_step: step })
        .where('id', '=', personId)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async unusedRecoveryCodes(personId) {
      const rows = await db
        .selectFrom('recovery_codes')
        .select(['id', 'code_hash'])
        .where('person_id', '=', personId)
        .where('used_at', 'is', null)
        .execute();
      return rows.map((r) => ({ id: r.id, codeHash: r.code_hash }));
    },
    async markRecoveryCodeUsed(id, at) {
      const result = await db
        .updateTable('recovery_codes')
        .set({ used_at: at })
        .where('id', '=', id)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
