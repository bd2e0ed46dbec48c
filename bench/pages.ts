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
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { createSearchIndex } from '../src/search/search-index.ts';
import { openServices, type Services } from '../src/services/context.ts';
import { initializeSite } from '../src/services/setup.ts';
import { articlePath } from '../src/web/reader/urls.ts';
import { freePort } from '../test/support/site.ts';
import { type LoadResult, runLoad } from './load.ts';
import { benchArticles, benchQueries } from './search-corpus.ts';

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
const BROWSER = { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html' };

/** Adds generated Arabic articles spread over the demo sections, authors and tags. */
async function seed(services: Services): Promise<{ hot: string; uncached: string[] }> {
  const { repos, db } = services;
  const sections = await repos.sections.list();
  const authors = (await repos.articles.listingActivity()).authors.map((a) => a.id);
  const tags = (await repos.tags.list()).map((t) => t.id);
  const now = Date.now();
  const slugs: { id: number; slug: string }[] = [];
  await db.kysely.transaction().execute(async (trx) => {
    let i = 0;
    let batch: {
      title: string;
      body_html: string;
      slug: string;
      published_at: string;
      section_id: number;
    }[] = [];
    const flush = async () => {
      const rows = batch.map((a) => ({
        ...a,
        lang: 'ar',
        status: 'published',
        comments_open: 1,
        created_at: a.published_at,
        updated_at: a.published_at,
      }));
      batch = [];
      const ids = await trx.insertInto('articles').values(rows).returning(['id', 'slug']).execute();
      slugs.push(...ids);
      await trx
        .insertInto('article_authors')
        .values(
          ids.map(({ id }) => ({ article_id: id, person_id: authors[id % authors.length]!, position: 0 })),
        )
        .execute();
      await trx
        .insertInto('article_tags')
        .values(
          ids.flatMap(({ id }) => [
            { article_id: id, tag_id: tags[id % tags.length]! },
            { article_id: id, tag_id: tags[(id * 7 + 3) % tags.length]! },
          ]),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
    };
    for (const a of benchArticles(ARTICLES)) {
      batch.push({
        title: a.title,
        body_html: a.body,
        slug: `bench-${i}`,
        // Older than the demo articles, so the demo stays on the home page.
        published_at: new Date(now - (ARTICLES - i + 1000) * 600_000).toISOString(),
        section_id: sections[i % sections.length]!.id,
      });
      i++;
      if (batch.length === 200) await flush();
    }
    if (batch.length > 0) await flush();
    await createSearchIndex(trx, db.dialect).rebuild();
  });
  // As `midad reindex` does after a bulk load: article pages read their stored related lists.
  await services.transaction((_repos, search) => search.related.rebuild());
  const featured = await repos.articles.listPublished({ lang: 'ar', featured: true, limit: 1 });
  const step = Math.max(1, Math.floor(slugs.length / 2000));
  const uncached = slugs
    .filter((_, i) => i % step === 0)
    .slice(0, 2000)
    .map((s) => articlePath({ ...s, lang: 'ar' }));
  return { hot: articlePath(featured.items[0]!), uncached };
}

interface Server {
  child: ChildProcess;
  port: number;
}

/** Children still running, stopped however this script ends. */
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

async function startMidad(dataDir: string, cacheMb: number): Promise<Server> {
  const port = await freePort();
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const child = spawn(process.execPath, ['bin/midad.js', 'serve'], {
    env: {
      ...env,
      MIDAD_DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'warn',
      MIDAD_PAGE_CACHE_MB: String(cacheMb),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.add(child);
  await waitFor(child, 'Midad is serving');
  return { child, port };
}

async function startStatic(response: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/static-server.ts', String(port), response],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await waitFor(child, 'listening');
  return { child, port };
}

function waitFor(child: ChildProcess, line: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      if (out.includes(line)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
}

/** Stops a server and returns its peak resident memory in MB. */
async function stop(server: Server): Promise<number> {
  const status = fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
  children.delete(server.child);
  return peakKb / 1024;
}

/** The raw answer (still compressed) to a browser-like request. */
function rawGet(port: number, url: string): Promise<{ headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port, path: url, headers: BROWSER }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const headers: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers[k] = v;
          resolve({ headers, body: Buffer.concat(chunks) });
        });
      })
      .on('error', reject);
  });
}

async function measure(port: number, paths: string[], connections = CONNECTIONS): Promise<LoadResult> {
  const options = { port, paths, connections, headers: BROWSER };
  await runLoad({ ...options, seconds: WARM_UP_SECONDS });
  const result = await runLoad({ ...options, seconds: SECONDS });
  const bad = [...result.statuses].filter(([status]) => status !== 200);
  if (bad.length > 0) throw new Error(`unexpected answers: ${JSON.stringify(bad)}`);
  return result;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-bench-pages-'));
try {
  const dataDir = path.join(work, 'data');
  let t = performance.now();
  const services = await openServices(loadConfig({}, { dataDir, logLevel: 'silent' }));
  await initializeSite(services, { demo: true });
  const { hot, uncached } = await seed(services);
  await services.close();
  console.log(
    `${ARTICLES} articles seeded and indexed in ${((performance.now() - t) / 1000).toFixed(0)} s; ` +
      `${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(2)}; ` +
      `${CONNECTIONS} connections, ${SECONDS} s per row after ${WARM_UP_SECONDS} s of warm-up`,
  );
  const searches = benchQueries(20).map((q) => `/search?q=${encodeURIComponent(q.text)}`);
  const rows: { name: string; result: LoadResult; server: string }[] = [];
  t = performance.now();

  const cached = await startMidad(dataDir, 64);
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

  const uncachedServer = await startMidad(dataDir, 0);
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
  fs.rmSync(work, { recursive: true, force: true });
}
