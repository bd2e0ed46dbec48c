// One HTTP attempt of a delivery: a signed JSON POST with a deadline. Success is a 2xx answer;
// anything else (another status, a redirect, a refused connection, no answer in time) is a
// failure described in a few words for the delivery log. Redirects are not followed: the
// admin registered this address, and a signed body must not be handed to another.
import type { Webhook } from '../../core/webhooks.ts';
import { deliveryBody } from './payload.ts';
import { SIGNATURE_HEADER, signDelivery, TIMESTAMP_HEADER } from './signature.ts';

export const USER_AGENT = 'Midad-Webhooks';
/** How much of a failed answer's body the log keeps. */
const ERROR_TEXT_CHARS = 300;

export interface AttemptResult {
  ok: boolean;
  status: number | null;
  error: string;
  durationMs: number;
}

export async function sendDelivery(
  webhook: Pick<Webhook, 'url' | 'secret'>,
  delivery: { id: number; event: string; payload: Record<string, unknown> },
  options: { timeoutMs: number; now?: () => Date },
): Promise<AttemptResult> {
  const body = deliveryBody(delivery);
  const timestamp = Math.floor((options.now?.() ?? new Date()).getTime() / 1000);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await fetch(webhook.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': USER_AGENT,
        'X-Midad-Event': delivery.event,
        'X-Midad-Delivery': String(delivery.id),
        [TIMESTAMP_HEADER]: String(timestamp),
        [SIGNATURE_HEADER]: signDelivery(webhook.secret, timestamp, body),
      },
      body,
    });
    const ok = response.status >= 200 && response.status < 300;
    const text = ok ? '' : await startOf(response, ERROR_TEXT_CHARS);
    if (ok) await response.body?.cancel();
    return { ok, status: response.status, error: ok ? '' : text, durationMs: elapsed() };
  } catch (err) {
    return { ok: false, status: null, error: describeFailure(err, options.timeoutMs), durationMs: elapsed() };
  }
}

/** The first characters of an answer's body, without reading the rest of a large one. */
async function startOf(response: Response, chars: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < chars) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // A body cut short still tells what arrived.
  } finally {
    await reader.cancel().catch(() => {});
  }
  return text.trim().slice(0, chars);
}

function describeFailure(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) {
    return `No answer within ${timeoutMs / 1000} s.`;
  }
  // fetch says only "fetch failed"; the reason (refused, unknown host, bad port) is its cause.
  const cause = err instanceof Error ? err.cause : undefined;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' && !cause.message.includes(code)
      ? `${code}: ${cause.message}`
      : cause.message;
  }
  return err instanceof Error ? err.message : String(err);
}
