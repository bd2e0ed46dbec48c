// Personal API tokens: created, found by the hash of their secret, listed per person, marked
// used and revoked. Revoked tokens keep their row (the list and the audit log still name them).
import type { Kysely } from 'kysely';
import type { ApiToken } from '../../core/api-tokens.ts';
import type { IsoDate } from '../../core/types.ts';
import type { ApiTokensTable, Database } from '../schema.ts';

export interface NewApiToken {
  personId: number;
  name: string;
  tokenHash: string;
  hint: string;
  createdAt: IsoDate;
  expiresAt: IsoDate | null;
}

export interface ApiTokensRepository {
  create(input: NewApiToken): Promise<ApiToken>;
  byId(id: number): Promise<ApiToken | null>;
  /** The token with this secret's hash, revoked or expired alike: the caller decides. */
  byHash(tokenHash: string): Promise<ApiToken | null>;
  /** A person's tokens, newest first. */
  listForPerson(personId: number): Promise<ApiToken[]>;
  /** Records a use; only moves forward, so a late writer never sets an older time. */
  markUsed(id: number, at: IsoDate): Promise<void>;
  /** False when it was already revoked (two tabs, a repeated request). */
  revoke(id: number, at: IsoDate): Promise<boolean>;
}

type Row = Pick<
  ApiTokensTable,
  'person_id' | 'name' | 'hint' | 'created_at' | 'last_used_at' | 'expires_at' | 'revoked_at'
> & { id: number };

const COLUMNS = [
  'id',
  'person_id',
  'name',
  'hint',
  'created_at',
  'last_used_at',
  'expires_at',
  'revoked_at',
] as const;

const toToken = (r: Row): ApiToken => ({
  id: r.id,
  personId: r.person_id,
  name: r.name,
  hint: r.hint,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
});

export function createApiTokensRepository(db: Kysely<Database>): ApiTokensRepository {
  return {
    async create(input) {
      const row = await db
        .insertInto('api_tokens')
        .values({
          person_id: input.personId,
          name: input.name,
          token_hash: input.tokenHash,
          hint: input.hint,
          created_at: input.createdAt,
          expires_at: input.expiresAt,
        })
        .returning(COLUMNS)
        .executeTakeFirstOrThrow();
      return toToken(row);
    },
    async byId(id) {
      const row = await db.selectFrom('api_tokens').select(COLUMNS).where('id', '=', id).executeTakeFirst();
      return row ? toToken(row) : null;
    },
    async byHash(tokenHash) {
      const row = await db
        .selectFrom('api_tokens')
        .select(COLUMNS)
        .where('token_hash', '=', tokenHash)
        .executeTakeFirst();
      return row ? toToken(row) : null;
    },
    async listForPerson(personId) {
      const rows = await db
        .selectFrom('api_tokens')
        .select(COLUMNS)
        .where('person_id', '=', personId)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toToken);
    },
    async markUsed(id, at) {
      await db
        .updateTable('api_tokens')
        .set({ last_used_at: at })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', at)]))
        .execute();
    },
    async revoke(id, at) {
      const result = await db
        .updateTable('api_tokens')
        .set({ revoked_at: at })
        .where('id', '=', id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
