// Related-articles benchmark: fills a database with generated Arabic articles, rebuilds every
// related list, then prints what one publication costs (the incremental refresh, neighbours
// included), what the article page pays to read its list and the size of the tables, on
// SQLite and PostgreSQL. Articles are drawn around topics (each Arabic demo article is one):
// three words in four from the topic's text, the rest from all of them, so related articles
// exist and the neighbour updates are exercised, and common words make long posting lists.
// Run: node --import tsx bench/related.ts [--articles 10000] [--engine sqlite|postgres|both]
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { type Db, openDatabase } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createRepositories } from '../src/db/repositories/index.ts';
import { TEST_POSTGRES_URL } from '../src/db/test-databases.ts';
import { SHOWN } from '../src/search/related/decide.ts';
import { createSearchIndex } from '../src/search/search-index.ts';
import { htmlToText } from '../src/core/html-policy.ts';
import { articles as demoArticles } from '../src/services/demo/content/index.ts';
import { demoWordStream } from './search-corpus.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    engine: { type: 'string', default: 'both' },
    publishes: { type: 'string', default: '50' },
  },
});
const ARTICLES = Number(values.articles);
const PUBLISHES = Number(values.publishes);
const NOW = new Date();

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function* topicalArticles(count: number, seed: number): Generator<{ title: string; body: string }> {
  const all = demoWordStream();
  const topics = demoArticles
    .filter((a) => a.lang === 'ar')
    .map((a) => `${a.title} ${a.dek} ${htmlToText(a.body)}`.split(/\s+/).filter((w) => w.length >= 2));
  const rnd = random(seed);
  for (let i = 0; i < count; i++) {
    const topic = topics[Math.floor(rnd() * topics.length)]!;
    const word = () => (rnd() < 0.75 ? topic : all)[Math.floor(rnd() * (rnd() < 0.75 ? topic : all).length)]!;
    const words = (n: number) => Array.from({ length: n }, word).join(' ');
    const paragraphs = 3 + Math.floor(rnd() * 3);
    const body = Array.from({ length: paragraphs }, () => `<p>${words(30 + Math.floor(rnd() * 30))}.</p>`);
    yield { title: words(6 + Math.floor(rnd() * 6)), body: body.join('') };
  }
}

async function fill(db: Db, count: number, offset: number): Promise<number[]> {
  const ids: number[] = [];
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
      const inserted = await trx.insertInto('articles').values(rows).returning('id').execute();
      ids.push(...inserted.map((r) => r.id));
    };
    let i = 0;
    for (const a of topicalArticles(count, 7 + offset)) {
      const published = new Date(NOW.getTime() - (count - i) * 600_000).toISOString();
      batch.push({
        title: a.title,
        body_html: a.body,
        slug: `bench-${offset}-${i}`,
        published_at: published,
      });
      i++;
      if (batch.length === 500) await flush();
    }
    await flush();
  });
  return ids;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function report(dialect: string, label: string, times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const f = (p: number) => percentile(sorted, p).toFixed(1);
  console.log(`${dialect}: ${label} (${times.length}): p50 ${f(50)} ms, p95 ${f(95)} ms, max ${f(100)} ms`);
}

async function run(db: Db): Promise<void> {
  await migrateToLatest(db);
  await fill(db, ARTICLES, 0);
  const rss = process.memoryUsage().rss;
  let t = performance.now();
  await db.kysely.transaction().execute((trx) => createSearchIndex(trx, db.dialect).related.rebuild());
  const seconds = (performance.now() - t) / 1000;
  if (db.dialect === 'postgres') await sql`ANALYZE`.execute(db.kysely);
  const rssGrowth = (process.memoryUsage().rss - rss) / 1024 / 1024;
  console.log(
    `${db.dialect}: related lists of ${ARTICLES} articles rebuilt in ${seconds.toFixed(1)} s ` +
      `(${Math.round(ARTICLES / seconds)} articles/s), RSS +${rssGrowth.toFixed(0)} MB`,
  );

  // Each publication: one new article, refreshed in its own transaction as the listener does.
  const fresh = await fill(db, PUBLISHES, 1);
  const refresh: number[] = [];
  const touched: number[] = [];
  for (const id of fresh) {
    t = performance.now();
    const changed = await db.kysely
      .transaction()
      .execute((trx) => createSearchIndex(trx, db.dialect).related.refresh(id));
    refresh.push(performance.now() - t);
    touched.push(changed.length);
  }
  report(db.dialect, 'refresh on publish', refresh);
  console.log(
    `${db.dialect}: lists changed per publication: mean ${(touched.reduce((s, n) => s + n, 0) / touched.length).toFixed(1)}`,
  );

  const repos = createRepositories(db.kysely);
  const sample = await repos.articles.byIds(fresh);
  const read: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const article of sample) {
      t = performance.now();
      await repos.articles.storedRelated(article, SHOWN);
      read.push(performance.now() - t);
    }
  }
  report(db.dialect, `article page read of ${SHOWN} related (with authors and tags)`, read);

  const tables = ['related_docs', 'related_terms', 'related_df', 'related_articles', 'related_duplicates'];
  const sizes: string[] = [];
  for (const table of tables) {
    const { rows } =
      db.dialect === 'sqlite'
        ? await sql<{ bytes: number }>`SELECT sum(pgsize) AS bytes FROM dbstat
            WHERE name IN (SELECT name FROM sqlite_master WHERE tbl_name = ${table})`.execute(db.kysely)
        : await sql<{ bytes: string }>`SELECT pg_total_relation_size(${table}) AS bytes`.execute(db.kysely);
    sizes.push(`${table} ${(Number(rows[0]?.bytes ?? 0) / 1024 / 1024).toFixed(1)} MB`);
  }
  console.log(`${db.dialect}: ${sizes.join(', ')}`);
}

if (values.engine !== 'postgres') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-bench-'));
  const db = await openDatabase(`sqlite:${path.join(dir, 'bench.db')}`);
  try {
    await run(db);
  } finally {
    await db.close();
    fs.rmSync(dir, { recursive: true, force: true });
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
