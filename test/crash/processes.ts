// The processes of a `midad serve --workers N` under the crash test: which workers the primary
// runs (read from /proc, as the kernel knows them), waiting until killed ones are really gone,
// and waiting until the primary has replaced one and the replacement answers.
import fs from 'node:fs';
import http from 'node:http';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The pids of the primary's children: its workers (none when it serves alone). */
export function workerPids(primary: number): number[] {
  try {
    return fs
      .readFileSync(`/proc/${primary}/task/${primary}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** Alive and not a zombie waiting to be reaped (a zombie holds no lock and no socket). */
function alive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The state follows the command name, which is in parentheses and may contain spaces.
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Resolves once none of the processes is alive: a killed worker may take a moment to go. */
export async function gone(pids: number[], timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (pids.some(alive)) {
    if (performance.now() > deadline) throw new Error(`processes ${pids.filter(alive)} outlived SIGKILL`);
    await sleep(10);
  }
}

/** The pid of the worker that answered /readyz on a connection of its own (cluster: in turn). */
function answeringPid(baseUrl: string): Promise<number | null> {
  return new Promise((resolve) => {
    const req = http.get(new URL('/readyz', baseUrl), { agent: false, timeout: 5000 }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => {
        try {
          resolve(res.statusCode === 200 ? Number(JSON.parse(body).process.pid) : null);
        } catch {
          resolve(null);
        }
      });
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(null));
  });
}

/**
 * Resolves once the primary has said the worker `victim` died (when its `output` is given) and a
 * worker that was not there before answers requests: the primary forks the replacement when it
 * sees the death, and from then on hands connections only to live workers.
 */
export async function replaced(options: {
  baseUrl: string;
  primary: number;
  victim: number;
  before: number[];
  output?: () => string;
  timeoutMs?: number;
}): Promise<void> {
  const deadline = performance.now() + (options.timeoutMs ?? 60_000);
  const fail = (what: string) => {
    throw new Error(`worker ${options.victim} killed: ${what}\n${options.output?.().slice(-2000) ?? ''}`);
  };
  while (options.output && !options.output().includes(`(pid ${options.victim}) died`)) {
    if (performance.now() > deadline) fail('the primary never said it died');
    await sleep(10);
  }
  for (;;) {
    const fresh = workerPids(options.primary).filter((pid) => !options.before.includes(pid));
    if (fresh.length > 0 && fresh.includes((await answeringPid(options.baseUrl)) ?? -1)) return;
    if (performance.now() > deadline) fail('no replacement answered');
    await sleep(50);
  }
}
