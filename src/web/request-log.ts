// The server's log: one line per request (Fastify's default is two, "incoming request" and
// "request completed"), as JSON when stdout is a file, a pipe or the journal, where tools read
// it, and as plain text (pino-pretty) when a person watches it on a terminal. pino-pretty is
// loaded only then, and writes synchronously: a terminal is not where speed matters.
import { createRequire } from 'node:module';
import { type FastifyReply, type FastifyRequest, type FastifyServerOptions, LogController } from 'fastify';
import type { Config } from '../config.ts';

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
    return target.destination ? { level, stream: target.destination } : { level };
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
 * Fastify's request lines, one per request instead of two or three: nothing when a request
 * arrives or finds no route, and once it is answered the method, address, status and time,
 * said in the message too.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  /** The request's own line already says 404. */
  override routeNotFound(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const ms = Math.round(reply.elapsedTime * 10) / 10;
    const fields = {
      method: request.method,
      url: request.url,
      statusCode: reply.statusCode,
      responseTime: ms,
    };
    const line = `${request.method} ${request.url} ${reply.statusCode} ${ms} ms`;
    if (error) reply.log.error({ ...fields, err: error }, line);
    else reply.log.info(fields, line);
  }
}
