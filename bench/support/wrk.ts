// wrk (Debian's package) as the load generator of bench/pages.ts when it is installed: written in
// C, it takes less of the machine's cores than bench/load.ts, so the server measured and nginx
// beside it both get more of them, and it is what the page budgets were first measured with.
// Paths are requested in turn from a file (a Lua script); every answer but a 200 is counted, and
// the counts, latencies and duration come back in one line the script writes when wrk is done.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const WRK = ['/usr/bin/wrk', '/usr/local/bin/wrk'].find((p) => fs.existsSync(p)) ?? null;

export interface WrkResult {
  requests: number;
  perSecond: number;
  /** Milliseconds. */
  p50: number;
  p99: number;
  seconds: number;
  /** Answers other than 200. */
  bad: number;
  /** Connections wrk could not open, or that failed or timed out mid-request. */
  socketErrors: number;
}

const SCRIPT = `
local paths = {}
for line in io.lines(os.getenv("MIDAD_BENCH_PATHS")) do paths[#paths + 1] = line end
local threads = {}
local made = 0
function setup(thread)
  thread:set("first", made * 7919)
  made = made + 1
  table.insert(threads, thread)
end
local i = 0
bad = 0
function init(args) i = first % #paths end
function request()
  i = i % #paths + 1
  return wrk.format(nil, paths[i])
end
function response(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end
function done(summary, latency, requests)
  local b = 0
  for _, t in ipairs(threads) do b = b + t:get("bad") end
  local e = summary.errors
  io.write(string.format("MIDAD-WRK requests=%d duration=%d bad=%d errors=%d p50=%d p99=%d\\n",
    summary.requests, summary.duration, b, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
`;

export function runWrk(options: {
  port: number;
  paths: string[];
  connections: number;
  seconds: number;
  headers: Record<string, string>;
  /** A folder for the script and the list of paths. */
  work: string;
}): WrkResult {
  if (!WRK) throw new Error('wrk is not installed');
  const script = path.join(options.work, 'wrk-paths.lua');
  const list = path.join(options.work, 'wrk-paths.txt');
  fs.writeFileSync(script, SCRIPT);
  fs.writeFileSync(list, `${options.paths.join('\n')}\n`);
  const run = spawnSync(
    WRK,
    [
      `-c${options.connections}`,
      '-t2',
      `-d${options.seconds}s`,
      '--timeout',
      '10s',
      ...Object.entries(options.headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]),
      '-s',
      script,
      `http://127.0.0.1:${options.port}/`,
    ],
    { encoding: 'utf8', env: { ...process.env, MIDAD_BENCH_PATHS: list } },
  );
  const line = /MIDAD-WRK (.*)/.exec(run.stdout ?? '')?.[1];
  if (run.status !== 0 || !line) {
    throw new Error(`wrk failed (${run.status ?? run.signal}): ${run.stderr || run.stdout}`);
  }
  const field = (name: string) => Number(new RegExp(`${name}=(\\d+)`).exec(line)?.[1] ?? Number.NaN);
  const seconds = field('duration') / 1e6;
  return {
    requests: field('requests'),
    perSecond: field('requests') / seconds,
    p50: field('p50') / 1000,
    p99: field('p99') / 1000,
    seconds,
    bad: field('bad'),
    socketErrors: field('errors'),
  };
}
