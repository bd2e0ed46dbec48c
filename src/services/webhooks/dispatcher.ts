// Sends queued deliveries. Each attempt first claims its delivery with one conditional write
// (see the deliveries repository), so with several processes running a dispatcher each
// delivery is sent once; a process that dies mid-attempt leaves it to be claimed again when its
// lease runs out. A failed attempt is retried with growing waits (core/webhooks.ts), then given up.
import { nextAttemptAt, type WebhookDelivery } from '../../core/webhooks.ts';
import type { Services } from '../context.ts';
import { sendDelivery } from './send.ts';

export interface DispatchOptions {
  /** How long one attempt may take; 10 s unless set. */
  timeoutMs?: number;
  /** Attempts in flight at once, so one slow receiver does not hold up the others; 4 unless set. */
  concurrency?: number;
  /** The clock; tests move it forward to reach the retries. */
  now?: () => Date;
  /** Spreads the retry waits; tests pin it. */
  random?: () => number;
  /** False to give a delivery up after this attempt if it fails (a test ping). */
  retry?: boolean;
}

export interface AttemptReport {
  deliveryId: number;
  webhookId: number;
  ok: boolean;
  status: number | null;
  /** What the delivery became: done, waiting for a retry, or given up. */
  outcome: 'succeeded' | 'pending' | 'failed';
}

const DEFAULT_TIMEOUT_MS = 10_000;
const BATCH = 50;
/** Beyond the attempt's own deadline, before someone else may take the delivery over. */
const LEASE_MARGIN_MS = 60_000;

/** Makes one attempt at a delivery, if this process wins it; null if another one did. */
export async function attemptDelivery(
  services: Services,
  seen: WebhookDelivery,
  options: DispatchOptions = {},
): Promise<AttemptReport | null> {
  const { repos } = services;
  const clock = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const start = clock();
  const lease = new Date(start.getTime() + timeoutMs + LEASE_MARGIN_MS).toISOString();
  const claimed = await repos.webhookDeliveries.claim(seen, lease, start.toISOString());
  if (!claimed) return null;
  const webhook = await repos.webhooks.byId(claimed.webhookId);
  // The admin's switch also holds back what was queued before it: nothing more goes out to a
  // disabled webhook until it is enabled and the delivery retried. A ping is asked for by hand.
  const result =
    webhook && (webhook.active || claimed.event === 'ping')
      ? await sendDelivery(webhook, claimed, { timeoutMs, now: clock })
      : { ok: false, status: null, error: 'The webhook is disabled.', durationMs: 0 };
  const end = clock();
  const retryAt =
    result.ok || options.retry === false ? null : nextAttemptAt(claimed.attempts, end, options.random);
  const outcome = result.ok ? 'succeeded' : retryAt && webhook?.active ? 'pending' : 'failed';
  await repos.webhookDeliveries.record(
    claimed,
    {
      status: outcome,
      nextAttemptAt: outcome === 'pending' ? retryAt!.toISOString() : null,
      responseStatus: result.status,
      error: result.error,
      durationMs: result.durationMs,
    },
    end.toISOString(),
  );
  return {
    deliveryId: claimed.id,
    webhookId: claimed.webhookId,
    ok: result.ok,
    status: result.status,
    outcome,
  };
}

/** Attempts the deliveries that are due, a batch at a time; returns what this process sent. */
export async function deliverDue(
  services: Services,
  options: DispatchOptions = {},
): Promise<AttemptReport[]> {
  const clock = options.now ?? (() => new Date());
  const due = await services.repos.webhookDeliveries.due(clock().toISOString(), BATCH);
  const reports: AttemptReport[] = [];
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const delivery = due[next++]!;
      const report = await attemptDelivery(services, delivery, options);
      if (report) reports.push(report);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  if (due.length === BATCH) reports.push(...(await deliverDue(services, options)));
  return reports;
}

/** Keeps the log bounded: successes for 30 days, failures for 90, then they are deleted. */
export function pruneDeliveries(services: Services, now = new Date()): Promise<number> {
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  return services.repos.webhookDeliveries.prune({ succeeded: daysAgo(30), failed: daysAgo(90) });
}

export interface WebhookDispatcher {
  /** Stops the timers and waits for the attempts in flight. */
  stop(): Promise<void>;
}

/**
 * Runs the dispatcher in this process: at once when this process queues deliveries, and every
 * `intervalMs` (default 5 s) for those queued by other processes and for retries that fall due.
 */
export function startWebhookDispatcher(
  services: Services,
  options: DispatchOptions & {
    intervalMs?: number;
    onAttempts?: (reports: AttemptReport[]) => void;
    onError?: (err: unknown) => void;
  } = {},
): WebhookDispatcher {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let lastPrune = 0;

  const tick = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          const reports = await deliverDue(services, options);
          if (reports.length > 0) options.onAttempts?.(reports);
        } while (again && !stopped);
        const now = (options.now ?? (() => new Date()))();
        if (now.getTime() - lastPrune > 3_600_000) {
          lastPrune = now.getTime();
          await pruneDeliveries(services, now);
        }
      } catch (err) {
        options.onError?.(err);
      } finally {
        running = null;
      }
    })();
    return running;
  };

  const timer = setInterval(() => void tick(), options.intervalMs ?? 5_000);
  timer.unref();
  const unsubscribe = services.webhooks.onQueued(() => void tick());
  void tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
      await running;
    },
  };
}
