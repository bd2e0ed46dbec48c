// One call to the Telegram Bot API (https://core.telegram.org/bots/api): a JSON POST to
// <origin>/bot<token>/<method>. The origin is MIDAD_TELEGRAM_API_URL, so tests talk to a fake.
// The token is part of the URL: no message built here ever contains the URL.

export interface BotApiAnswer {
  ok: boolean;
  /** The HTTP status; null when no answer came (refused, timed out). */
  status: number | null;
  result?: unknown;
  /** Telegram's own words for a refusal, or what went wrong on the way. */
  description: string;
}

export async function callBotApi(
  apiUrl: string,
  token: string,
  method: string,
  params: Record<string, unknown>,
  timeoutMs = 15_000,
): Promise<BotApiAnswer> {
  try {
    const response = await fetch(`${apiUrl}/bot${token}/${method}`, {
      method: 'POST',
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(params),
    });
    const body = (await response.json().catch(() => null)) as {
      ok?: unknown;
      result?: unknown;
      description?: unknown;
    } | null;
    const ok = response.ok && body?.ok === true;
    const description =
      typeof body?.description === 'string'
        ? body.description.slice(0, 300)
        : ok
          ? ''
          : `HTTP ${response.status}`;
    return { ok, status: response.status, result: body?.result, description };
  } catch (err) {
    const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
    const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : '';
    return {
      ok: false,
      status: null,
      description: timedOut
        ? `No answer within ${timeoutMs / 1000} s.`
        : cause || 'The Telegram API could not be reached.',
    };
  }
}

/** A bot token as BotFather gives it: digits, a colon, then letters, digits, - and _. */
export const BOT_TOKEN = /^\d{3,20}:[A-Za-z0-9_-]{20,100}$/;
/** A channel: @username (5 to 32 characters) or its numeric id (-100…). */
export const CHANNEL_ID = /^(?:@[A-Za-z][A-Za-z0-9_]{3,31}|-?\d{5,20})$/;
