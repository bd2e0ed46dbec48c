// Personal API tokens for integrations (a mobile app, automation tools, a partner's CMS). Only
// the SHA-256 hash of each secret is stored; a token belongs to a person and goes with them.
// A revoked token keeps its row, so the list and the audit log can still name it.
import type { Kysely } from 'kysely';
import { type Dialect, idColumn } from './helpers.ts';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await idColumn(db.schema.createTable('api_tokens'), dialect)
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('hint', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('api_tokens_person').on('api_tokens').column('person_id').execute();
}
