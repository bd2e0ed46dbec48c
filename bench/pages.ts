// Page throughput of a real `midad serve` with 10,000 articles, next to Node's http server
// answering with the same bytes from memory, in the same run on the same machine. Prints req/s
// and latency p50/p99 for the cached article page, the uncached article page (page cache off,
// 2,000 different articles in turn), the home page with and without the cache, and the search
// page, the ratio of each to the static server, and each server's peak RSS. With 32 connections
// on a small machine the uncached latencies are mostly queueing; the rows with one connection
// show the time of one render. Servers log at LOG_LEVEL=warn (no line per request).
// Budgets (DESIGN.md §6): cached article >= 50% of the static server; uncached article p99
// <= 20 ms; RSS <= 200 MB.
// Run: node --import tsx bench/pages.ts [--articles 10000] [--seconds 10] [--connections 32]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { LoadResult } from './load.ts';
import { benchQueries } from './search-corpus.ts';
import { seedSite } from './support/seed.ts';
import { cleanUp, measure as measureLoad, rawGet, startMidad, startStatic, stop } from './support/servers.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '32' },
  },
});
const ARTICLES = Number(values.articles);
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const WARM_UP_SECONDS = 2;

const measure = (port: number, paths: string[], connections = CONNECTIONS): Promise<LoadResult> =>
  measureLoad({ port, paths, connections, seconds: SECONDS, warmUpSeconds: WARM_UP_SECONDS });

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-bench-pages-'));
try {
  const dataDir = path.join(work, 'data');
  let t = performance.now();
  const { hot, spread: uncached } = await seedSite({ dataDir, articles: ARTICLES });
  console.log(
    `${ARTICLES} articles seeded and indexed in ${((performance.now() - t) / 1000).toFixed(0)} s; ` +
      `${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(2)}; ` +
      `${CONNECTIONS} connections, ${SECONDS} s per row after ${WARM_UP_SECONDS} s of warm-up`,
  );
  const searches = benchQueries(20).map((q) => `/search?q=${encodeURIComponent(q.text)}`);
  const rows: { name: string; result: LoadResult; server: string }[] = [];
  t = performance.now();

  const cached = await startMidad({ dataDir, cacheMb: 64 });
  const sample = await rawGet(cached.port, hot);
  const responseFile = path.join(work, 'response.json');
  const { date: _date, connection: _conn, 'keep-alive': _ka, 'x-cache': _xc, ...headers } = sample.headers;
  fs.writeFileSync(responseFile, JSON.stringify({ headers, body: sample.body.toString('base64') }));
  const staticServer = await startStatic(responseFile);
  rows.push({
    name: 'static file (node http, same bytes)',
    result: await measure(staticServer.port, [hot]),
    server: 'static',
  });
  const staticRss = await stop(staticServer);
  rows.push({ name: 'article page, cached', result: await measure(cached.port, [hot]), server: 'cache on' });
  rows.push({ name: 'home page, cached', result: await measure(cached.port, ['/']), server: 'cache on' });
  rows.push({
    name: 'search page (never cached)',
    result: await measure(cached.port, searches),
    server: 'cache on',
  });
  rows.push({
    name: 'search page, 1 connection',
    result: await measure(cached.port, searches, 1),
    server: 'cache on',
  });
  const cachedRss = await stop(cached);

  const uncachedServer = await startMidad({ dataDir, cacheMb: 0 });
  rows.push({
    name: 'article page, uncached (2,000 articles)',
    result: await measure(uncachedServer.port, uncached),
    server: 'cache off',
  });
  rows.push({
    name: 'article page, uncached, 1 connection',
    result: await measure(uncachedServer.port, uncached, 1),
    server: 'cache off',
  });
  rows.push({
    name: 'home page, uncached',
    result: await measure(uncachedServer.port, ['/']),
    server: 'cache off',
  });
  const uncachedRss = await stop(uncachedServer);

  const base = rows[0]!.result.perSecond;
  console.log(
    `\narticle page: ${sample.body.length} bytes on the wire (${sample.headers['content-encoding']}), ` +
      `measured in ${((performance.now() - t) / 1000).toFixed(0)} s\n`,
  );
  console.log('| what | server | req/s | p50 ms | p99 ms | vs static |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: |');
  for (const { name, result, server } of rows) {
    console.log(
      `| ${name} | ${server} | ${result.perSecond.toFixed(0)} | ${result.p50.toFixed(2)} | ` +
        `${result.p99.toFixed(2)} | ${((100 * result.perSecond) / base).toFixed(0)}% |`,
    );
  }
  console.log(
    `\npeak RSS: static ${staticRss.toFixed(0)} MB, Midad with cache ${cachedRss.toFixed(0)} MB, ` +
      `Midad without cache ${uncachedRss.toFixed(0)} MB (budget 200 MB)`,
  );
  const ratio = rows[1]!.result.perSecond / base;
  console.log(`cached article / static: ${(ratio * 100).toFixed(0)}% (budget >= 50%)`);
} finally {
  await cleanUp();
  fs.rmSync(work, { recursive: true, force: true });
}
