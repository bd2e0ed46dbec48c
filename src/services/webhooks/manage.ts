// Managing webhooks (admins only): register an address with the events it wants, change it,
// switch it off and on, rotate its secret, delete it, send it a test ping, retry a failed
// delivery. Each is a command: the right, the input, one transaction with its audit row (the
// secret itself never enters the audit log). Webhooks appear on no page the cache keeps, so no
// change event is announced; a ping or a retry is sent after its transaction commits.
import { z } from 'zod';
import { Invalid, NotFound } from '../../core/errors.ts';
import { authorize } from '../../core/policies/index.ts';
import { parseInput } from '../../core/validation.ts';
import { checkWebhookUrl, type Webhook, type WebhookUrlProblem, webhookEvents } from '../../core/webhooks.ts';
import type { Repositories } from '../../db/repositories/contract.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';
import { type AttemptReport, attemptDelivery, type DispatchOptions } from './dispatcher.ts';
import { pingPayload } from './payload.ts';
import { newWebhookSecret } from './signature.ts';

export const DESCRIPTION_MAX = 200;

/** Field errors as message keys, which the newsroom words in the reader's language. */
export type WebhookFieldErrors = Partial<Record<'url' | 'events' | 'description', string>>;

export class WebhookInvalid extends Invalid {
  constructor(readonly errors: WebhookFieldErrors) {
    super('The webhook has errors.', errors as Record<string, string>);
  }
}

const URL_ERROR: Record<WebhookUrlProblem, string> = {
  required: 'errUrlRequired',
  invalid: 'errUrlInvalid',
  scheme: 'errUrlScheme',
  credentials: 'errUrlCredentials',
  'too-long': 'errUrlTooLong',
};

/** The shape of a webhook form; the rules about addresses and events are checked after it. */
export const WebhookInput = z.object({
  url: z.string().max(4000),
  description: z.string().max(1000).default(''),
  /** Event names as the form sent them; unknown ones are ignored. */
  events: z.array(z.string().max(100)).max(10).readonly().default([]),
});
export type WebhookInput = z.input<typeof WebhookInput>;

const WebhookRef = z.object({ webhookId: z.number().int().positive() });
export type WebhookRef = z.input<typeof WebhookRef>;

/** Checks a form; the clean values, or every problem at once. */
export function cleanWebhookInput(input: z.output<typeof WebhookInput>): {
  url: string;
  description: string;
  events: Webhook['events'];
} {
  const errors: WebhookFieldErrors = {};
  const checked = checkWebhookUrl(input.url);
  const url = 'url' in checked ? checked.url : '';
  if ('problem' in checked) errors.url = URL_ERROR[checked.problem];
  const events = webhookEvents(input.events);
  if (events.length === 0) errors.events = 'errEventsRequired';
  const description = input.description.trim();
  if (Array.from(description).length > DESCRIPTION_MAX) errors.description = 'errDescriptionTooLong';
  if (Object.keys(errors).length > 0) throw new WebhookInvalid(errors);
  return { url, description, events };
}

async function existing(repos: Pick<Repositories, 'webhooks'>, id: number): Promise<Webhook> {
  const webhook = await repos.webhooks.byId(id);
  if (!webhook) throw new NotFound('No such webhook.');
  return webhook;
}

function audit(
  repos: Pick<Repositories, 'audit'>,
  actor: Actor,
  action: string,
  webhook: Webhook,
  details: Record<string, unknown> = {},
): Promise<void> {
  return recordAudit(repos, actor, {
    action: `webhook.${action}`,
    targetType: 'webhook',
    targetId: webhook.id,
    details: { url: webhook.url, ...details },
  });
}

export async function createWebhook(services: Services, actor: Actor, input: WebhookInput): Promise<Webhook> {
  authorize(actor.person, { kind: 'webhooks.manage' });
  const clean = cleanWebhookInput(parseInput(WebhookInput, input));
  return services.transaction(async (trx) => {
    const webhook = await trx.webhooks.create({ ...clean, secret: newWebhookSecret(), active: true });
    await audit(trx, actor, 'created', webhook, { events: webhook.events });
    return webhook;
  });
}

export const UpdateWebhookInput = WebhookInput.extend(WebhookRef.shape);
export type UpdateWebhookInput = z.input<typeof UpdateWebhookInput>;

