// What `PRAGMA synchronous = FULL` costs over NORMAL in WAL mode, on the disk of the data folder:
// FULL syncs the WAL at every commit (a commit survives a power loss), NORMAL only at checkpoints
// (a commit survives the process being killed, not the machine losing power). Times commits
// shaped like Midad's writes: a comment (one row) and an article save (an update of a 6 KB row,
// a revision, twenty index rows), one transaction each, one after the other as a server makes them.
// Run: node --import tsx bench/sqlite-synchronous.ts [--commits 400] [--dir /var/lib/midad]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import SQLite from 'better-sqlite3';
import { percentile } from './load.ts';

const { values } = parseArgs({
  options: {
    commits: { type: 'string', default: '400' },
    dir: { type: 'string', default: os.tmpdir() },
  },
});
const COMMITS = Number(values.commits);
if (!Number.isInteger(COMMITS) || COMMITS < 10) {
  process.stderr.write(`--commits must be a whole number of at least 10, not "${values.commits}"\n`);
  process.exit(2);
}

const BODY = '<p>قال مزارعون في منطقة تيلابيري إن محصول الدخن جاء أفضل من العام الماضي.</p>'.repeat(40);

function measure(mode: 'NORMAL' | 'FULL'): { comment: number[]; save: number[] } {
  const work = fs.mkdtempSync(path.join(values.dir, 'midad-sync-'));
  const db = new SQLite(path.join(work, 'bench.db'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${mode}`);
    db.exec(`
      CREATE TABLE comments (id INTEGER PRIMARY KEY, article_id INTEGER, body TEXT, created_at TEXT);
      CREATE INDEX comments_article ON comments (article_id, created_at);
      CREATE TABLE articles (id INTEGER PRIMARY KEY, version INTEGER, body_html TEXT);
      CREATE TABLE revisions (id INTEGER PRIMARY KEY, article_id INTEGER, body_html TEXT);
      CREATE TABLE terms (article_id INTEGER, stem TEXT, weight REAL, PRIMARY KEY (article_id, stem));
      INSERT INTO articles (id, version, body_html) VALUES (1, 1, '');
    `);
    const comment = db.transaction((n: number) => {
      db.prepare('INSERT INTO comments (article_id, body, created_at) VALUES (?, ?, ?)').run(
        n % 30,
        `تعليق رقم ${n} على تقرير الأسواق`,
        new Date().toISOString(),
      );
    });
    const save = db.transaction((n: number) => {
      db.prepare('UPDATE articles SET version = version + 1, body_html = ? WHERE id = 1').run(`${BODY}${n}`);
      db.prepare('INSERT INTO revisions (article_id, body_html) VALUES (1, ?)').run(`${BODY}${n}`);
      db.prepare('DELETE FROM terms WHERE article_id = 1').run();
      const term = db.prepare('INSERT INTO terms (article_id, stem, weight) VALUES (1, ?, ?)');
      for (let i = 0; i < 20; i++) term.run(`stem${(n + i) % 50}`, i / 20);
    });
    const timed = (write: (n: number) => void) =>
      Array.from({ length: COMMITS }, (_, n) => {
        const t0 = performance.now();
        write(n);
        return performance.now() - t0;
      }).sort((a, b) => a - b);
    return { comment: timed(comment), save: timed(save) };
  } finally {
    db.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const ms = (n: number) => n.toFixed(2).padStart(7);
console.log(`${COMMITS} commits of each kind in ${values.dir}, WAL mode; milliseconds per commit`);
console.log('synchronous  write     p50      p99      mean');
for (const mode of ['NORMAL', 'FULL'] as const) {
  const result = measure(mode);
  for (const [kind, times] of Object.entries(result)) {
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    console.log(
      `${mode.padEnd(12)} ${kind.padEnd(8)} ${ms(percentile(times, 0.5))}  ${ms(percentile(times, 0.99))}  ${ms(mean)}`,
    );
  }
}
