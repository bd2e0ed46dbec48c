// The soak's last phase with several workers: the same readers and writers go on while one worker
// is killed with SIGKILL. The requests that were in flight on it fail with it, as they must; they
// are counted apart, and can be no more than one per reader connection and writer. So are new
// connections that the primary handed to the worker after it died and before it saw the death
// (the primary accepts every connection and passes it on; until the exit reaches it, the dead
// worker is still on its list): they fail before their first answer. Every other failure in the
// phase, before the kill or once the primary has seen the worker die (and a second more, for
// connections already handed over), is an error: the other workers keep serving, and the primary
// starts a replacement.
import { replaced } from '../../test/crash/processes.ts';
import type { LoadOptions, LoadResult } from '../load.ts';
import { childPids, type Server } from './servers.ts';
import type { Recorder } from './soak-clients.ts';

/** After the primary has said the worker died: connections it handed over just before. */
const GRACE_MS = 1000;

export interface KillReport {
  victim: number;
  /** From the kill until the primary said the worker died, and until a new worker answered. */
  noticedMs: number;
  replacedMs: number;
  /** Failures of requests in flight on the killed worker, or handed to it dead, by kind. */
  atKill: Map<string, number>;
  /** Of those, the ones on connections that had been answered before: in flight on it. */
  inFlight: number;
  /** Any other failure in the phase, by kind. */
  errors: Map<string, number>;
  /** Reader answers after the kill: the site kept serving. */
  answersAfter: number;
  loads: LoadResult[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

export async function killWorkerUnderLoad(options: {
  server: Server;
  /** Runs the readers for this long with these hooks; the writers are already running. */
  load: (seconds: number, hooks: Pick<LoadOptions, 'onAnswer' | 'onSocketError'>) => Promise<LoadResult[]>;
  recorder: Recorder;
  seconds: number;
  killAfterS: number;
}): Promise<KillReport> {
  const { server, recorder } = options;
  const baseUrl = `http://127.0.0.1:${server.port}`;
  const atKill = new Map<string, number>();
  const errors = new Map<string, number>();
  let killedAt = 0;
  let noticedAt = 0;
  let answersAfter = 0;
  let inFlight = 0;
  /** Returns whether the kill accounts for the failure. */
  const classify = (kind: string): boolean => {
    const now = performance.now();
    const cutOff = killedAt > 0 && (noticedAt === 0 || now <= noticedAt + GRACE_MS);
    add(cutOff ? atKill : errors, kind);
    return cutOff;
  };
  recorder.claim = (kind) => {
    if (classify(kind)) inFlight++;
    return true;
  };
  const loads = options.load(options.seconds, {
    onAnswer: (status) => {
      if (status < 200 || status >= 400) classify(`reader: HTTP ${status}`);
      else if (killedAt > 0) answersAfter++;
    },
    onSocketError: (code, answered) => {
      if (answered === 0) classify(`reader socket: ${code} on a new connection`);
      else if (classify(`reader socket: ${code}`)) inFlight++;
    },
  });

  await sleep(options.killAfterS * 1000);
  const primary = server.child.pid ?? 0;
  const before = childPids(server);
  const victim = before[Math.floor(Math.random() * before.length)];
  if (victim === undefined) throw new Error('the server runs no workers to kill');
  killedAt = performance.now();
  process.kill(victim, 'SIGKILL');
  const said = `(pid ${victim}) died`;
  while (!server.errors().includes(said)) {
    if (performance.now() - killedAt > 30_000) throw new Error(`the primary never said: ${said}`);
    await sleep(5);
  }
  noticedAt = performance.now();
  await replaced({ baseUrl, primary, victim, before });
  const replacedMs = performance.now() - killedAt;
  const results = await loads;
  return {
    victim,
    noticedMs: noticedAt - killedAt,
    replacedMs,
    atKill,
    inFlight,
    errors,
    answersAfter,
    loads: results,
  };
}
