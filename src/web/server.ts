// Starts listening and stops gracefully. The only module that opens a port.
import type { FastifyInstance } from 'fastify';
import { SetupError } from '../core/errors.ts';

export async function listen(app: FastifyInstance, host: string, port: number): Promise<string> {
  try {
    return await app.listen({ host, port });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new SetupError(
        `Port ${port} on ${host} is already in use. Stop the other program or set PORT to a free port.`,
      );
    }
    if (code === 'EACCES') {
      throw new SetupError(
        `Not allowed to listen on port ${port}. Ports below 1024 need special rights; use PORT=3000.`,
      );
    }
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      throw new SetupError(`HOST "${host}" is not an address of this machine. Use 127.0.0.1 or 0.0.0.0.`);
    }
    throw err;
  }
}

export interface Running {
  app: FastifyInstance;
  /** Background work (the publishing scheduler, webhook deliveries): stopped, and awaited, with the server. */
  background: { stop(): Promise<void> }[];
  /** Closed last, once no request can use it any more. */
  services: { close(): Promise<void> };
  /** Milliseconds requests in flight may take to finish before their connections are cut. */
  graceMs: number;
}

/**
 * Stops accepting connections (idle keep-alive ones are closed, and requests still arriving on
 * busy ones get 503), lets requests in flight finish for up to `graceMs`, stops the background
 * work, then closes the database.
 */
export async function shutDown({ app, background, services, graceMs }: Running): Promise<void> {
  const timer = setTimeout(() => {
    app.log.warn(`requests still running after ${graceMs} ms: closing their connections`);
    app.server.closeAllConnections();
  }, graceMs);
  try {
    await Promise.all([app.close(), ...background.map((b) => b.stop())]);
  } finally {
    clearTimeout(timer);
  }
  await services.close();
}

/**
 * SIGTERM or SIGINT shuts down gracefully and exits 0; a second signal exits at once with 1.
 * Returns a function that starts the same shutdown without a signal (a cluster worker asked by
 * its primary); it does nothing once a shutdown has begun, so a worker that gets both the
 * terminal's SIGINT and its primary's request is not cut short. Long-lived answers (event
 * streams) are ended from a Fastify `preClose` hook, which app.close() runs first.
 */
export function shutDownOnSignals(
  running: Running,
  exit: (code: number) => void = process.exit,
): (reason: string) => void {
  let stopping = false;
  const begin = (reason: string) => {
    stopping = true;
    running.app.log.info({ reason }, 'shutting down: finishing requests in flight');
    shutDown(running).then(
      () => exit(0),
      (err: unknown) => {
        running.app.log.error({ err }, 'shutdown failed');
        exit(1);
      },
    );
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      running.app.log.warn({ signal }, 'second signal while shutting down: exiting now');
      exit(1);
      return;
    }
    begin(signal);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  return (reason) => {
    if (!stopping) begin(reason);
  };
}
