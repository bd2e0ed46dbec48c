// What the outbox page's URL may carry. A filter or page that is not one is ignored, not refused.
import { z } from 'zod';
import { OUTBOX_STATUSES } from '../../../core/outbox.ts';

export const OutboxQuery = z.object({
  status: z.enum(OUTBOX_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  done: z.enum(['retried', 'not-retried']).optional().catch(undefined),
});

export const OutboxParams = z.object({ id: z.coerce.number().int().positive() });
