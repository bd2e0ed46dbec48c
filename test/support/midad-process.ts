// `midad serve` as a child process, for tests that need real processes (several sharing one
// PostgreSQL and one Redis): started with a given environment, waited for until it says it is
// serving, stopped with SIGTERM, and killed by the test's cleanup if it would not stop.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const BIN = path.resolve('bin/midad.js');
const COMPILED = path.resolve('dist/midad.mjs');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Builds dist/midad.mjs when a source file is newer than it, as bin/midad.js decides, for tests
 * that start many processes: the compiled program starts in about a second, tsx takes several.
 */
export function compileIfStale(): void {
  const built = fs.statSync(COMPILED, { throwIfNoEntry: false });
  if (built && built.mtimeMs >= newestSource(path.resolve('src'))) return;
  const build = spawnSync(process.execPath, ['scripts/build-server.mjs'], { encoding: 'utf8' });
  if (build.status !== 0) {
    throw new Error(`scripts/build-server.mjs failed (${build.status ?? build.signal}): ${build.stderr}`);
  }
}

/** What the test's own environment must not leak into the server's. */
const OWN_SETTINGS = [
  'DATABASE_URL',
  'REDIS_URL',
  'MIDAD_DATA_DIR',
  'MIDAD_PUBLIC_URL',
  'MIDAD_ADMIN_EMAIL',
  'MIDAD_REDIS_OPTIONAL',
  'PORT',
  'HOST',
  'MIDAD_WORKERS',
];

export interface MidadProcess {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  /** Everything printed so far (standard output, then standard error), for failure messages. */
  output(): string;
  stdout(): string;
  /** Sends SIGTERM and waits for the exit; rejects after `timeoutMs`. */
  stop(timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /**
   * Kills it outright if it is still running (test cleanup); started with `group`, its whole
   * process group (the primary and every worker at once, as a power cut or the OOM killer would).
   */
  kill(): Promise<void>;
}

export async function startMidad(options: {
  port: number;
  env: Record<string, string>;
  startTimeoutMs: number;
  /** Serving processes (`--workers`); one unless a test is about several. */
  workers?: number;
  /** Its own process group, so that kill() reaches the workers too (a crash test). */
  group?: boolean;
}): Promise<MidadProcess> {
  const base: Record<string, string | undefined> = { ...process.env };
  for (const name of OWN_SETTINGS) delete base[name];
  const child = spawn(
    process.execPath,
    [
      BIN,
      'serve',
      '--port',
      String(options.port),
      '--host',
      '127.0.0.1',
      '--workers',
      String(options.workers ?? 1),
    ],
    {
      env: { ...base, LOG_LEVEL: 'warn', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: options.group === true,
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const output = () => `stdout:\n${stdout}\nstderr:\n${stderr}`;
  const running = () => child.exitCode === null && child.signalCode === null;
  const handle: MidadProcess = {
    child,
    baseUrl: `http://127.0.0.1:${options.port}`,
    output,
    stdout: () => stdout,
    async stop(timeoutMs) {
      if (running()) child.kill('SIGTERM');
      return withTimeout(
        exited,
        timeoutMs,
        () => `did not exit within ${timeoutMs} ms of SIGTERM\n${output()}`,
      );
    },
    async kill() {
      if (options.group && child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // The group is already gone.
        }
      }
      if (!running()) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
  try {
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (stdout.includes('Midad is serving')) resolve();
        };
        child.stdout.on('data', check);
        check();
        void exited.then(({ code, signal }) =>
          reject(new Error(`midad serve exited (${code ?? signal}) before serving\n${output()}`)),
        );
      }),
      options.startTimeoutMs,
      () => `midad serve did not start within ${options.startTimeoutMs} ms\n${output()}`,
    );
  } catch (err) {
    await handle.kill();
    throw err;
  }
  return handle;
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
