// The same page load against one `midad serve` and against two sharing one PostgreSQL database
// and one Redis (as several processes of one site run in production), the load split evenly
// across both ports: the cached article page, uncached article pages (page cache off, 2,000
// articles in turn) and the cached home page, with 10,000 articles. Prints req/s and p50/p99
// for each, req/s and peak RSS per process, and the ratio two processes / one.
// The database is a fresh one made through MIDAD_TEST_POSTGRES_URL's connection and dropped at
// the end; Redis is REDIS_URL, else MIDAD_TEST_REDIS_URL, else redis://127.0.0.1:6379. Both, and
// every server, must be on 127.0.0.1.
// Run: node --import tsx bench/scale.ts [--articles 10000] [--seconds 10] [--connections 32]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { LoadResult } from './load.ts';
import { createDatabase, redisUrl } from './support/postgres.ts';
import { seedSite } from './support/seed.ts';
import { atCleanup, cleanUp, measure, type Server, startMidad, stop } from './support/servers.ts';

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

interface Row {
  page: string;
  processes: number;
  result: LoadResult;
}

const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(2));

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-bench-scale-'));
atCleanup(async () => fs.rmSync(work, { recursive: true, force: true }));
try {
  const redis = redisUrl();
  const database = await createDatabase('midad_bench_scale');
  atCleanup(database.drop);
  // One data folder for every process: uploaded media are shared through it in production too.
  const dataDir = path.join(work, 'data');
  const t = performance.now();
  const site = await seedSite({ dataDir, databaseUrl: database.url, articles: ARTICLES });
  console.log(
    `${ARTICLES} articles seeded and indexed on PostgreSQL in ${((performance.now() - t) / 1000).toFixed(0)} s; ` +
      `${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(2)}; ${CONNECTIONS} connections ` +
      `in all, ${SECONDS} s per row after ${WARM_UP_SECONDS} s of warm-up; Redis at ${redis}`,
  );

  const rows: Row[] = [];
  const memory: string[] = [];
  /** Starts `count` processes on the shared database and Redis, runs `pages` on them, stops them. */
  const phase = async (count: number, cacheMb: number, pages: { page: string; paths: string[] }[]) => {
    const servers: Server[] = [];
    for (let i = 0; i < count; i++) {
      servers.push(await startMidad({ dataDir, cacheMb, databaseUrl: database.url, redisUrl: redis }));
    }
    const port = servers.map((s) => s.port);
    for (const { page, paths } of pages) {
      const result = await measure({
        port,
        paths,
        connections: CONNECTIONS,
        seconds: SECONDS,
        warmUpSeconds: WARM_UP_SECONDS,
      });
      rows.push({ page, processes: count, result });
    }
    const peaks: number[] = [];
    for (const server of servers) peaks.push(await stop(server));
    memory.push(
      `${count === 1 ? '1 process' : `${count} processes`}, page cache ${cacheMb === 0 ? 'off' : 'on'}: ` +
        peaks.map((mb) => `${mb.toFixed(0)} MB`).join(' + '),
    );
  };

  const cachedPages = [
    { page: 'article page, cached', paths: [site.hot] },
    { page: 'home page, cached', paths: ['/'] },
  ];
  const uncachedPages = [
    {
      page: `article pages, uncached (${site.spread.length.toLocaleString('en')} articles)`,
      paths: site.spread,
    },
  ];
  await phase(1, 64, cachedPages);
  await phase(2, 64, cachedPages);
  await phase(1, 0, uncachedPages);
  await phase(2, 0, uncachedPages);

  console.log('\n| page | processes | req/s | p50 ms | p99 ms | req/s per process | 2 / 1 |');
  console.log('| --- | ---: | ---: | ---: | ---: | --- | ---: |');
  for (const row of rows) {
    const single = rows.find((r) => r.page === row.page && r.processes === 1)!;
    const { result } = row;
    const perProcess = result.byPort.map((p) => p.perSecond.toFixed(0)).join(' + ');
    const ratio = row.processes === 1 ? '' : `${(result.perSecond / single.result.perSecond).toFixed(2)}`;
    console.log(
      `| ${row.page} | ${row.processes} | ${result.perSecond.toFixed(0)} | ${ms(result.p50)} | ` +
        `${ms(result.p99)} | ${perProcess} | ${ratio} |`,
    );
  }
  console.log(`\npeak RSS per process: ${memory.join('; ')} (budget 200 MB each)`);
  console.log(
    `Both processes share this machine's ${os.cpus().length} cores with each other, PostgreSQL, Redis ` +
      'and the load generator: the ratio shows the cost of coordination between processes, ' +
      'not the capacity a second machine would add.',
  );
} finally {
  await cleanUp();
}
