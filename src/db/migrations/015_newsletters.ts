// Newsletters: readers who asked for mail (double opt-in), the digest editions already composed,
// and one count of people who left. A subscriber row holds only what sending needs: the
// address, the language, the choices and the dates. Unsubscribing deletes the row.
import type { Kysely } from 'kysely';
import { type Dialect, idColumn } from './helpers.ts';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await idColumn(db.schema.createTable('newsletter_subscribers'), dialect)
    // Lower-cased: the same address typed twice is one subscriber.
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('lang', 'text', (c) => c.notNull())
    // Section ids, comma-separated; '' for every section.
    .addColumn('sections', 'text', (c) => c.notNull().defaultTo(''))
    // 'daily' | 'weekly' | 'none'
    .addColumn('digest', 'text', (c) => c.notNull())
    .addColumn('alerts', 'integer', (c) => c.notNull().defaultTo(0))
    // 'pending' (not confirmed yet) | 'confirmed' | 'bounced' | 'complained'
    .addColumn('status', 'text', (c) => c.notNull())
    // SHA-256 of the confirmation link's secret, and when the link stops working.
    .addColumn('confirm_hash', 'text')
    .addColumn('confirm_expires_at', 'text')
    // When the last confirmation mail was queued: at most one an hour per address.
    .addColumn('confirm_sent_at', 'text')
    // The secret of the unsubscribe links in every mail; it dies with the row.
    .addColumn('unsubscribe_token', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('newsletter_subscribers_send_idx')
    .on('newsletter_subscribers')
    .columns(['status', 'lang', 'id'])
    .execute();
  // One row per digest edition ('daily' | 'weekly', language, e.g. '2026-12-04'): the first
  // process to insert it fixes the period it covers; done_at is set once every mail is queued.
  await db.schema
    .createTable('newsletter_editions')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('edition', 'text', (c) => c.notNull())
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('until', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .addPrimaryKeyConstraint('newsletter_editions_pk', ['kind', 'lang', 'edition'])
    .execute();
  // What is kept of people who left: a number, nothing else.
  await db.schema
    .createTable('newsletter_counts')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}
