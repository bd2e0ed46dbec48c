// Processes a benchmark starts, and what it does to them: `midad serve` and the static yardstick
// spawned on free loopback ports, their peak resident memory read from /proc when they stop, and
// clean-up that runs however the script ends (an error, Ctrl-C, a kill), so no server is left
// running and no database is left behind.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { workerPids } from '../../test/crash/processes.ts';
import { freePort } from '../../test/support/site.ts';
import { type LoadResult, runLoad } from '../load.ts';

export interface Server {
  child: ChildProcess;
  port: number;
  /** Everything the server wrote on its standard output so far. */
  output(): string;
  /** Everything it wrote on its standard error so far (also passed on to this process's). */
  errors(): string;
}

/** What a browser sends: the compressed copy of a page is what a reader gets. */
export const BROWSER = { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html' };

const children = new Set<ChildProcess>();
const cleanups: (() => Promise<void>)[] = [];

// Whatever happens, no child outlives the script (synchronous: the only kind 'exit' allows).
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    process.stderr.write(`\n${signal}: cleaning up\n`);
    void cleanUp().finally(() => process.exit(130));
  });
}

/** Adds a step to the clean-up (run last-added first). */
export function atCleanup(step: () => Promise<void>): void {
  cleanups.push(step);
}

let cleaning: Promise<void> | null = null;

/**
 * Stops every server still running and runs the clean-up steps; call it in a `finally`. A
 * signal and the `finally` it causes share one run, so neither exits before the other is done.
 */
export function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const child of children) child.kill('SIGKILL');
    children.clear();
    while (cleanups.length > 0) {
      const step = cleanups.pop()!;
      await step().catch((err: unknown) => process.stderr.write(`clean-up failed: ${String(err)}\n`));
    }
  })();
  return cleaning;
}

export interface MidadOptions {
  dataDir: string;
  /** MIDAD_PAGE_CACHE_MB; 0 turns the page cache off. */
  cacheMb: number;
  /** DATABASE_URL; the SQLite file in the data folder without it. */
  databaseUrl?: string;
  /** REDIS_URL; none (one process on its own) without it. */
  redisUrl?: string;
  /** Further settings, e.g. MIDAD_TRUST_PROXY. */
  env?: Record<string, string>;
  /** `--workers`; the default (one per core) without it. */
  workers?: number;
}

/** Settings of the caller's environment that must not reach the servers a benchmark starts. */
const OWN_SETTINGS = [
  'DATABASE_URL',
  'REDIS_URL',
  'MIDAD_DATA_DIR',
  'MIDAD_PUBLIC_URL',
  'MIDAD_ADMIN_EMAIL',
  'MIDAD_REDIS_OPTIONAL',
  'MIDAD_FROM_SOURCE',
  'MIDAD_PAGE_CACHE_MB',
  'MIDAD_WORKERS',
  'PORT',
  'HOST',
];

let compiled = false;

/**
 * Compiles the server as installation does (dist/midad.mjs), so the benchmark measures what
 * production runs: `bin/midad.js` would otherwise run edited sources through tsx, which holds
 * more memory.
 */
function compileServer(): void {
  if (compiled) return;
  const build = spawnSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' });
  if (build.status !== 0)
    throw new Error(`scripts/build-server.mjs failed (${build.status ?? build.signal})`);
  compiled = true;
}

/** Starts `midad serve` (compiled, as shipped) on a free loopback port and waits until it serves. */
export async function startMidad(options: MidadOptions): Promise<Server> {
  compileServer();
  const port = await freePort();
  const env = { ...process.env };
  for (const name of OWN_SETTINGS) delete env[name];
  return spawnServer(
    // As shipped: the memory settings that bin/midad.js's first line and `npm start` give node.
    [
      '--max-old-space-size=256',
      '--max-semi-space-size=4',
      '--no-concurrent-recompilation',
      'bin/midad.js',
      'serve',
      ...(options.workers !== undefined ? ['--workers', String(options.workers)] : []),
    ],
    {
      ...env,
      MALLOC_ARENA_MAX: '2',
      MIDAD_DATA_DIR: options.dataDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      MIDAD_PAGE_CACHE_MB: String(options.cacheMb),
      ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
      ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
      ...options.env,
    },
    port,
    'Midad is serving',
  );
}

