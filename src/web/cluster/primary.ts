// The primary of `midad serve --workers N`: forks the workers (each a full server on the shared
// port; Node's cluster hands them connections in turn), passes page-cache evictions from one
// worker to the others, replaces a worker that dies (at once the first time, then backing off
// while it keeps dying young), and on SIGTERM or SIGINT asks every worker to finish its requests
// in flight and exits once they all have. It opens no database and serves nothing itself, so
// it has little that can fail.
import cluster, { type Worker } from 'node:cluster';
import { isMidadMessage, type PrimaryMessage, SLOT_VARIABLE, type WorkerMessage } from './messages.ts';

export interface PrimaryLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface Backoff {
  /** The wait before the second start in a row of a worker that died young; doubled each time. */
  firstMs: number;
  maxMs: number;
  /** A worker that ran this long before dying was not in a loop: its replacement starts at once. */
  stableMs: number;
}

export const DEFAULT_BACKOFF: Backoff = { firstMs: 1000, maxMs: 60_000, stableMs: 30_000 };

export interface PrimaryOptions {
  count: number;
  /** How long workers get to finish requests after a signal, before they are killed. */
  graceMs: number;
  log: PrimaryLog;
  /** Called once, when every worker of the first start listens. */
  onServing(address: string): void;
  backoff?: Backoff;
  exit?: (code: number) => void;
  /** Starts a worker with these environment variables; node:cluster's fork unless a test gives one. */
  fork?: (env: Record<string, string>) => Worker;
  /** Listens to SIGTERM and SIGINT (tests call the returned stop function instead). */
  signals?: boolean;
}

interface Slot {
  index: number;
  worker: Worker | null;
  startedAt: number;
  /** Deaths in a row of workers that did not live `stableMs`. */
  youngDeaths: number;
  restart: NodeJS.Timeout | null;
}

/** The wait before replacing a worker that died after `youngDeaths` short lives in a row. */
export function restartDelay(youngDeaths: number, backoff: Backoff): number {
  if (youngDeaths <= 1) return 0;
  return Math.min(backoff.maxMs, backoff.firstMs * 2 ** (youngDeaths - 2));
}

/** Returns what a signal does: asks every worker to drain, then exits. */
export function runPrimary(options: PrimaryOptions): (signal: NodeJS.Signals) => void {
  const { log, graceMs } = options;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const slots: Slot[] = Array.from({ length: options.count }, (_, index) => ({
    index,
    worker: null,
    startedAt: 0,
    youngDeaths: 0,
    restart: null,
  }));
  let starting = true;
  let stopping = false;
  let exitCode = 0;
  const listening = new Set<number>();

  const send = (worker: Worker, message: PrimaryMessage) => {
    // A worker killed a moment ago still looks connected until its channel closes: the write
    // then fails (EPIPE), and without a callback that failure is an 'error' event, which stopped
    // the primary and every worker with it. The death itself is handled on 'exit'; its
    // replacement starts with an empty page cache, so a lost eviction leaves nothing stale.
    if (worker.isConnected()) worker.send(message, undefined, undefined, () => {});
  };

  const fork = (slot: Slot) => {
    slot.restart = null;
    const worker = (options.fork ?? ((env) => cluster.fork(env)))({ [SLOT_VARIABLE]: String(slot.index) });
    slot.worker = worker;
    slot.startedAt = Date.now();
    // Any other failure of the channel to a worker is reported, not fatal to the primary.
    worker.on('error', (err: Error) =>
      log.warn(`worker ${slot.index} (pid ${worker.process.pid}): ${err.message}`),
    );
    worker.on('message', (message: unknown) => {
      if (!isMidadMessage<WorkerMessage>(message)) return;
      if (message.midad === 'evict') {
        for (const other of slots) {
          if (other.worker && other.worker !== worker) {
            send(other.worker, { midad: 'evict', invalidation: message.invalidation });
          }
        }
      } else if (message.midad === 'listening') {
        listening.add(slot.index);
        if (starting && listening.size === slots.length) {
          starting = false;
          options.onServing(message.address);
        }
        // A replacement may have missed evictions sent while it started: it starts with an
        // empty page cache, so there is nothing stale for it to serve.
      }
    });
    worker.on('exit', (code, signal) => {
      slot.worker = null;
      listening.delete(slot.index);
      const pid = worker.process.pid;
      if (stopping) {
        if (code !== 0) exitCode = 1;
        finishIfAllGone();
        return;
      }
      if (starting) {
        // The others would fail the same way (port taken, database unreachable): its error is
        // above, printed by the worker; stop rather than fork in a loop.
        log.warn(`worker ${slot.index} (pid ${pid}) stopped (${code ?? signal}) while starting: stopping`);
        stopAll(1);
        return;
      }
      const lived = Date.now() - slot.startedAt;
      slot.youngDeaths = lived >= backoff.stableMs ? 1 : slot.youngDeaths + 1;
      const delay = restartDelay(slot.youngDeaths, backoff);
      const loop =
        slot.youngDeaths > 1
          ? `; it died ${slot.youngDeaths} times in a row within ${backoff.stableMs / 1000} s of starting`
          : '';
      log.warn(
        `worker ${slot.index} (pid ${pid}) died (${signal ?? `exit code ${code}`}) after ${Math.round(lived / 1000)} s${loop}: ` +
          (delay === 0
            ? 'starting another now'
            : `starting another in ${delay / 1000} s; the other workers keep serving`),
      );
      slot.restart = setTimeout(() => fork(slot), delay);
    });
  };

  const finishIfAllGone = () => {
    if (slots.every((s) => s.worker === null)) exit(exitCode);
  };

  let hardStop: NodeJS.Timeout | null = null;
  const stopAll = (code: number) => {
    stopping = true;
    exitCode = Math.max(exitCode, code);
    for (const slot of slots) {
      if (slot.restart) clearTimeout(slot.restart);
      slot.restart = null;
      if (slot.worker) send(slot.worker, { midad: 'shutdown' });
    }
    // Workers cut their own slow requests after graceMs; this is for one that hangs anyway.
    hardStop = setTimeout(() => {
      for (const slot of slots) {
        if (slot.worker) {
          log.warn(`worker ${slot.index} (pid ${slot.worker.process.pid}) still running: killing it`);
          slot.worker.process.kill('SIGKILL');
        }
      }
    }, graceMs + 10_000);
    hardStop.unref();
    finishIfAllGone();
  };

  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn(`second ${signal} while shutting down: exiting now`);
      for (const slot of slots) slot.worker?.process.kill('SIGKILL');
      exit(1);
      return;
    }
    log.info(`${signal}: workers finish their requests in flight, then stop`);
    stopAll(0);
  };
  if (options.signals !== false) {
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  }

  for (const slot of slots) fork(slot);
  return onSignal;
}
