// Midad beside nginx, in one run on one machine, at both servers' defaults: a generated
// 10,000-post WordPress export is imported with `midad import wordpress`, article addresses are
// read from the site's sitemap, and nginx serves the bytes of one article page from a file
// (access log on, gzip_static). Rows: the cached article page (plain and gzip), the uncached
// article page (page cache off, 2,000 articles in turn) and the search page (10 queries in
// turn), with one worker and with the default (one per core); each as req/s, p99, its share
// of nginx's plain or gzip figure and the CPU time Midad's processes spent per answer; then the
// peak RSS of every worker. Without nginx on the
// machine, Node's http server answering the same bytes from memory stands in, and the output
// says so (it flatters Midad: it uses one core, as nginx does not). The load comes from wrk
// (two threads) where it is installed (scripts/install-test-deps.sh installs it), else from
// bench/load.ts, which takes more of the cores the servers share with it; the output says which.
// Budgets (issue 19, 2 cores): cached ≥ 0.6× nginx; uncached ≥ 0.04× and p99 ≤ 20 ms; search
// ≥ 0.01×; RSS ≤ 150 MB per worker. On a machine busy with other work the figures are noisy:
// the load average is printed first, and CPU per answer moves far less than req/s there (it is
// the figure to compare two builds by).
// Run: node --import tsx bench/pages.ts [--articles 10000] [--seconds 5] [--connections 32]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { type LoadResult, runLoad } from './load.ts';
import {
  atCleanup,
  cleanUp,
  cpuSeconds,
  type Server,
  startMidad,
  startStatic,
  stop,
  workerPeakRssMb,
} from './support/servers.ts';
import { runWrk, WRK } from './support/wrk.ts';
import { SEARCHES, writeExport } from './support/wxr.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '5' },
    connections: { type: 'string', default: '32' },
  },
});
const ARTICLES = Number(values.articles);
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const WARM_UP_SECONDS = 1;
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p)) ?? null;

const PLAIN = { accept: 'text/html' };
const GZIP = { accept: 'text/html', 'accept-encoding': 'gzip' };

/**
 * Load after a warm-up; anything but 200 fails the benchmark. `reconnect`: a connection the
 * server closes is opened again, as wrk does (nginx closes a keep-alive connection after 1,000
 * requests by default); Midad's rows allow no closed connection.
 */
async function load(
  port: number,
  paths: string[],
  headers: Record<string, string>,
  reconnect = false,
  server?: Server,
): Promise<Measured> {
  if (WRK) return loadWithWrk(port, paths, headers, reconnect, server);
  const options = { port, paths, connections: CONNECTIONS, headers, keepGoing: reconnect };
  await runLoad({ ...options, seconds: WARM_UP_SECONDS });
  const cpuBefore = server ? cpuSeconds(server) : null;
  const result = await runLoad({ ...options, seconds: SECONDS });
  const cpuAfter = server ? cpuSeconds(server) : null;
  const bad = [...result.statuses].filter(([status]) => status !== 200);
  if (bad.length > 0) throw new Error(`unexpected answers: ${JSON.stringify(bad)}`);
  const cpuMs =
    cpuBefore !== null && cpuAfter !== null && result.requests > 0
      ? ((cpuAfter - cpuBefore) * 1000) / result.requests
      : null;
  return { ...result, cpuMs };
}

/** The same with wrk; a connection failure fails Midad's rows (nginx's may close and reopen). */
async function loadWithWrk(
  port: number,
  paths: string[],
  headers: Record<string, string>,
  reconnect: boolean,
  server?: Server,
): Promise<Measured> {
  const options = { port, paths, connections: CONNECTIONS, headers, work };
  runWrk({ ...options, seconds: WARM_UP_SECONDS });
  const cpuBefore = server ? cpuSeconds(server) : null;
  const result = runWrk({ ...options, seconds: SECONDS });
  const cpuAfter = server ? cpuSeconds(server) : null;
  if (result.bad > 0) throw new Error(`${result.bad} answers other than 200`);
  if (!reconnect && result.socketErrors > 0) throw new Error(`${result.socketErrors} connections failed`);
  const cpuMs =
    cpuBefore !== null && cpuAfter !== null && result.requests > 0
      ? ((cpuAfter - cpuBefore) * 1000) / result.requests
      : null;
  return { ...result, cpuMs };
}

