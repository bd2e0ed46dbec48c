// Generates a WordPress export of 10,000 posts and 50,000 comments (threaded, Arabic, with
// categories, tags, block and classic content) and imports it into a fresh site, printing the
// time and the peak memory of `midad import wordpress` run as its own process (the compiled
// program when it is current, as an operator runs it). Budget: 60 s and 300 MB.
// Run: node --import tsx bench/import.ts   (BENCH_POSTS / BENCH_COMMENTS change the size)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeExport } from './support/wxr.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

const POSTS = Number(process.env.BENCH_POSTS ?? 10_000);
const COMMENTS = Number(process.env.BENCH_COMMENTS ?? 50_000);
/** The peak resident memory of a running process so far (Linux: VmHWM), in bytes. */
function peakOf(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-bench-import-'));
try {
  const file = path.join(dir, 'export.xml');
  await writeExport(file, { posts: POSTS, comments: COMMENTS });
  const size = fs.statSync(file).size;
  const reportFile = path.join(dir, 'report.json');
  const siteEnv = { ...process.env, MIDAD_DATA_DIR: path.join(dir, 'site'), LOG_LEVEL: 'silent' };
  // An import goes into an existing site: an empty one, made first.
  const init = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'midad.js'), 'init', '--no-demo'], {
    env: siteEnv,
    encoding: 'utf8',
  });
  if (init.status !== 0) throw new Error(`midad init failed: ${init.stderr}`);
  // The command an operator runs, in its own process: its memory is the import's alone.
  const started = process.hrtime.bigint();
  const child = spawn(
    process.execPath,
    [
      // As the command ships: bin/midad.js's first line gives node this heap limit.
      '--max-old-space-size=256',
      path.join(ROOT, 'bin', 'midad.js'),
      'import',
      'wordpress',
      file,
      '--batch-size',
      '200',
      '--report',
      reportFile,
    ],
    {
      env: siteEnv,
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  let peak = 0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, child.pid ? (peakOf(child.pid) ?? 0) : 0);
  }, 50);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(sampler);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (code !== 0) throw new Error(`midad import failed (${code}): ${stderr.slice(-2000)}`);
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as {
    counts: Record<'articles' | 'comments' | 'redirects', { imported: number }>;
  };
  const c = report.counts;
  console.log(`export: ${(size / 1024 / 1024).toFixed(1)} MB, ${POSTS} posts, ${COMMENTS} comments`);
  console.log(
    `imported ${c.articles.imported} articles, ${c.comments.imported} comments, ${c.redirects.imported} redirects`,
  );
  console.log(
    `time: ${seconds.toFixed(1)} s including the process start (budget 60 s); peak memory: ${(peak / 1024 / 1024).toFixed(0)} MB RSS (budget 300 MB)`,
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
