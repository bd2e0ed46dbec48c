// What reading article cards costs on SQLite with the article's text in the middle of its row
// (as migrations up to 031 left it) and at its end (032), for short and long bodies: 10,000
// published Arabic articles per file, twelve cards read by id at a time (as a listing page, the
// related articles or a feed does), through the same columns the repositories read. Prints µs per
// twelve cards, the best of three alternating rounds.
// Run: node --import tsx bench/summaries.ts [--articles 10000] [--rounds 3000]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { openDatabase } from '../src/db/connect.ts';
import { migrateToLatest, migrateUpTo } from '../src/db/migrate.ts';
import { SUMMARY_COLUMNS } from '../src/db/repositories/article-rows.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    rounds: { type: 'string', default: '3000' },
  },
});
const ARTICLES = Number(values.articles);
const ROUNDS = Number(values.rounds);
const CARDS = 12;
const LENGTHS = [800, 8000, 20000];

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-bench-summaries-'));
try {
  const columns = SUMMARY_COLUMNS.map((c) => c.replace('articles.', '')).join(', ');
  const files: { label: string; chars: number; file: string }[] = [];
  for (const textLast of [false, true]) {
    for (const chars of LENGTHS) {
      const file = path.join(work, `${textLast ? 'last' : 'middle'}-${chars}.db`);
      const db = await openDatabase(`sqlite:${file}`);
      if (textLast) await migrateToLatest(db);
      else await migrateUpTo(db, '031_section_names_other');
      await db.close();
      const raw = new SQLite(file);
      const insert = raw.prepare(
        `insert into articles (lang, status, title, slug, dek, body_html, published_at, created_at, updated_at)
         values ('ar', 'published', ?, ?, '', ?, ?, ?, ?)`,
      );
      const body = `<p>${'كلمات مقال طويل عن الأمطار في الساحل. '.repeat(Math.ceil(chars / 38)).slice(0, chars)}</p>`;
      raw.transaction(() => {
        for (let i = 1; i <= ARTICLES; i++) {
          const at = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
          insert.run(`عنوان المقال ${i}`, `article-${i}`, body, at, at, at);
        }
      })();
      raw.close();
      files.push({ label: textLast ? 'text last (032)' : 'text in the middle (031)', chars, file });
    }
  }

  const time = (file: string): number => {
    const db = new SQLite(file, { readonly: true });
    db.pragma('cache_size = -2000'); // as src/db/connect.ts sets it
    const query = db.prepare(
      `select ${columns} from articles where id in (${Array(CARDS).fill('?').join(', ')})`,
    );
    const ids = (round: number) =>
      Array.from({ length: CARDS }, (_, k) => 1 + ((round * 7919 + k * 613) % ARTICLES));
    for (let r = 0; r < 200; r++) query.all(...ids(r));
    const started = performance.now();
    for (let r = 0; r < ROUNDS; r++) query.all(...ids(r));
    db.close();
    return ((performance.now() - started) * 1000) / ROUNDS;
  };
  const best = new Map<string, number>();
  for (let round = 0; round < 3; round++) {
    for (const { file } of files) best.set(file, Math.min(best.get(file) ?? Infinity, time(file)));
  }
  console.log(
    `${ARTICLES} articles per file, ${CARDS} cards read by id, ${ROUNDS} reads per round, best of 3; ` +
      `${os.availableParallelism()} cores, load average ${os.loadavg()[0]!.toFixed(2)}`,
  );
  for (const { label, chars, file } of files) {
    const mb = (fs.statSync(file).size / 1e6).toFixed(0);
    console.log(`${label}, bodies of ${chars} characters (${mb} MB): ${best.get(file)!.toFixed(0)} µs`);
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
