import type { Kysely, Selectable } from 'kysely';
import {
  OUTBOX_CHANNELS,
  OUTBOX_STATUSES,
  type OutboxChannel,
  type OutboxMessage,
  type OutboxStatus,
} from '../../core/outbox.ts';
import type { Database, OutboxTable } from '../schema.ts';
import type { OutboxRepository } from './outbox-contract.ts';
import { nowIso, toCount } from './support.ts';

function parsePayload(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

function toMessage(row: Selectable<OutboxTable>): OutboxMessage {
  return {
    id: row.id,
    channel: (OUTBOX_CHANNELS as readonly string[]).includes(row.channel)
      ? (row.channel as OutboxChannel)
      : 'mail',
    dedupKey: row.dedup_key,
    summary: row.summary,
    payload: parsePayload(row.payload),
    status: (OUTBOX_STATUSES as readonly string[]).includes(row.status)
      ? (row.status as OutboxStatus)
      : 'failed',
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    sentAt: row.sent_at,
  };
}

export function createOutboxRepository(db: Kysely<Database>): OutboxRepository {
  const messages = () => db.selectFrom('outbox').selectAll();
  return {
    async enqueue(m, now = nowIso()) {
      // ON CONFLICT DO NOTHING rather than a lookup first: two transactions queueing the same
      // key at once cannot both insert, and neither fails.
      const row = await db
        .insertInto('outbox')
        .values({
          channel: m.channel,
          dedup_key: m.dedupKey,
          summary: m.summary,
          payload: JSON.stringify(m.payload),
          status: 'queued',
          attempts: 0,
          next_attempt_at: m.dueAt ?? now,
          last_error: '',
          created_at: now,
          updated_at: now,
          sent_at: null,
        })
        .onConflict((oc) => oc.column('dedup_key').doNothing())
        .returningAll()
        .executeTakeFirst();
      return row ? toMessage(row) : null;
    },

    async enqueueMany(list, now = nowIso()) {
      if (list.length === 0) return 0;
      const rows = await db
        .insertInto('outbox')
        .values(
          list.map((m) => ({
            channel: m.channel,
            dedup_key: m.dedupKey,
            summary: m.summary,
            payload: JSON.stringify(m.payload),
            status: 'queued',
            attempts: 0,
            next_attempt_at: m.dueAt ?? now,
            last_error: '',
            created_at: now,
            updated_at: now,
            sent_at: null,
          })),
        )
        .onConflict((oc) => oc.column('dedup_key').doNothing())
        .returning('id')
        .execute();
      return rows.length;
    },

    async byId(id) {
      const row = await messages().where('id', '=', id).executeTakeFirst();
      return row ? toMessage(row) : null;
    },

    async byDedupKey(key) {
      const row = await messages().where('dedup_key', '=', key).executeTakeFirst();
      return row ? toMessage(row) : null;
    },

    async list({ status, limit, offset = 0 }) {
      let q = messages();
      if (status) q = q.where('status', '=', status);
      const rows = await q.orderBy('id', 'desc').limit(limit).offset(offset).execute();
      return rows.map(toMessage);
    },

    async counts() {
      const rows = await db
        .selectFrom('outbox')
        .select((eb) => ['status', eb.fn.countAll().as('n')])
        .groupBy('status')
        .execute();
      const out = { queued: 0, sending: 0, sent: 0, failed: 0 };
      for (const r of rows) {
        if ((OUTBOX_STATUSES as readonly string[]).includes(r.status)) {
          out[r.status as OutboxStatus] = toCount(r.n as string | number);
        }
      }
      return out;
    },

    async due(now, limit) {
      const rows = await messages()
        .where('status', 'in', ['queued', 'sending'])
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toMessage);
    },

    async claim(seen, leaseUntil, now = nowIso()) {
      if (seen.nextAttemptAt === null || (seen.status !== 'queued' && seen.status !== 'sending')) return null;
      const row = await db
        .updateTable('outbox')
        .set((eb) => ({
          status: 'sending',
          attempts: eb('attempts', '+', 1),
          next_attempt_at: leaseUntil,
          updated_at: now,
        }))
        .where('id', '=', seen.id)
        .where('status', '=', seen.status)
        .where('attempts', '=', seen.attempts)
        .where('next_attempt_at', '=', seen.nextAttemptAt)
        .returningAll()
        .executeTakeFirst();
      return row ? toMessage(row) : null;
    },

    async record(claimed, outcome, now = nowIso()) {
      const result = await db
        .updateTable('outbox')
        .set({
          status: outcome.status,
          next_attempt_at: outcome.status === 'queued' ? outcome.nextAttemptAt : null,
          last_error: outcome.error,
          updated_at: now,
          ...(outcome.status === 'sent' ? { sent_at: now } : {}),
          ...(outcome.payload ? { payload: JSON.stringify(outcome.payload) } : {}),
        })
        .where('id', '=', claimed.id)
        .where('status', '=', 'sending')
        .where('attempts', '=', claimed.attempts)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async retryNow(id, now = nowIso()) {
      const result = await db
        .updateTable('outbox')
        .set({ status: 'queued', next_attempt_at: now, updated_at: now })
        .where('id', '=', id)
        .where('status', 'in', ['failed', 'queued'])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
  };
}
