// A small keep-alive HTTP/1.1 load generator over raw sockets: N connections, each sending one
// request at a time for a fixed duration, recording the latency of every answer in a histogram.
// It parses only the status line and the body's length (Content-Length, or the end of a chunked
// body), so it spends as little CPU as it can: on a 2-core machine the generator competes with
// the server it measures, and a heavy client would flatter the slow server and understate the
// fast one.
import net from 'node:net';
import { createHistogram, type RecordableHistogram } from 'node:perf_hooks';

export interface LoadOptions {
  /** One port, or several (processes of one site): connections are spread over them in turn. */
  port: number | number[];
  /** Requested in turn, round-robin across all connections. */
  paths: string[];
  connections: number;
  /** How long the load runs, or at most, with `until`. */
  seconds: number;
  /** Ends the load early when it settles (e.g. when a task measured under load is done). */
  until?: Promise<unknown>;
  headers?: Record<string, string>;
  /**
   * Count a connection's failure (refused, reset, closed with an answer outstanding) in
   * `socketErrors` and connect again, instead of ending the load with it (a soak test wants to
   * know how many).
   */
  keepGoing?: boolean;
  /** Told of every answer and every failed connection as they come (the soak times them). */
  onAnswer?: (status: number) => void;
  /** `answered`: the answers the connection had before it failed (0: it never served one). */
  onSocketError?: (code: string, answered: number) => void;
}

export interface Figures {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
}

export interface LoadResult extends Figures {
  /** How long the load ran. */
  seconds: number;
  /** Answers by status code. */
  statuses: Map<number, number>;
  /** With `keepGoing`: failed connections by error code ('closed' for a close mid-answer). */
  socketErrors: Map<string, number>;
  /** The same figures for each port, in the order given. */
  byPort: (Figures & { port: number })[];
}

/** The value below which a share `p` of the sorted values fall. */
export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

// Latencies go into a histogram (microseconds, three significant digits), not a list: a
// ten-minute soak answers over twenty million requests, and sorting that many numbers at the
// end stopped this process for twenty seconds, the writers measured beside the load included.
function newHistogram(): RecordableHistogram {
  return createHistogram({ lowest: 1, highest: 3_600_000_000, figures: 3 });
}

function figures(latencies: RecordableHistogram, seconds: number): Figures {
  return {
    requests: latencies.count,
    perSecond: latencies.count / seconds,
    p50: latencies.count === 0 ? 0 : latencies.percentile(50) / 1000,
    p99: latencies.count === 0 ? 0 : latencies.percentile(99) / 1000,
  };
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const ports = Array.isArray(options.port) ? options.port : [options.port];
  const extra = Object.entries(options.headers ?? {})
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  const requestsFor = (port: number) =>
    options.paths.map((p) =>
      Buffer.from(`GET ${p} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${extra}\r\n`, 'latin1'),
    );
  const latencies = ports.map(newHistogram);
  const statuses = new Map<number, number>();
  const socketErrors = new Map<string, number>();
  let next = 0;
  let running = true;
  const started = process.hrtime.bigint();
  const done: Promise<void>[] = [];
  for (let i = 0; i < options.connections; i++) {
    const which = i % ports.length;
    const requests = requestsFor(ports[which]!);
    let answered = 0;
    const open = (): Promise<void> =>
      connection(
        ports[which]!,
        () => (running ? requests[next++ % requests.length]! : null),
        (status, micros) => {
          answered++;
          latencies[which]!.record(Math.min(3_600_000_000, Math.max(1, micros)));
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          options.onAnswer?.(status);
        },
      ).catch(async (err: NodeJS.ErrnoException) => {
        if (!options.keepGoing) throw err;
        const code = err.code ?? err.message;
        socketErrors.set(code, (socketErrors.get(code) ?? 0) + 1);
        options.onSocketError?.(code, answered);
        answered = 0;
        // A short pause, so a server that refuses every connection is not hammered in a loop.
        await new Promise((resolve) => setTimeout(resolve, 50));
        if (running) await open();
      });
    done.push(open());
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    new Promise((resolve) => {
      timer = setTimeout(resolve, options.seconds * 1000);
    }),
    ...(options.until ? [options.until.catch(() => {})] : []),
  ]);
  clearTimeout(timer);
  running = false;
  await Promise.all(done);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const all = newHistogram();
  for (const h of latencies) all.add(h);
  return {
    ...figures(all, seconds),
    seconds,
    statuses,
    socketErrors,
    byPort: ports.map((port, i) => ({ port, ...figures(latencies[i]!, seconds) })),
  };
}
/** One connection: send, read one whole answer, record it, send the next; until told to stop. */
function connection(
  port: number,
  nextRequest: () => Buffer | null,
  record: (status: number, micros: number) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setNoDelay(true);
    let head: Buffer | null = null;
    /** Body bytes still expected; -1 while reading a head, -2 for a chunked body. */
    let remaining = -1;
    let tail = '';
    let status = 0;
    let sentAt = 0n;
    const send = () => {
      const request = nextRequest();
      if (!request) {
        socket.end();
        resolve();
        return;
      }
      sentAt = process.hrtime.bigint();
      socket.write(request);
    };
    const finish = () => {
      remaining = -1;
      record(status, Number((process.hrtime.bigint() - sentAt) / 1000n));
      send();
    };
    socket.on('connect', send);
    socket.on('error', reject);
    // Closed by the other side while an answer is awaited (after an error, reject came first).
    socket.on('close', () => reject(Object.assign(new Error('connection closed'), { code: 'closed' })));
    socket.on('data', (chunk: Buffer) => {
      if (remaining === -1) {
        head = head ? Buffer.concat([head, chunk]) : chunk;
        const end = head.indexOf('\r\n\r\n');
        if (end < 0) return;
        const text = head.toString('latin1', 0, end);
        status = Number(text.slice(9, 12));
        const body = head.subarray(end + 4);
        head = null;
        const length = /\r\ncontent-length: *(\d+)/i.exec(text);
        if (!length && /\r\ntransfer-encoding: *chunked/i.test(text)) {
          // Without pipelining the last bytes received end the body: the zero-size chunk.
          remaining = -2;
          tail = '';
          chunk = body;
        } else {
          remaining = Number(length?.[1] ?? 0) - body.length;
          chunk = Buffer.alloc(0);
        }
      } else if (remaining >= 0) {
        remaining -= chunk.length;
      }
      if (remaining === -2) {
        tail = (tail + chunk.toString('latin1')).slice(-5);
        if (tail === '0\r\n\r\n') finish();
        return;
      }
      if (remaining > 0) return;
      if (remaining < 0) {
        socket.destroy();
        reject(new Error('more bytes than the answer announced'));
        return;
      }
      finish();
    });
  });
}