/** A load's figures, and the server's CPU per answer in ms (null for the yardstick). */
type Measured = Pick<LoadResult, 'requests' | 'perSecond' | 'p50' | 'p99'> & { cpuMs: number | null };

function midadBin(args: string[], env: NodeJS.ProcessEnv): void {
  const run = spawnSync(process.execPath, ['--max-old-space-size=256', 'bin/midad.js', ...args], {
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`midad ${args.join(' ')} failed: ${run.stderr}`);
}

/** Article addresses from the sitemap index and its sitemaps, as a crawler finds them. */
async function sitemapArticles(port: number): Promise<string[]> {
  const locs = async (url: string) =>
    [...(await plainGet(port, url)).toString('utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => {
      const u = new URL(m[1]!.replace(/&amp;/g, '&'));
      return u.pathname + u.search;
    });
  const found: string[] = [];
  for (const loc of await locs('/sitemap.xml')) {
    if (loc.endsWith('.xml')) found.push(...(await locs(loc)));
    else found.push(loc);
  }
  return found.filter((p) => p.startsWith('/article/'));
}

/** The page as a client that accepts no compression gets it. */
function plainGet(port: number, url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: url, headers: PLAIN }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(Buffer.concat(chunks))
            : reject(new Error(`${url}: ${res.statusCode}`)),
        );
      })
      .on('error', reject);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** nginx at its packaged defaults (worker per core, access log on) plus gzip_static, serving one page. */
