// What readership counting costs cached pages: a real `midad serve` (page cache on, as shipped)
// with counting off and on, same site, same run. Rows:
//   off                      cached article page, the `readership.enabled` setting off;
//   on                       the same with counting on (the page carries the beacon's tag and
//                            the counter's timer runs, but no beacon arrives);
//   on + beacons             the same while beacons arrive at a steady rate (--beacons per second,
//                            default 500, i.e. 1.8 million views an hour: far beyond a small
//                            newsroom), each from a reader not seen before (addresses through
//                            X-Forwarded-For, their own user agents) for one of the articles, so
//                            every beacon takes the whole path: parse, bot check, hash, buffer,
//                            and the flushes every 5 s.
// Each row is measured --rounds times (default 3), in turn with the others, after both servers
// are warmed up; prints the medians: req/s and latency p50/p99 (noisy on a machine shared with
// other work), and the server's own CPU time per page answered (not noisy: it decides how many
// pages a CPU-second serves), each as a share of "off". The budget: counting costs at most 5%.
// Also the CPU time of one beacon, what one beacon per page view would cost, and the views
// stored against the beacons answered.
// Run: npm run bench:readership -- [--articles 1000] [--seconds 10] [--connections 32] [--beacons 500] [--rounds 3]
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { openServices } from '../src/services/context.ts';
import { updateSiteSettings } from '../src/services/settings.ts';
import { type LoadResult, runLoad } from './load.ts';
import { seedSite } from './support/seed.ts';
import { BROWSER, cleanUp, type Server, startMidad, stop } from './support/servers.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
    beacons: { type: 'string', default: '500' },
    rounds: { type: 'string', default: '3' },
  },
});
const ARTICLES = Number(values.articles);
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const BEACONS_PER_SECOND = Number(values.beacons);
const ROUNDS = Number(values.rounds);
const WARM_UP_SECONDS = 2;
const BEACON_CONNECTIONS = 4;

async function setCounting(dataDir: string, on: boolean): Promise<void> {
  const services = await openServices(loadConfig({}, { dataDir, logLevel: 'silent' }));
  try {
    await updateSiteSettings(services.repos, { readership: on });
  } finally {
    await services.close();
  }
}

async function storedViews(dataDir: string): Promise<number> {
  const services = await openServices(loadConfig({}, { dataDir, logLevel: 'silent' }));
  try {
    const row = await services.db.kysely
      .selectFrom('readership_hours')
      .select((eb) => eb.fn.sum<number | string>('views').as('n'))
      .where('article_id', '>', 0)
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  } finally {
    await services.close();
  }
}

/** Beacons sent so far, over all rounds: each is a reader not seen before. */
let n = 0;

/** CPU seconds the process has used (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}
const CLOCK_TICKS = 100;

interface Row {
  result: LoadResult;
  /** Server CPU time per page answered, beacons handled meanwhile included (µs). */
  cpuPerPage: number;
}

/**
 * Sends beacons at a steady rate over a few keep-alive connections until `stop` settles; each
 * one a different reader and one of the given articles. Returns how many got their 204.
 */
function beaconStream(
  port: number,
  ids: number[],
  perSecond: number,
  stopAt: Promise<void>,
): Promise<number> {
  let answered = 0;
  let running = true;
  void stopAt.then(() => {
    running = false;
  });
  const request = () => {
    n++;
    const body = JSON.stringify({
      a: ids[n % ids.length],
      l: 'ar',
      r: n % 3 === 0 ? 'news.example.org' : '',
    });
    const address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
    return Buffer.from(
      `POST /hit HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\ncontent-type: text/plain;charset=UTF-8\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nsec-fetch-site: same-origin\r\nx-forwarded-for: ${address}\r\n` +
        `user-agent: Mozilla/5.0 (Linux; Android 14; Pixel ${n % 5000}) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36\r\n\r\n${body}`,
      'utf8',
    );
  };
  const gap = (1000 * BEACON_CONNECTIONS) / perSecond;
  const one = () =>
    new Promise<void>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.setNoDelay(true);
      let due = performance.now();
      let buffered = '';
      const send = () => {
        if (!running) {
          socket.end();
          resolve();
          return;
        }
        due += gap;
        socket.write(request());
      };
      socket.on('connect', send);
      socket.on('error', reject);
      socket.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('latin1');
        // A 204 has no body: an answer ends with its head.
        let end = buffered.indexOf('\r\n\r\n');
        while (end >= 0) {
          if (buffered.startsWith('HTTP/1.1 204')) answered++;
          buffered = buffered.slice(end + 4);
          end = buffered.indexOf('\r\n\r\n');
          setTimeout(send, Math.max(0, due - performance.now()));
        }
      });
    });
  return Promise.all(Array.from({ length: BEACON_CONNECTIONS }, one)).then(() => answered);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-bench-readership-'));
