// A fake of the Telegram Bot API on 127.0.0.1 for tests (MIDAD_TELEGRAM_API_URL points at it):
// POST /bot<token>/<method> with a JSON body, answered as Telegram answers. It knows some bots
// (by token) and the channels they may post to, records every call, and can be told to fail
// the next calls with a 500 as an overloaded Telegram would.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BotCall {
  token: string;
  method: string;
  body: Record<string, unknown>;
}

export interface FakeTelegram {
  /** The origin to give MIDAD_TELEGRAM_API_URL. */
  url: string;
  calls: BotCall[];
  /** The sendMessage and sendPhoto calls that Telegram accepted. */
  posts(): BotCall[];
  /** Registers a bot and the channels (by @username or id) it is an admin of. */
  addBot(token: string, channels: string[]): void;
  /** The next `n` calls of any kind answer 500. */
  failNext(n: number): void;
  /** sendPhoto answers 400, as when Telegram cannot fetch the image. */
  refusePhotos: boolean;
  close(): Promise<void>;
}

function answer(res: http.ServerResponse, status: number, body: Record<string, unknown>): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

export async function startFakeTelegram(): Promise<FakeTelegram> {
  const bots = new Map<string, Set<string>>();
  const calls: BotCall[] = [];
  const accepted: BotCall[] = [];
  let failures = 0;
  let messageId = 0;
  const fake = { refusePhotos: false } as FakeTelegram;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !match)
        return answer(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      const token = decodeURIComponent(match[1]!);
      const method = match[2]!;
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        return answer(res, 400, { ok: false, error_code: 400, description: 'Bad Request: invalid JSON' });
      }
      const call = { token, method, body };
      calls.push(call);
      if (failures > 0) {
        failures--;
        return answer(res, 500, { ok: false, error_code: 500, description: 'Internal Server Error' });
      }
      const channels = bots.get(token);
      if (!channels) return answer(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
      if (method === 'getMe') {
        return answer(res, 200, {
          ok: true,
          result: { id: 1, is_bot: true, first_name: 'Midad', username: 'midad_bot' },
        });
      }
      const chat = String(body.chat_id ?? '');
      if (!channels.has(chat)) {
        return answer(res, 400, { ok: false, error_code: 400, description: 'Bad Request: chat not found' });
      }
      if (method === 'getChat') {
        return answer(res, 200, {
          ok: true,
          result: { id: -1001, type: 'channel', title: 'Channel', username: chat.slice(1) },
        });
      }
      if (method === 'sendPhoto' && fake.refusePhotos) {
        return answer(res, 400, {
          ok: false,
          error_code: 400,
          description: 'Bad Request: failed to get HTTP URL content',
        });
      }
      if (method === 'sendMessage' || method === 'sendPhoto') {
        accepted.push(call);
        return answer(res, 200, {
          ok: true,
          result: { message_id: ++messageId, chat: { id: -1001, type: 'channel' } },
        });
      }
      return answer(res, 404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  Object.assign(fake, {
    url: `http://127.0.0.1:${port}`,
    calls,
    posts: () => [...accepted],
    addBot(token: string, list: string[]) {
      bots.set(token, new Set(list));
    },
    failNext(n: number) {
      failures = n;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  return fake;
}
