import type { Kysely, Selectable } from 'kysely';
import { NotFound } from '../../core/errors.ts';
import {
  DELIVERY_STATUSES,
  type DeliveryEvent,
  type DeliveryStatus,
  type Webhook,
  type WebhookDelivery,
  type WebhookEvent,
  webhookEvents,
} from '../../core/webhooks.ts';
import type { Database, WebhookDeliveriesTable, WebhooksTable } from '../schema.ts';
import { flag, isSet, nowIso } from './support.ts';
import type { WebhookDeliveriesRepository, WebhooksRepository } from './webhooks-contract.ts';

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function toWebhook(row: Selectable<WebhooksTable>): Webhook {
  const events = parseJson(row.events);
  return {
    id: row.id,
    url: row.url,
    secret: row.secret,
    events: Array.isArray(events) ? webhookEvents(events.filter((e) => typeof e === 'string')) : [],
    active: isSet(row.active),
    description: row.description,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toDelivery(row: Selectable<WebhookDeliveriesTable>): WebhookDelivery {
  const payload = parseJson(row.payload);
  return {
    id: row.id,
    webhookId: row.webhook_id,
    event: row.event as DeliveryEvent,
    payload:
      payload && typeof payload === 'object' && !Array.isArray(payload)
        ? (payload as Record<string, unknown>)
        : {},
    status: (DELIVERY_STATUSES as readonly string[]).includes(row.status)
      ? (row.status as DeliveryStatus)
      : 'failed',
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    responseStatus: row.response_status,
    error: row.error,
    durationMs: row.duration_ms,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function createWebhooksRepository(db: Kysely<Database>): WebhooksRepository {
  const webhooks = () => db.selectFrom('webhooks').selectAll();
  return {
    async create(input) {
      const now = nowIso();
      const row = await db
        .insertInto('webhooks')
        .values({
          url: input.url,
          secret: input.secret,
          events: JSON.stringify(webhookEvents(input.events)),
          active: flag(input.active ?? true),
          description: input.description ?? '',
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toWebhook(row);
    },

    async byId(id) {
      const row = await webhooks().where('id', '=', id).executeTakeFirst();
      return row ? toWebhook(row) : null;
    },

    async list() {
      return (await webhooks().orderBy('id').execute()).map(toWebhook);
    },

    async subscribedTo(event: WebhookEvent) {
      // A handful of rows at most: the subscription list is read rather than queried inside JSON.
      const rows = await webhooks().where('active', '=', 1).orderBy('id').execute();
      return rows.map(toWebhook).filter((w) => w.events.includes(event));
    },

    async update(id, patch) {
      const row = await db
        .updateTable('webhooks')
        .set({
          ...(patch.url !== undefined ? { url: patch.url } : {}),
          ...(patch.secret !== undefined ? { secret: patch.secret } : {}),
          ...(patch.events !== undefined ? { events: JSON.stringify(webhookEvents(patch.events)) } : {}),
          ...(patch.active !== undefined ? { active: flag(patch.active) } : {}),
          ...(patch.description !== undefined ? { description: patch.description } : {}),
          updated_at: nowIso(),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new NotFound(`No webhook ${id}.`);
      return toWebhook(row);
    },

    async delete(id) {
      // The delivery log goes with it (ON DELETE CASCADE).
      await db.deleteFrom('webhooks').where('id', '=', id).execute();
    },
  };
}

export function createWebhookDeliveriesRepository(db: Kysely<Database>): WebhookDeliveriesRepository {
  const deliveries = () => db.selectFrom('webhook_deliveries').selectAll();
  return {
    async enqueue(inputs, now = nowIso()) {
      if (inputs.length === 0) return [];
      const rows = await db
        .insertInto('webhook_deliveries')
        .values(
          inputs.map((d) => ({
            webhook_id: d.webhookId,
            event: d.event,
            payload: JSON.stringify(d.payload),
            subject: d.subject ?? '',
            status: 'pending',
            attempts: 0,
            next_attempt_at: d.dueAt ?? now,
            response_status: null,
            error: '',
            duration_ms: null,
            created_at: now,
            updated_at: now,
          })),
        )
        .returningAll()
        .execute();
      return rows.map(toDelivery).sort((a, b) => a.id - b.id);
    },

    async replaceQueued(d, now = nowIso()) {
      const queued = await deliveries()
        .where('webhook_id', '=', d.webhookId)
        .where('event', '=', d.event)
        .where('subject', '=', d.subject)
        .where('status', '=', 'pending')
        .where('attempts', '=', 0)
        .orderBy('id', 'desc')
        .executeTakeFirst();
      if (!queued) return null;
      // Conditional on still being unattempted: a dispatcher may have claimed it meanwhile.
      const row = await db
        .updateTable('webhook_deliveries')
        .set({ payload: JSON.stringify(d.payload), updated_at: now })
        .where('id', '=', queued.id)
        .where('attempts', '=', 0)
        .where('status', '=', 'pending')
        .returningAll()
        .executeTakeFirst();
      return row ? toDelivery(row) : null;
    },

    async byId(id) {
      const row = await deliveries().where('id', '=', id).executeTakeFirst();
      return row ? toDelivery(row) : null;
    },

    async listForWebhook(webhookId, limit) {
      const rows = await deliveries()
        .where('webhook_id', '=', webhookId)
        .orderBy('id', 'desc')
        .limit(limit)
        .execute();
      return rows.map(toDelivery);
    },

    async latestFor(webhookIds) {
      if (webhookIds.length === 0) return new Map();
      const rows = await deliveries()
        .where('id', 'in', (eb) =>
          eb
            .selectFrom('webhook_deliveries')
            .select((e) => e.fn.max('id').as('id'))
            .where('webhook_id', 'in', [...webhookIds])
            .groupBy('webhook_id'),
        )
        .execute();
      return new Map(rows.map((r) => [r.webhook_id, toDelivery(r)]));
    },

    async due(now, limit) {
      const rows = await deliveries()
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map(toDelivery);
    },

    async claim(seen, leaseUntil, now = nowIso()) {
      if (seen.nextAttemptAt === null) return null;
      const row = await db
        .updateTable('webhook_deliveries')
        .set((eb) => ({ attempts: eb('attempts', '+', 1), next_attempt_at: leaseUntil, updated_at: now }))
        .where('id', '=', seen.id)
        .where('status', '=', 'pending')
        .where('attempts', '=', seen.attempts)
        .where('next_attempt_at', '=', seen.nextAttemptAt)
        .returningAll()
        .executeTakeFirst();
      return row ? toDelivery(row) : null;
    },

    async record(claimed, outcome, now = nowIso()) {
      const result = await db
        .updateTable('webhook_deliveries')
        .set({
          status: outcome.status,
          next_attempt_at: outcome.status === 'pending' ? outcome.nextAttemptAt : null,
          response_status: outcome.responseStatus,
          error: outcome.error,
          duration_ms: outcome.durationMs,
          updated_at: now,
        })
        .where('id', '=', claimed.id)
        .where('status', '=', 'pending')
        .where('attempts', '=', claimed.attempts)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async retryNow(id, now = nowIso()) {
      // Only a failed one: a pending delivery's future due time may be the lease of an attempt
      // in flight, and moving it would let a second process send it too.
      const result = await db
        .updateTable('webhook_deliveries')
        .set({ status: 'pending', next_attempt_at: now, updated_at: now })
        .where('id', '=', id)
        .where('status', '=', 'failed')
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async prune(before) {
      const result = await db
        .deleteFrom('webhook_deliveries')
        .where((eb) =>
          eb.or([
            eb.and([eb('status', '=', 'succeeded'), eb('updated_at', '<', before.succeeded)]),
            eb.and([eb('status', '=', 'failed'), eb('updated_at', '<', before.failed)]),
          ]),
        )
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