try {
  const dataDir = path.join(work, 'data');
  const { hot, spread } = await seedSite({ dataDir, articles: ARTICLES });
  const ids = spread.map((p) => Number(/\/article\/(\d+)\//.exec(p)?.[1]));
  console.log(
    `${ARTICLES} articles seeded; ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(2)}; ` +
      `${CONNECTIONS} connections, ${SECONDS} s per row after ${WARM_UP_SECONDS} s of warm-up; ` +
      `beacons at ${BEACONS_PER_SECOND}/s over ${BEACON_CONNECTIONS} connections`,
  );
  // Requests per second on a machine other work shares are a noisy figure; the server's own
  // CPU time per page answered is not, and it is what decides how many pages a core can serve.
  const measure = async (server: Server): Promise<Row> => {
    const load = { port: server.port, paths: [hot], connections: CONNECTIONS, headers: BROWSER };
    await runLoad({ ...load, seconds: WARM_UP_SECONDS });
    const pid = server.child.pid!;
    const before = cpuSeconds(pid);
    const result = await runLoad({ ...load, seconds: SECONDS });
    const cpu = cpuSeconds(pid) - before;
    const bad = [...result.statuses].filter(([status]) => status !== 200);
    if (bad.length > 0) throw new Error(`unexpected answers: ${JSON.stringify(bad)}`);
    return { result, cpuPerPage: (cpu * 1e6) / result.requests };
  };
  // Two copies of the site, counting off in one and on in the other, both serving at once; the
  // rows are measured in turn, round after round, and each row's median is kept, so a machine
  // whose load drifts (other work on it) weighs on every row alike.
  const offDir = path.join(work, 'off');
  fs.cpSync(dataDir, offDir, { recursive: true });
  await setCounting(offDir, false);
  await setCounting(dataDir, true);
  const env = { MIDAD_TRUST_PROXY: '1' };
  const off = await startMidad({ dataDir: offDir, cacheMb: 64, env });
  const on = await startMidad({ dataDir, cacheMb: 64, env });
  const names = [
    'counting off',
    'counting on, no beacon arriving',
    `counting on, ${BEACONS_PER_SECOND} beacons/s arriving`,
  ];
  const results: Row[][] = names.map(() => []);
  // Both servers warmed up first (the beacon path too), so the first round is not the JIT's.
  for (const server of [off, on])
    await runLoad({
      port: server.port,
      paths: [hot],
      connections: CONNECTIONS,
      headers: BROWSER,
      seconds: 5,
    });
  {
    let stopWarm!: () => void;
    const warmed = new Promise<void>((resolve) => {
      stopWarm = resolve;
    });
    const warming = beaconStream(on.port, ids, BEACONS_PER_SECOND, warmed);
    await new Promise((resolve) => setTimeout(resolve, 5000));
    stopWarm();
    await warming;
  }
  let answered = 0;
  const perBeacon: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    results[0]!.push(await measure(off));
    results[1]!.push(await measure(on));
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const beacons = beaconStream(on.port, ids, BEACONS_PER_SECOND, finished);
    results[2]!.push(await measure(on));
    finish();
    const inRound = await beacons;
    answered += inRound;
    // The beacons' own CPU: what this row used beyond the pages, at the "on" row's cost per page.
    const row = results[2]!.at(-1)!;
    const pageCpu = results[1]!.at(-1)!.cpuPerPage;
    const during = (inRound * SECONDS) / (SECONDS + WARM_UP_SECONDS);
    perBeacon.push(((row.cpuPerPage - pageCpu) * row.result.requests) / Math.max(1, during));
  }
  await stop(off);
  // SIGTERM: the server writes the counts it holds before it exits.
  await stop(on);
  const stored = await storedViews(dataDir);
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const rows = names.map((name, i) => ({
    name,
    perSecond: median(results[i]!.map((r) => r.result.perSecond)),
    p50: median(results[i]!.map((r) => r.result.p50)),
    p99: median(results[i]!.map((r) => r.result.p99)),
    cpu: median(results[i]!.map((r) => r.cpuPerPage)),
    all: results[i]!,
  }));
  const base = rows[0]!;
  console.log(
    '\n| cached article page | req/s | p50 ms | p99 ms | vs off | server CPU µs/page | pages per CPU-second vs off |',
  );
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(
      `| ${r.name} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(2)} | ${r.p99.toFixed(2)} | ` +
        `${((100 * r.perSecond) / base.perSecond).toFixed(1)}% | ${r.cpu.toFixed(1)} | ${((100 * base.cpu) / r.cpu).toFixed(1)}% |`,
    );
  }
  console.log('\nmedians of the rounds; each round (req/s, CPU µs/page):');
  for (const r of rows) {
    console.log(
      `  ${r.name}: ${r.all.map((x) => `${x.result.perSecond.toFixed(0)}/${x.cpuPerPage.toFixed(1)}`).join(', ')}`,
    );
  }
  console.log(
    `beacons answered 204: ${answered} (${(answered / ROUNDS / (SECONDS + WARM_UP_SECONDS)).toFixed(0)}/s); ` +
      `views stored (the warm-up's included): ${stored}`,
  );
  const beaconCpu = median(perBeacon);
  console.log(
    `server CPU per beacon: ${beaconCpu.toFixed(1)} µs (rounds: ${perBeacon.map((b) => b.toFixed(1)).join(', ')}); ` +
      `with one beacon for every page view, counting would cost ${((100 * beaconCpu) / (base.cpu + beaconCpu)).toFixed(1)}% ` +
      'of what a CPU-second serves (a cached page from memory is the cheapest answer there is)',
  );
  const worst = Math.max(...rows.slice(1).map((r) => r.cpu)) / base.cpu;
  console.log(
    `cost of counting: ${((1 - 1 / worst) * 100).toFixed(1)}% of the pages a CPU-second serves (budget <= 5%); ` +
      `req/s on a shared machine: ${((1 - Math.min(...rows.slice(1).map((r) => r.perSecond)) / base.perSecond) * 100).toFixed(1)}%`,
  );
} finally {
  await cleanUp();
  fs.rmSync(work, { recursive: true, force: true });
}
