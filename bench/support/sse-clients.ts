// A crowd of event-stream readers for the live coverage benchmark and its short test: each
// holds one connection (no keep-alive pool sharing), parses `id:`/`event:` frames and notes
// when each entry arrived. Plain node:http, so a thousand of them cost little.
import http from 'node:http';

export interface SseCrowd {
  /** Per client: entry id → the moment (ms since the epoch) it arrived. */
  received: Map<number, number>[];
  /** Clients whose stream answered 200. */
  connected(): number;
  errors: string[];
  /** Resolves once every client got these entry ids, or rejects after `ms`. */
  waitFor(ids: number[], ms: number): Promise<void>;
  close(): void;
}

export async function openSseCrowd(options: {
  port: number;
  path: string;
  count: number;
  /** Connections opened at once; the rest wait their turn. */
  burst?: number;
}): Promise<SseCrowd> {
  const received: Map<number, number>[] = [];
  const errors: string[] = [];
  const requests: http.ClientRequest[] = [];
  const agent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  let ok = 0;
  let closing = false;

  const open = (index: number) =>
    new Promise<void>((resolve) => {
      const got = new Map<number, number>();
      received[index] = got;
      const req = http.get(
        {
          host: '127.0.0.1',
          port: options.port,
          path: options.path,
          agent,
          headers: { accept: 'text/event-stream' },
        },
        (res) => {
          if (res.statusCode !== 200) {
            errors.push(`client ${index}: status ${res.statusCode}`);
            res.resume();
            resolve();
            return;
          }
          ok++;
          res.setEncoding('utf8');
          let buffer = '';
          res.on('data', (chunk: string) => {
            buffer += chunk;
            let at = buffer.indexOf('\n\n');
            while (at !== -1) {
              const block = buffer.slice(0, at);
              buffer = buffer.slice(at + 2);
              if (block.includes('event: entry')) {
                const id = /^id: (\d+)$/m.exec(block);
                if (id && !got.has(Number(id[1]))) got.set(Number(id[1]), Date.now());
              }
              at = buffer.indexOf('\n\n');
            }
          });
          res.on('end', () => {
            if (!closing) errors.push(`client ${index}: stream ended`);
          });
          res.on('error', (err) => {
            if (!closing) errors.push(`client ${index}: ${err.message}`);
          });
          resolve();
        },
      );
      req.on('error', (err) => {
        if (!closing) errors.push(`client ${index}: ${err.message}`);
        resolve();
      });
      requests.push(req);
    });

  const burst = options.burst ?? 100;
  for (let i = 0; i < options.count; i += burst) {
    await Promise.all(Array.from({ length: Math.min(burst, options.count - i) }, (_, j) => open(i + j)));
  }

  return {
    received,
    connected: () => ok,
    errors,
    async waitFor(ids, ms) {
      const deadline = Date.now() + ms;
      while (!received.every((got) => ids.every((id) => got.has(id)))) {
        if (Date.now() > deadline) {
          const missing = received.filter((got) => !ids.every((id) => got.has(id))).length;
          throw new Error(`${missing} of ${received.length} clients missed an entry after ${ms} ms`);
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close() {
      closing = true;
      for (const req of requests) req.destroy();
      agent.destroy();
    },
  };
}

/** The p-th percentile (0–100) of some numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