async function startNginx(
  work: string,
  page: Buffer,
  gzipped: Buffer,
): Promise<{ port: number; stop(): void }> {
  const prefix = path.join(work, 'nginx');
  const www = path.join(prefix, 'www');
  fs.mkdirSync(www, { recursive: true });
  fs.writeFileSync(path.join(www, 'article.html'), page);
  fs.writeFileSync(path.join(www, 'article.html.gz'), gzipped);
  // nginx's workers run as nobody: the folders on the way must be readable.
  for (let dir = www; dir !== path.dirname(dir) && dir.startsWith(work); dir = path.dirname(dir)) {
    fs.chmodSync(dir, 0o755);
  }
  fs.chmodSync(work, 0o755);
  const port = await freePort();
  const conf = path.join(prefix, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `worker_processes auto;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${prefix}/access.log;
  sendfile on;
  keepalive_timeout 65;
  gzip_static on;
  server {
    listen 127.0.0.1:${port};
    root ${www};
    location / { try_files /article.html =404; }
  }
}
`,
  );
  const child = spawn(NGINX!, ['-p', prefix, '-c', conf, '-g', 'daemon off;'], { stdio: 'inherit' });
  const stopNginx = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  atCleanup(async () => stopNginx());
  for (let i = 0; i < 100; i++) {
    const up = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => {
        socket.end();
        resolve(true);
      });
      socket.on('error', () => resolve(false));
    });
    if (up) return { port, stop: stopNginx };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nginx did not start (see ${prefix}/error.log)`);
}

interface Row {
  name: string;
  /** The nginx row it is a share of. */
  versus: 'plain' | 'gzip';
  result: Measured;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-bench-pages-'));
try {
  const dataDir = path.join(work, 'data');
  const env: NodeJS.ProcessEnv = { ...process.env, MIDAD_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'MIDAD_WORKERS', 'MIDAD_PAGE_CACHE_MB']) delete env[name];
  spawnSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' });
  let t = performance.now();
  const exportFile = path.join(work, 'export.xml');
  await writeExport(exportFile, { posts: ARTICLES, comments: ARTICLES, tags: 40 });
  midadBin(['init', '--no-demo'], env);
  midadBin(['import', 'wordpress', exportFile], env);
  console.log(
    `${ARTICLES} posts imported with \`midad import wordpress\` in ${((performance.now() - t) / 1000).toFixed(0)} s; ` +
      `${os.availableParallelism()} cores, load average ${os.loadavg()[0]!.toFixed(2)}; ` +
      `${CONNECTIONS} connections, ${SECONDS} s per row after ${WARM_UP_SECONDS} s of warm-up; ` +
      (WRK ? 'load from wrk (2 threads)' : 'load from bench/load.ts (wrk is not installed)'),
  );
  t = performance.now();

  const first = await startMidad({ dataDir, cacheMb: 64, workers: 1 });
  const articles = await sitemapArticles(first.port);
  if (articles.length < 100) throw new Error(`the sitemap lists only ${articles.length} articles`);
  const hot = articles[0]!;
  const step = Math.max(1, Math.floor(articles.length / 2000));
  const uncached = articles.filter((_, i) => i % step === 0).slice(0, 2000);
  const searches = Array.from(
    { length: 10 },
    (_, i) => `/search?q=${encodeURIComponent(SEARCHES[i % SEARCHES.length]!)}`,
  );
  const plainPage = await plainGet(first.port, hot);
  await stop(first);

  const yardstick: Record<'plain' | 'gzip', Measured> = {} as Record<'plain' | 'gzip', Measured>;
  let yardstickName: string;
  if (NGINX) {
    // The bytes a plain request gets, and their gzip form for gzip_static.
    const page = plainPage;
    const nginx = await startNginx(work, page, gzipSync(page, { level: 9 }));
    yardstickName = 'nginx';
    yardstick.plain = await load(nginx.port, [hot], PLAIN, true);
    yardstick.gzip = await load(nginx.port, [hot], GZIP, true);
    nginx.stop();
  } else {
    yardstickName = "Node's http server (nginx is not installed: this flatters Midad)";
    const responseFile = path.join(work, 'response.json');
    const headers = { 'content-type': 'text/html; charset=utf-8' };
    fs.writeFileSync(responseFile, JSON.stringify({ headers, body: plainPage.toString('base64') }));
    const fallback = await startStatic(responseFile);
    yardstick.plain = await load(fallback.port, [hot], PLAIN);
    yardstick.gzip = yardstick.plain;
    await stop(fallback);
  }

  const configurations: { label: string; workers?: number }[] = [
    { label: '1 worker', workers: 1 },
    { label: `default (${os.availableParallelism()} workers)` },
  ];
  const results: { label: string; rows: Row[]; rss: number[] }[] = [];
  for (const configuration of configurations) {
    const rows: Row[] = [];
    const cached: Server = await startMidad({ dataDir, cacheMb: 64, ...configuration });
    rows.push({
      name: 'cached article',
      versus: 'plain',
      result: await load(cached.port, [hot], PLAIN, false, cached),
    });
    rows.push({
      name: 'cached article, gzip',
      versus: 'gzip',
      result: await load(cached.port, [hot], GZIP, false, cached),
    });
    rows.push({
      name: 'search page (10 queries)',
      versus: 'gzip',
      result: await load(cached.port, searches, GZIP, false, cached),
    });
    const rss = workerPeakRssMb(cached);
    await stop(cached);
    const cold: Server = await startMidad({ dataDir, cacheMb: 0, ...configuration });
    rows.push({
      name: `uncached article (${uncached.length} in turn)`,
      versus: 'gzip',
      result: await load(cold.port, uncached, GZIP, false, cold),
    });
    const coldRss = workerPeakRssMb(cold);
    await stop(cold);
    results.push({ label: configuration.label, rows, rss: rss.map((r, i) => Math.max(r, coldRss[i] ?? 0)) });
  }

  console.log(
    `\nyardstick: ${yardstickName}; measured in ${((performance.now() - t) / 1000).toFixed(0)} s\n`,
  );
  console.log(
    `| page | ${yardstickName.split(' ')[0]} req/s | ${results.map((r) => `Midad ${r.label}: req/s, p99 ms, share, CPU ms per answer`).join(' | ')} |`,
  );
  console.log(`| --- | ---: | ${results.map(() => '---:').join(' | ')} |`);
  for (let i = 0; i < results[0]!.rows.length; i++) {
    const row = results[0]!.rows[i]!;
    const base = yardstick[row.versus].perSecond;
    const cells = results.map(({ rows }) => {
      const r = rows[i]!.result;
      const cpu = r.cpuMs === null ? 'n/a' : r.cpuMs.toFixed(3);
      return `${r.perSecond.toFixed(0)}, ${r.p99.toFixed(1)}, ${(r.perSecond / base).toFixed(3)}, ${cpu}`;
    });
    console.log(`| ${row.name} | ${base.toFixed(0)} (${row.versus}) | ${cells.join(' | ')} |`);
  }
  for (const { label, rss } of results) {
    console.log(
      `peak RSS per worker, ${label}: ${rss.map((r) => `${r.toFixed(0)} MB`).join(', ')} (budget 150 MB)`,
    );
  }
} finally {
  await cleanUp();
  fs.rmSync(work, { recursive: true, force: true });
}
