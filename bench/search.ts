// Search benchmark: fills a database with generated Arabic articles, builds the index and
// prints build time, index size and query latency (p50/p95/p99) for 1-, 2- and 3-word
// queries, on SQLite and PostgreSQL. Budget: p95 under 30 ms on SQLite at 100,000 articles.
// Run: node --import tsx bench/search.ts [--articles 100000] [--engine sqlite|postgres|both]
//      [--db FILE]  keep the SQLite database in FILE, and reuse it (no fill, no build) when it exists
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { type Db, openDatabase } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { TEST_POSTGRES_URL } from '../src/db/test-databases.ts';
import { createSearchIndex } from '../src/search/search-index.ts';
import { benchArticles, benchQueries } from './search-corpus.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    engine: { type: 'string', default: 'both' },
    queries: { type: 'string', default: '200' },
    db: { type: 'string' },
  },
});
const ARTICLES = Number(values.articles);
const QUERIES_PER_LENGTH = Number(values.queries);
const NOW = new Date();

async function fill(db: Db): Promise<void> {
  await db.kysely.transaction().execute(async (trx) => {
    const batch: { title: string; body_html: string; slug: string; published_at: string }[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const rows = batch.splice(0).map((a) => ({
        ...a,
        lang: 'ar',
        status: 'published',
        created_at: a.published_at,
        updated_at: a.published_at,
      }));
      await trx.insertInto('articles').values(rows).execute();
    };
    let i = 0;
    for (const a of benchArticles(ARTICLES)) {
      const published = new Date(NOW.getTime() - (ARTICLES - i) * 600_000).toISOString();
      batch.push({ title: a.title, body_html: a.body, slug: `bench-${i}`, published_at: published });
      i++;
      if (batch.length === 500) await flush();
    }
    await flush();
  });
}

async function indexBytes(db: Db): Promise<number> {
  if (db.dialect === 'sqlite') {
    const { rows } = await sql<{ bytes: number }>`SELECT sum(pgsize) AS bytes FROM dbstat
      WHERE name LIKE 'search_fts%'`.execute(db.kysely);
    return Number(rows[0]?.bytes ?? 0);
  }
  const { rows } = await sql<{
    bytes: string;
  }>`SELECT pg_total_relation_size('search_docs') AS bytes`.execute(db.kysely);
  return Number(rows[0]?.bytes ?? 0);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function run(db: Db, reuse = false): Promise<void> {
  await migrateToLatest(db);
  if (!reuse) await build(db);
  await measure(db);
}

async function build(db: Db): Promise<void> {
  let t = performance.now();
  await fill(db);
  console.log(
    `${db.dialect}: ${ARTICLES} articles written in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  t = performance.now();
  await db.kysely.transaction().execute((trx) => createSearchIndex(trx, db.dialect).rebuild());
  const buildSeconds = (performance.now() - t) / 1000;
  if (db.dialect === 'postgres') await sql`ANALYZE`.execute(db.kysely);
  const bytes = await indexBytes(db);
  console.log(
    `${db.dialect}: index built in ${buildSeconds.toFixed(1)} s (${Math.round(ARTICLES / buildSeconds)} articles/s), ` +
      `size ${(bytes / 1024 / 1024).toFixed(1)} MB`,
  );
}

async function measure(db: Db): Promise<void> {
  const index = createSearchIndex(db.kysely, db.dialect);
  const queries = benchQueries(QUERIES_PER_LENGTH);
  for (const q of queries.slice(0, 30))
    await index.search({ text: q.text, sort: 'relevance', limit: 10, offset: 0 });
  // CPU time beside wall time: on a machine shared with other work, the CPU figure is the one
  // that still says what a query costs (the database runs in this process on SQLite).
  const all: Timing[] = [];
  for (const n of [1, 2, 3]) {
    const times: Timing[] = [];
    for (const q of queries.filter((x) => x.words === n)) {
      const cpu = process.cpuUsage();
      const start = performance.now();
      await index.search({ text: q.text, lang: 'ar', sort: 'relevance', limit: 10, offset: 0 });
      const used = process.cpuUsage(cpu);
      times.push({ wall: performance.now() - start, cpu: (used.user + used.system) / 1000 });
    }
    all.push(...times);
    report(`${n}-word`, times);
  }
  report('all', all);

  function report(label: string, times: Timing[]) {
    const line = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const f = (p: number) => percentile(sorted, p).toFixed(1);
      return `p50 ${f(50)} ms, p95 ${f(95)} ms, p99 ${f(99)} ms`;
    };
    const cpu = db.dialect === 'sqlite' ? ` | cpu ${line(times.map((t) => t.cpu))}` : '';
    console.log(`${db.dialect}: ${label} queries (${times.length}): ${line(times.map((t) => t.wall))}${cpu}`);
  }
}

interface Timing {
  wall: number;
  cpu: number;
}

if (values.engine !== 'postgres') {
  const keep = values.db ? path.resolve(values.db) : null;
  const dir = keep ? path.dirname(keep) : fs.mkdtempSync(path.join(os.tmpdir(), 'midad-bench-'));
  const file = keep ?? path.join(dir, 'bench.db');
  const reuse = keep !== null && fs.existsSync(keep);
  const db = await openDatabase(`sqlite:${file}`);
  try {
    await run(db, reuse);
  } finally {
    await db.close();
    if (!keep) fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (values.engine !== 'sqlite') {
  const admin = await openDatabase(TEST_POSTGRES_URL);
  const schema = `midad_bench_${randomBytes(4).toString('hex')}`;
  await sql`CREATE SCHEMA ${sql.id(schema)}`.execute(admin.kysely);
  const db = await openDatabase(TEST_POSTGRES_URL, { schema });
  try {
    await run(db);
  } finally {
    await db.close();
    await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(admin.kysely);
    await admin.close();
  }
}
