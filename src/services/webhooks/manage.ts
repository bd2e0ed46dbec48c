// Managing webhooks (admins only): register an address with the events it wants, change it,
// switch it off and on, rotate its secret, delete it, send it a test ping, retry a failed
// delivery. Every change is audited; the secret itself never enters the audit log.
import { Forbidden, Invalid, NotFound } from '../../core/errors.ts';
import { can } from '../../core/policies/index.ts';
import type { Person } from '../../core/types.ts';
import { checkWebhookUrl, type Webhook, type WebhookUrlProblem, webhookEvents } from '../../core/webhooks.ts';
import type { Repositories } from '../../db/repositories/contract.ts';
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

export interface WebhookInput {
  url: string;
  description: string;
  /** Event names as the form sent them; unknown ones are ignored. */
  events: readonly string[];
}

interface Actor {
  person: Person;
  ipHash: string;
}

/** Checks a form; the clean values, or every problem at once. */
export function cleanWebhookInput(input: WebhookInput): {
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

function allow(person: Person): void {
  if (!can(person, { kind: 'webhooks.manage' })) throw new Forbidden('forbidden');
}

async function existing(repos: Repositories, id: number): Promise<Webhook> {
  const webhook = await repos.webhooks.byId(id);
  if (!webhook) throw new NotFound('No such webhook.');
  return webhook;
}

function audit(repos: Repositories, actor: Actor, action: string, webhook: Webhook, details = {}) {
  return repos.audit.record({
    personId: actor.person.id,
    action: `webhook.${action}`,
    targetType: 'webhook',
    targetId: String(webhook.id),
    details: { url: webhook.url, ...details },
    ipHash: actor.ipHash,
  });
}

export async function createWebhook(services: Services, actor: Actor, input: WebhookInput): Promise<Webhook> {
  allow(actor.person);
  const clean = cleanWebhookInput(input);
  return services.transaction(async (repos) => {
    const webhook = await repos.webhooks.create({ ...clean, secret: newWebhookSecret(), active: true });
    await audit(repos, actor, 'created', webhook, { events: webhook.events });
    return webhook;
  });
}

export async function updateWebhook(
  services: Services,
  actor: Actor,
  id: number,
  input: WebhookInput,
): Promise<Webhook> {
  allow(actor.person);
  const clean = cleanWebhookInput(input);
  return services.transaction(async (repos) => {
    const before = await existing(repos, id);
    const webhook = await repos.webhooks.update(id, clean);
    await audit(repos, actor, 'updated', webhook, {
      ...(before.url !== webhook.url ? { previousUrl: before.url } : {}),
      events: webhook.events,
    });
    return webhook;
  });
}

export async function setWebhookActive(
  services: Services,
  actor: Actor,
  id: number,
  active: boolean,
): Promise<Webhook> {
  allow(actor.person);
  return services.transaction(async (repos) => {
    await existing(repos, id);
    const webhook = await repos.webhooks.update(id, { active });
    await audit(repos, actor, active ? 'enabled' : 'disabled', webhook);
    return webhook;
  });
}

/** A new secret; the old one stops working at once, so the receiver must be updated with it. */
export async function rotateWebhookSecret(services: Services, actor: Actor, id: number): Promise<Webhook> {
  allow(actor.person);
  return services.transaction(async (repos) => {
    await existing(repos, id);
    const webhook = await repos.webhooks.update(id, { secret: newWebhookSecret() });
    await audit(repos, actor, 'secret-rotated', webhook);
    return webhook;
  });
}

export async function deleteWebhook(services: Services, actor: Actor, id: number): Promise<void> {
  allow(actor.person);
  await services.transaction(async (repos) => {
    const webhook = await existing(repos, id);
    await repos.webhooks.delete(id);
    await audit(repos, actor, 'deleted', webhook, { events: webhook.events });
  });
}

/**
 * Sends a `ping` delivery now, while the admin waits (at most the attempt's deadline), and
 * returns its outcome; it is logged like any other delivery. A failed ping is not retried.
 */
export async function pingWebhook(
  services: Services,
  actor: Actor,
  id: number,
  options: DispatchOptions = {},
): Promise<AttemptReport | null> {
  allow(actor.person);
  const { webhook, delivery } = await services.transaction(async (repos) => {
    const webhook = await existing(repos, id);
    const [delivery] = await repos.webhookDeliveries.enqueue([
      { webhookId: id, event: 'ping', payload: pingPayload(webhook, new Date()) },
    ]);
    await audit(repos, actor, 'pinged', webhook);
    return { webhook, delivery: delivery! };
  });
  // A test is a question asked once: a failure is shown, not retried for hours.
  const report = await attemptDelivery(services, delivery, { ...options, retry: false });
  return report && { ...report, webhookId: webhook.id };
}

/** One more attempt at a failed delivery, now; null if it had not failed (or someone else sent it). */
export async function retryDelivery(
  services: Services,
  actor: Actor,
  input: { webhookId: number; deliveryId: number },
  options: DispatchOptions = {},
): Promise<AttemptReport | null> {
  allow(actor.person);
  const ready = await services.transaction(async (repos) => {
    const webhook = await existing(repos, input.webhookId);
    const delivery = await repos.webhookDeliveries.byId(input.deliveryId);
    if (!delivery || delivery.webhookId !== webhook.id) throw new NotFound('No such delivery.');
    if (!(await repos.webhookDeliveries.retryNow(delivery.id))) return null;
    await audit(repos, actor, 'delivery-retried', webhook, {
      deliveryId: delivery.id,
      event: delivery.event,
    });
    return repos.webhookDeliveries.byId(delivery.id);
  });
  return ready ? attemptDelivery(services, ready, options) : null;
}