/** Node's own http server answering every request with one saved response (see static-server.ts). */
export async function startStatic(responseFile: string): Promise<Server> {
  const port = await freePort();
  return spawnServer(
    ['--import', 'tsx', 'bench/static-server.ts', String(port), responseFile],
    process.env,
    port,
    'listening',
  );
}

async function spawnServer(
  args: string[],
  env: NodeJS.ProcessEnv,
  port: number,
  ready: string,
): Promise<Server> {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    err += chunk.toString();
    process.stderr.write(chunk);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${ready}" within 120 s: ${out}`)), 120_000);
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      if (out.includes(ready)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}): ${out}`));
    });
  });
  return { child, port, output: () => out, errors: () => err };
}

/** Resident memory of a running server now, in MB. */
export function rssMb(server: Server): number {
  const status = fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Resident memory of a running server and of its workers, if any, now, in MB. */
export function totalRssMb(server: Server): number {
  const of = (pid: number) => {
    try {
      return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
    } catch {
      return 0; // A worker that just died.
    }
  };
  return [server.child.pid ?? 0, ...childPids(server)].reduce((sum, pid) => sum + of(pid), 0);
}

/** Clock ticks per second of /proc's CPU times (USER_HZ: 100 on Linux unless told otherwise). */
let ticksPerSecond: number | undefined;
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    const out = spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' });
    ticksPerSecond = Number(out.stdout?.trim()) || 100;
  }
  return ticksPerSecond;
}

/**
 * CPU seconds a server has used so far (user and system, its primary and its workers), or null
 * without /proc. Divided by the answers of a load, it gives the CPU one answer costs: a figure a
 * busy machine disturbs far less than requests per second, which fall whenever another process
 * takes a core from the server.
 */
export function cpuSeconds(server: Server): number | null {
  if (server.child.pid === undefined) return null;
  let ticks = 0;
  for (const pid of [server.child.pid, ...childPids(server)]) {
    try {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      if (pid === server.child.pid) return null;
    }
  }
  return ticks / clockTicks();
}

/** The pids of a server's workers (none when it serves alone, or without /proc). */
export function childPids(server: Server): number[] {
  return server.child.pid === undefined ? [] : workerPids(server.child.pid);
}

/** Peak resident memory of a running server so far, in MB. */
export function peakRssMb(server: Server): number {
  const status = fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * Peak resident memory of each serving process, in MB: the workers of a cluster (the primary
 * serves nothing), or the one process.
 */
export function workerPeakRssMb(server: Server): number[] {
  const children = childPids(server);
  const peak = (p: number) =>
    Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  // No /proc: one figure for the whole.
  return children.length > 0 ? children.map(peak) : [peakRssMb(server)];
}

/** Stops a server (SIGTERM, then SIGKILL after 15 s) and returns its peak resident memory in MB. */
export async function stop(server: Server): Promise<number> {
  const peak = peakRssMb(server);
  if (server.child.exitCode === null) {
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    const timer = setTimeout(() => server.child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  }
  children.delete(server.child);
  return peak;
}

/** The raw answer (still compressed) to a browser-like request. */
export function rawGet(
  port: number,
  url: string,
): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: url, headers: BROWSER, timeout: 30_000 }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers[k] = v;
          resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
        });
      })
      .on('timeout', function (this: http.ClientRequest) {
        this.destroy(new Error(`GET ${url} took over 30 s`));
      })
      .on('error', reject);
  });
}

export interface MeasureOptions {
  port: number | number[];
  paths: string[];
  connections: number;
  seconds: number;
  warmUpSeconds: number;
}

/** Browser-like load after a warm-up; anything but 200 fails the benchmark. */
export async function measure(options: MeasureOptions): Promise<LoadResult> {
  const { warmUpSeconds, ...load } = options;
  await runLoad({ ...load, headers: BROWSER, seconds: warmUpSeconds });
  const result = await runLoad({ ...load, headers: BROWSER });
  const bad = [...result.statuses].filter(([status]) => status !== 200);
  if (bad.length > 0) throw new Error(`unexpected answers: ${JSON.stringify(bad)}`);
  return result;
}
