// What reusing compiled SQLite statements saves: the queries one uncached article page runs
// (recorded from a real render), replayed through Kysely over the same database file with
// better-sqlite3 preparing every statement anew (Kysely's own SQLite driver) and with the
// statement cache of src/db/statement-cache.ts. Prints µs per page of queries for each, and the
// share of the time that preparing took.
// Run: node --import tsx bench/statements.ts [--articles 10000] [--rounds 2000]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect } from 'kysely';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { cachingDatabase } from '../src/db/statement-cache.ts';
import { servicesFor } from '../src/services/context.ts';
import { initializeSite } from '../src/services/setup.ts';
import { buildApp } from '../src/web/app.ts';
import { articlePath } from '../src/web/reader/urls.ts';
import { addArticles } from './support/seed.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '2000' },
  },
});
const ARTICLES = Number(values.articles);
const ROUNDS = Number(values.rounds);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-bench-statements-'));
try {
  const file = path.join(work, 'midad.db');
  let recording: { sql: string; parameters: readonly unknown[] }[] | null = null;
  const db = await openDatabase(`sqlite:${file}`, {
    onQuery: (sql, parameters) => recording?.push({ sql, parameters }),
  });
  await migrateToLatest(db);
  const config = loadConfig({}, { dataDir: work, logLevel: 'silent' });
  config.cache = { ...config.cache, pageCacheBytes: 0 };
  const services = servicesFor(config, db);
  await initializeSite(services, { demo: true });
  const added = await addArticles(services, ARTICLES, { index: false });
  const app = await buildApp({ services, logger: false });
  const middle = added[Math.floor(added.length / 2)]!;
  recording = [];
  const page = await app.inject(articlePath({ ...middle, lang: 'ar' }));
  const queries = recording.filter((q) => /^\s*select\b/i.test(q.sql));
  recording = null;
  if (page.statusCode !== 200) throw new Error(`the article page answered ${page.statusCode}`);
  await app.close();
  await services.close();

  const replay = async (kysely: Kysely<unknown>): Promise<number> => {
    for (let i = 0; i < 200; i++) {
      for (const q of queries) await kysely.executeQuery(CompiledQuery.raw(q.sql, [...q.parameters]));
    }
    const started = performance.now();
    for (let i = 0; i < ROUNDS; i++) {
      for (const q of queries) await kysely.executeQuery(CompiledQuery.raw(q.sql, [...q.parameters]));
    }
    return ((performance.now() - started) * 1000) / ROUNDS;
  };
  const plain = new Kysely<unknown>({ dialect: new SqliteDialect({ database: new SQLite(file) }) });
  const cachedDb = cachingDatabase(new SQLite(file));
  const cached = new Kysely<unknown>({
    dialect: new SqliteDialect({ database: cachedDb as unknown as SQLite.Database }),
  });
  // Alternating rounds, so a busy moment of the machine hits both.
  const times = { plain: [] as number[], cached: [] as number[] };
  for (let r = 0; r < 3; r++) {
    times.plain.push(await replay(plain));
    times.cached.push(await replay(cached));
  }
  await plain.destroy();
  await cached.destroy();
  const best = (xs: number[]) => Math.min(...xs);
  console.log(
    `${queries.length} SELECTs per article page at ${ARTICLES} articles, ${ROUNDS} pages per round, best of 3; ` +
      `${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(2)}`,
  );
  console.log(`prepared every time: ${best(times.plain).toFixed(0)} µs per page of queries`);
  console.log(
    `statement cache:     ${best(times.cached).toFixed(0)} µs per page of queries ` +
      `(${(100 * (1 - best(times.cached) / best(times.plain))).toFixed(0)}% less; ` +
      `${cachedDb.stats.misses} statements prepared, ${cachedDb.stats.hits} reused)`,
  );
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
