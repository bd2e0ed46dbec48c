// Search as readers and apps meet it, on a seeded site (demo content plus generated Arabic
// articles with bylines and tags, indexed as `midad reindex` leaves them):
//  1. /api/v1/search latency (p50/p95/p99) for many distinct queries, so neither the API's
//     answer cache nor the shared results cache ever answers: every request takes the whole
//     uncached path (full-text match, ranking, loading the articles, snippets, JSON). The API
//     runs in this process (its rate limit raised, everything else as served), so
//     `node --cpu-prof --import tsx bench/search-api.ts` profiles that path, the SQLite engine
//     included. On SQLite and on PostgreSQL (a fresh database made through
//     MIDAD_TEST_POSTGRES_URL's connection, dropped at the end).
//  2. The search page under load with 10 queries in turn, served by `midad serve` (compiled,
//     default workers, results cache on as it runs by default), as req/s and p99.
// Budgets (2 cores): API p95 ≤ 30 ms at 100,000 articles on both engines; search page ≥ 500
// req/s at 10,000 articles.
// Run: node --import tsx bench/search-api.ts [--articles 100000] [--engine sqlite|postgres|both|none]
//      [--queries 100] [--page-articles 10000] [--seconds 5] [--connections 32]
//      [--sqlite-dir DIR] [--postgres-url URL] [--page-dir DIR]
// The --*-dir and --postgres-url options keep a seeded site there (seeded when empty) and reuse it.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/connect.ts';
import { openServices } from '../src/services/context.ts';
import { contentApi } from '../src/web/api/content-routes.ts';
import { loadAssets } from '../src/web/assets.ts';
import { registerErrorHandling } from '../src/web/errors.ts';
import { workerPids } from '../test/crash/processes.ts';
import { benchQueries } from './search-corpus.ts';
import { createDatabase } from './support/postgres.ts';
import { seedSite } from './support/seed.ts';
import { runLoad } from './load.ts';
import { atCleanup, BROWSER, cleanUp, startMidad, stop } from './support/servers.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    engine: { type: 'string', default: 'both' },
    queries: { type: 'string', default: '100' },
    'page-articles': { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '32' },
    'sqlite-dir': { type: 'string' },
    'postgres-url': { type: 'string' },
    'page-dir': { type: 'string' },
  },
});
const ARTICLES = Number(values.articles);
const PAGE_ARTICLES = Number(values['page-articles']);
const QUERIES_PER_LENGTH = Number(values.queries);

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** CPU seconds a server has used (user + system), its workers included, from /proc. */
function serverCpuSeconds(pid: number): number {
  const own = (p: number) => {
    const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  };
  return [pid, ...workerPids(pid)].reduce((sum, p) => sum + own(p), 0);
}

function line(values: number[]): string {
  const sorted = [...values].sort((a, b) => a - b);
  const f = (p: number) => percentile(sorted, p).toFixed(1);
  return `p50 ${f(50)} ms, p95 ${f(95)} ms, p99 ${f(99)} ms`;
}

