// Sends what the outbox holds. Each attempt first claims its message with one conditional write
// (see the outbox repository), so with several processes running a dispatcher on one database
// each message is sent once; a process that dies mid-attempt leaves the message to be claimed
// again when its lease runs out. A failed attempt is retried with growing waits
// (core/outbox.ts); a message is never dropped: given up, it stays listed for an admin to retry.
import { type OutboxMessage, outboxRetryAt } from '../../core/outbox.ts';
import type { Services } from '../context.ts';
import { onOutboxQueued } from './notify.ts';
import { type SendOutcome, sendOutboxMessage } from './send.ts';

export interface OutboxDispatchOptions {
  /** The clock; tests move it forward to reach the retries. */
  now?: () => Date;
  /** Spreads the retry waits; tests pin it. */
  random?: () => number;
  /** Messages in flight at once; 4 unless set. */
  concurrency?: number;
  /** How long a claim holds a message before another process may take it over; 3 minutes. */
  leaseMs?: number;
  /** The sender (tests may slow it down); the real channels unless set. */
  send?: (message: OutboxMessage) => Promise<SendOutcome>;
  /** Waits for the next mail's turn (MIDAD_MAIL_RATE); mail goes as fast as it can unless set. */
  paceMail?: () => Promise<void>;
}

/** Spaces mails `1/perSecond` s apart in this process (0: no limit), so a newsletter to many
 * subscribers does not flood the SMTP server or get the site's address throttled. */
export function mailPacer(perSecond: number): () => Promise<void> {
  let next = 0;
  return async () => {
    if (perSecond <= 0) return;
    const now = Date.now();
    const at = Math.max(now, next);
    next = at + 1000 / perSecond;
    if (at > now) await new Promise((resolve) => setTimeout(resolve, at - now));
  };
}

export interface OutboxAttempt {
  id: number;
  channel: OutboxMessage['channel'];
  ok: boolean;
  error: string;
  /** What the message became. */
  status: 'sent' | 'queued' | 'failed';
}

const BATCH = 50;
const DEFAULT_LEASE_MS = 180_000;

/** Makes one attempt at a message, if this process wins it; null if another one did. */
export async function attemptOutboxMessage(
  services: Services,
  seen: OutboxMessage,
  options: OutboxDispatchOptions = {},
): Promise<OutboxAttempt | null> {
  const clock = options.now ?? (() => new Date());
  const start = clock();
  const lease = new Date(start.getTime() + (options.leaseMs ?? DEFAULT_LEASE_MS)).toISOString();
  const claimed = await services.repos.outbox.claim(seen, lease, start.toISOString());
  if (!claimed) return null;
  let result: SendOutcome;
  try {
    result = await (options.send ?? ((m) => sendOutboxMessage(services, m)))(claimed);
  } catch (err) {
    result = { ok: false, error: err instanceof Error ? err.message : String(err), permanent: false };
  }
  const end = clock();
  const retryAt = result.ok || result.permanent ? null : outboxRetryAt(claimed.attempts, end, options.random);
  const status = result.ok ? 'sent' : retryAt ? 'queued' : 'failed';
  await services.repos.outbox.record(
    claimed,
    {
      status,
      nextAttemptAt: retryAt ? retryAt.toISOString() : null,
      error: result.ok ? '' : result.error,
      // A mail may carry a one-time link (an invitation): once delivered, the outbox forgets
      // its text and keeps only the line the newsroom lists.
      ...(result.ok && claimed.channel === 'mail' ? { payload: { sent: true } } : {}),
      // What a sender asks to keep of a sent message (a channel post's id on Telegram).
      ...(result.ok && result.payload ? { payload: result.payload } : {}),
    },
    end.toISOString(),
  );
  return { id: claimed.id, channel: claimed.channel, ok: result.ok, error: result.error, status };
}

/** Attempts the messages that are due, a batch at a time; returns what this process sent. */
export async function sendDueOutbox(
  services: Services,
  options: OutboxDispatchOptions = {},
): Promise<OutboxAttempt[]> {
  const clock = options.now ?? (() => new Date());
  const due = await services.repos.outbox.due(clock().toISOString(), BATCH);
  const attempts: OutboxAttempt[] = [];
  let next = 0;
  const worker = async () => {
    while (next < due.length) {
      const message = due[next++]!;
      if (message.channel === 'mail') await options.paceMail?.();
      const attempt = await attemptOutboxMessage(services, message, options);
      if (attempt) attempts.push(attempt);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  if (due.length === BATCH && attempts.length > 0) attempts.push(...(await sendDueOutbox(services, options)));
  return attempts;
}

export interface OutboxDispatcher {
  /** Runs a round now (and another after it if one was asked for meanwhile). */
  tick(): Promise<void>;
  /** Stops the timer and waits for the attempts in flight. */
  stop(): Promise<void>;
}

/**
 * Runs the dispatcher in this process: at once when a command here queued messages or content
 * changed (a publish may have queued posts), and every `intervalMs` (default 5 s) for messages
 * queued elsewhere and retries that fall due.
 */
export function startOutboxDispatcher(
  services: Services,
  options: OutboxDispatchOptions & {
    intervalMs?: number;
    onAttempts?: (attempts: OutboxAttempt[]) => void;
    onError?: (err: unknown) => void;
  } = {},
): OutboxDispatcher {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  options = { paceMail: mailPacer(services.config.mailRate ?? 0), ...options };

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
          const attempts = await sendDueOutbox(services, options);
          if (attempts.length > 0) options.onAttempts?.(attempts);
        } while (again && !stopped);
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
  const unsubscribe = onOutboxQueued(services, () => void tick());
  const offEvents = services.events.on((event) => {
    if (event.type === 'article' && event.change === 'published') void tick();
  });
  void tick();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      unsubscribe();
      offEvents();
      await running;
    },
  };
}
