// What the webhook forms and URLs may carry. The rules about addresses and events are the
// service's (services/webhooks/manage.ts); here the request is only made into plain values.
import { z } from 'zod';

/** Ticked boxes: several arrive as an array, one as a string, none not at all. */
const ticked = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.string().max(100)).max(10),
);

/** A text field given twice arrives as an array, which is refused (400) rather than guessed at. */
export const WebhookForm = z.object({
  url: z.string().max(4000).default(''),
  description: z.string().max(1000).default(''),
  events: ticked,
});
export type WebhookForm = z.infer<typeof WebhookForm>;

export const WebhookParams = z.object({ id: z.coerce.number().int().positive() });
export const DeliveryParams = WebhookParams.extend({ deliveryId: z.coerce.number().int().positive() });

export const DONE = [
  'created',
  'saved',
  'enabled',
  'disabled',
  'deleted',
  'rotated',
  'pinged',
  'retried',
  'not-retried',
] as const;
export type Done = (typeof DONE)[number];

export const PageQuery = z.object({
  done: z.enum(DONE).optional().catch(undefined),
  /** The delivery a ping or a retry made, whose outcome the page reports. */
  delivery: z.coerce.number().int().positive().optional().catch(undefined),
});