/** A data folder for a site: the one given (kept), or a temporary one removed at the end. */
function dataFolder(given: string | undefined, prefix: string): string {
  if (given) {
    fs.mkdirSync(given, { recursive: true });
    return path.resolve(given);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  atCleanup(async () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Seeds the site unless the folder (or database) already holds one; says how long it took. */
async function seedOnce(label: string, dataDir: string, articles: number, databaseUrl?: string) {
  const marker = path.join(dataDir, `.bench-seeded-${articles}`);
  if (fs.existsSync(marker)) return;
  const t = performance.now();
  await seedSite({ dataDir, articles, related: false, ...(databaseUrl ? { databaseUrl } : {}) });
  if (databaseUrl) {
    // What autovacuum does soon after a bulk load on a real server: the planner needs the
    // tables' statistics to choose the search indexes.
    const db = await openDatabase(databaseUrl);
    await sql`ANALYZE`.execute(db.kysely);
    await db.close();
  }
  fs.writeFileSync(marker, databaseUrl ?? '');
  console.log(`${label}: ${articles} articles seeded in ${((performance.now() - t) / 1000).toFixed(0)} s`);
}

function get(port: number, url: string, agent: http.Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: url, agent }, (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on('error', reject);
  });
}

async function apiLatency(label: string, dataDir: string, databaseUrl?: string): Promise<void> {
  await seedOnce(label, dataDir, ARTICLES, databaseUrl);
  const config = loadConfig({}, { dataDir, logLevel: 'silent', ...(databaseUrl ? { databaseUrl } : {}) });
  const services = await openServices(config);
  const app = Fastify();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    registerErrorHandling(app, { services, assets: loadAssets().urls });
    // One client asks hundreds of queries a minute: the per-address limit would answer 429.
    await app.register(contentApi, { prefix: '/api/v1', services, rateLimitMax: 1_000_000 });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const seen = new Set<string>();
    const queries = benchQueries(QUERIES_PER_LENGTH).filter((q) => !seen.has(q.text) && seen.add(q.text));
    // Warm-up on queries of their own (the first statements are prepared, the code compiled).
    for (const q of benchQueries(10, 99))
      await get(port, `/api/v1/search?q=${encodeURIComponent(q.text)}`, agent);
    // CPU time beside wall time: on a machine shared with other work, the CPU figure is the one
    // that still says what a query costs (the API runs in this process; on PostgreSQL the
    // database server's own share is not in it).
    const all: number[] = [];
    const allCpu: number[] = [];
    let estimated = 0;
    for (const n of [1, 2, 3]) {
      const times: number[] = [];
      for (const q of queries.filter((x) => x.words === n)) {
        const cpu = process.cpuUsage();
        const start = performance.now();
        const res = await get(port, `/api/v1/search?q=${encodeURIComponent(q.text)}`, agent);
        times.push(performance.now() - start);
        const used = process.cpuUsage(cpu);
        allCpu.push((used.user + used.system) / 1000);
        if (res.status !== 200) throw new Error(`/api/v1/search?q=${q.text}: ${res.status} ${res.body}`);
        if ((JSON.parse(res.body) as { total_is_estimate: boolean }).total_is_estimate) estimated++;
      }
      all.push(...times);
      console.log(`${label}: /api/v1/search, ${n}-word queries (${times.length}): ${line(times)}`);
    }
    console.log(
      `${label}: /api/v1/search, all ${all.length} distinct queries, uncached: ${line(all)} ` +
        `(${estimated} totals estimated; load average ${os.loadavg()[0]!.toFixed(2)})`,
    );
    console.log(`${label}: /api/v1/search, CPU time of this process per query: ${line(allCpu)}`);
  } finally {
    agent.destroy();
    await app.close();
    await services.close();
  }
}

async function searchPage(): Promise<void> {
  const dataDir = dataFolder(values['page-dir'], 'midad-bench-search-page-');
  await seedOnce('search page site', dataDir, PAGE_ARTICLES);
  const paths = benchQueries(10, 5)
    .filter((q) => q.words === 2)
    .map((q) => `/search?q=${encodeURIComponent(q.text)}`);
  const server = await startMidad({ dataDir, cacheMb: 64 });
  try {
    // req/s depends on what else the machine runs; the server's CPU time per page does not, and
    // says how many pages a core can serve.
    const load = {
      port: server.port,
      paths,
      connections: Number(values.connections),
      headers: BROWSER,
    };
    await runLoad({ ...load, seconds: 1 });
    const pid = server.child.pid!;
    const before = serverCpuSeconds(pid);
    const result = await runLoad({ ...load, seconds: Number(values.seconds) });
    const cpuMs = ((serverCpuSeconds(pid) - before) * 1000) / Math.max(1, result.requests);
    const bad = [...result.statuses].filter(([status]) => status !== 200);
    if (bad.length > 0) throw new Error(`unexpected answers: ${JSON.stringify(bad)}`);
    console.log(
      `search page, ${paths.length} queries in turn, ${PAGE_ARTICLES} articles, \`midad serve\` defaults: ` +
        `${result.perSecond.toFixed(0)} req/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms; ` +
        `server CPU ${cpuMs.toFixed(2)} ms per page, so ${Math.round((os.availableParallelism() * 1000) / cpuMs)} ` +
        `pages per second of all cores (load average ${os.loadavg()[0]!.toFixed(2)})`,
    );
  } finally {
    await stop(server);
  }
}

try {
  console.log(`${os.availableParallelism()} cores, load average ${os.loadavg()[0]!.toFixed(2)}`);
  if (values.engine === 'sqlite' || values.engine === 'both') {
    await apiLatency('sqlite', dataFolder(values['sqlite-dir'], 'midad-bench-search-sqlite-'));
  }
  if (values.engine === 'postgres' || values.engine === 'both') {
    let url = values['postgres-url'];
    if (!url) {
      const database = await createDatabase('midad_bench_search');
      atCleanup(() => database.drop());
      url = database.url;
    }
    // The data folder holds media and the seeded marker; the articles live in the database.
    const dir = values['postgres-url']
      ? dataFolder(path.join(os.tmpdir(), `midad-bench-pg-${new URL(url).pathname.slice(1)}`), '')
      : dataFolder(undefined, 'midad-bench-search-pg-');
    await apiLatency('postgres', dir, url);
  }
  if (PAGE_ARTICLES > 0) await searchPage();
} finally {
  await cleanUp();
}
