// The server's log: one line per request (Fastify's default is two, "incoming request" and
// "request completed"), as JSON when stdout is a file, a pipe or the journal, where tools read
// it, and as plain text (pino-pretty) when a person watches it on a terminal. pino-pretty is
// loaded only then, and writes synchronously: a terminal is not where speed matters.
//
// The JSON lines are written asynchronously, gathered into writes of a few kilobytes (pino's
// sonic-boom destination) instead of one write call per line on the event loop; what is
// gathered is written within a quarter second, and at exit. Each write is whole lines and at
// most PIPE_BUF bytes: the workers of `midad serve --workers N` share one stdout, and a pipe
// keeps only writes that small in one piece, so larger ones were spliced into each other's
// lines when the reader fell behind. MIDAD_REQUEST_LOG=slow keeps only the lines of failed
// requests and of those slower than MIDAD_SLOW_REQUEST_MS.
import { createRequire } from 'node:module';
import { type FastifyReply, type FastifyRequest, type FastifyServerOptions, LogController } from 'fastify';
import type { Config, RequestLogConfig } from '../config.ts';

export interface LogTarget {
  /** Whether a person reads the log: true when stdout is a terminal. */
  tty: boolean;
  /** Where the lines go; stdout unless a test gives another stream. */
  destination?: NodeJS.WritableStream;
}

/** Fields of the request line that the readable form already says in its message. */
const SAID_IN_MESSAGE = ['method', 'url', 'statusCode', 'responseTime'];

export function loggerOptions(
  level: Config['logLevel'],
  target: LogTarget = { tty: process.stdout.isTTY === true },
): NonNullable<Exclude<FastifyServerOptions['logger'], boolean>> {
  if (!target.tty) {
    return { level, stream: target.destination ?? bufferedStdout() };
  }
  const pretty = createRequire(import.meta.url)('pino-pretty') as typeof import('pino-pretty');
  return {
    level,
    stream: pretty({
      colorize: target.destination === undefined,
      translateTime: 'SYS:HH:MM:ss',
      ignore: ['pid', 'hostname', 'reqId', ...SAID_IN_MESSAGE].join(','),
      singleLine: true,
      sync: true,
      ...(target.destination ? { destination: target.destination } : {}),
    }),
  };
}

/**
 * Bytes gathered before a write, the most one write takes (PIPE_BUF on Linux, the size a pipe
 * writes atomically; a line longer than that goes alone), and the longest a line waits when the
 * site is quiet.
 */
export const BUFFERED_WRITE = { minBytes: 2048, maxBytes: 4096 };
const FLUSH_EVERY_MS = 250;

interface SonicBoom extends NodeJS.WritableStream {
  flush(): void;
  flushSync(): void;
}

let stdoutDestination: SonicBoom | null = null;

/** A buffered, asynchronous writer on a file descriptor, as the log uses on stdout. */
export function bufferedDestination(fd: number): SonicBoom {
  // pino as Fastify ships it: the same version Fastify's logger is built on.
  const fromFastify = createRequire(createRequire(import.meta.url).resolve('fastify'));
  const pino = fromFastify('pino') as {
    destination(options: { dest: number; sync: boolean; minLength: number; maxWrite: number }): SonicBoom;
  };
  return pino.destination({
    dest: fd,
    sync: false,
    minLength: BUFFERED_WRITE.minBytes,
    maxWrite: BUFFERED_WRITE.maxBytes,
  });
}

/** One buffered, asynchronous writer on stdout per process, flushed on a timer and at exit. */
function bufferedStdout(): SonicBoom {
  if (stdoutDestination) return stdoutDestination;
  const destination = bufferedDestination(1);
  stdoutDestination = destination;
  setInterval(() => {
    try {
      destination.flush();
    } catch {
      // A write already in progress takes the buffer with it.
    }
  }, FLUSH_EVERY_MS).unref();
  process.on('exit', () => {
    try {
      destination.flushSync();
    } catch {
      // stdout closed (the reading end went away): nothing more can be said.
    }
  });
  return destination;
}

/**
 * Fastify's request lines, one per request instead of two or three: nothing when a request
 * arrives or finds no route, and once it is answered the method, address, status and time,
 * said in the message too. With `mode: 'slow'` only failed requests (5xx or an error) and those
 * slower than `slowMs` get one; with `mode: 'off'` only errors do.
 */
export class OneLinePerRequest extends LogController {
  private readonly settings: RequestLogConfig;

  constructor(settings: RequestLogConfig = { mode: 'all', slowMs: 1000 }) {
    super();
    this.settings = settings;
  }

  override incomingRequest(): void {}

  /** The request's own line already says 404. */
  override routeNotFound(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const failed = error != null || reply.statusCode >= 500;
    const { mode, slowMs } = this.settings;
    if (!failed && (mode === 'off' || (mode === 'slow' && reply.elapsedTime < slowMs))) return;
    const ms = Math.round(reply.elapsedTime * 10) / 10;
    const fields = {
      method: request.method,
      url: request.url,
      statusCode: reply.statusCode,
      responseTime: ms,
    };
    const line = `${request.method} ${request.url} ${reply.statusCode} ${ms} ms`;
    if (error) reply.log.error({ ...fields, err: error }, line);
    else if (mode !== 'all') reply.log.warn({ ...fields, ...(failed ? {} : { slow: true }) }, line);
    else reply.log.info(fields, line);
  }
}
