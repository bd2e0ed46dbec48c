// The outbox: messages to the outside world (mail, Telegram posts) written as rows in the same
// transaction as the change that calls for them, and sent later by a dispatcher. A change that
// commits always leaves its messages behind; a change that rolls back leaves none.
import type { Kysely } from 'kysely';
import { type Dialect, idColumn } from './helpers.ts';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await idColumn(db.schema.createTable('outbox'), dialect)
    // 'mail' or 'telegram' (newsletters will queue 'mail' rows too).
    .addColumn('channel', 'text', (c) => c.notNull())
    // What makes two messages the same one, e.g. "telegram:@chan:article:12:published": a second
    // insert with the same key is dropped, so a message is never queued twice.
    .addColumn('dedup_key', 'text', (c) => c.notNull().unique())
    // A line for the newsroom's list (recipient and subject, channel and article title).
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('payload', 'text', (c) => c.notNull())
    // queued | sending | sent | failed
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    // When a queued message is due; while sending, when the sender's lease runs out.
    .addColumn('next_attempt_at', 'text')
    .addColumn('last_error', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  // The dispatcher's question: which messages are due?
  await db.schema.createIndex('outbox_due_idx').on('outbox').columns(['status', 'next_attempt_at']).execute();
}