export async function updateWebhook(
  services: Services,
  actor: Actor,
  input: UpdateWebhookInput,
): Promise<Webhook> {
  authorize(actor.person, { kind: 'webhooks.manage' });
  const { webhookId, ...form } = parseInput(UpdateWebhookInput, input);
  const clean = cleanWebhookInput(form);
  return services.transaction(async (trx) => {
    const before = await existing(trx, webhookId);
    const webhook = await trx.webhooks.update(webhookId, clean);
    await audit(trx, actor, 'updated', webhook, {
      ...(before.url !== webhook.url ? { previousUrl: before.url } : {}),
      events: webhook.events,
    });
    return webhook;
  });
}

const SetWebhookActiveInput = WebhookRef.extend({ active: z.boolean() });
export type SetWebhookActiveInput = z.input<typeof SetWebhookActiveInput>;

export async function setWebhookActive(
  services: Services,
  actor: Actor,
  input: SetWebhookActiveInput,
): Promise<Webhook> {
  authorize(actor.person, { kind: 'webhooks.manage' });
  const { webhookId, active } = parseInput(SetWebhookActiveInput, input);
  return services.transaction(async (trx) => {
    await existing(trx, webhookId);
    const webhook = await trx.webhooks.update(webhookId, { active });
    await audit(trx, actor, active ? 'enabled' : 'disabled', webhook);
    return webhook;
  });
}

/** A new secret; the old one stops working at once, so the receiver must be updated with it. */
export async function rotateWebhookSecret(
  services: Services,
  actor: Actor,
  input: WebhookRef,
): Promise<Webhook> {
  authorize(actor.person, { kind: 'webhooks.manage' });
  const { webhookId } = parseInput(WebhookRef, input);
  return services.transaction(async (trx) => {
    await existing(trx, webhookId);
    const webhook = await trx.webhooks.update(webhookId, { secret: newWebhookSecret() });
    await audit(trx, actor, 'secret-rotated', webhook);
    return webhook;
  });
}

export async function deleteWebhook(services: Services, actor: Actor, input: WebhookRef): Promise<void> {
  authorize(actor.person, { kind: 'webhooks.manage' });
  const { webhookId } = parseInput(WebhookRef, input);
  await services.transaction(async (trx) => {
    const webhook = await existing(trx, webhookId);
    await trx.webhooks.delete(webhookId);
    await audit(trx, actor, 'deleted', webhook, { events: webhook.events });
  });
}

/**
 * Sends a `ping` delivery now, while the admin waits (at most the attempt's deadline), and
 * returns its outcome; it is logged like any other delivery. A failed ping is not retried.
 */
export async function pingWebhook(
  services: Services,
  actor: Actor,
  input: WebhookRef,
  options: DispatchOptions = {},
): Promise<AttemptReport | null> {
  authorize(actor.person, { kind: 'webhooks.manage' });
  const { webhookId } = parseInput(WebhookRef, input);
  const { webhook, delivery } = await services.transaction(async (trx) => {
    const webhook = await existing(trx, webhookId);
    const [delivery] = await trx.webhookDeliveries.enqueue([
      { webhookId, event: 'ping', payload: pingPayload(webhook, new Date()) },
    ]);
    await audit(trx, actor, 'pinged', webhook);
    return { webhook, delivery: delivery! };
  });
  // A test is a question asked once: a failure is shown, not retried for hours.
  const report = await attemptDelivery(services, delivery, { ...options, retry: false });
  return report && { ...report, webhookId: webhook.id };
}

const RetryDeliveryInput = WebhookRef.extend({ deliveryId: z.number().int().positive() });
export type RetryDeliveryInput = z.input<typeof RetryDeliveryInput>;

/** One more attempt at a failed delivery, now; null if it had not failed (or someone else sent it). */
export async function retryDelivery(
  services: Services,
  actor: Actor,
  input: RetryDeliveryInput,
  options: DispatchOptions = {},
): Promise<AttemptReport | null> {
  authorize(actor.person, { kind: 'webhooks.manage' });
  const { webhookId, deliveryId } = parseInput(RetryDeliveryInput, input);
  const ready = await services.transaction(async (trx) => {
    const webhook = await existing(trx, webhookId);
    const delivery = await trx.webhookDeliveries.byId(deliveryId);
    if (!delivery || delivery.webhookId !== webhook.id) throw new NotFound('No such delivery.');
    if (!(await trx.webhookDeliveries.retryNow(delivery.id))) return null;
    await audit(trx, actor, 'delivery-retried', webhook, {
      deliveryId: delivery.id,
      event: delivery.event,
    });
    return trx.webhookDeliveries.byId(delivery.id);
  });
  return ready ? attemptDelivery(services, ready, options) : null;
}
