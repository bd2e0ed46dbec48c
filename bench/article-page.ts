// Prints figures for the article page on the demo site: compressed weight (HTML + CSS + JS)
// and the time to render it uncached through the full HTTP stack (app.inject, no network).
// Run: npm run bench
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { startTestSite } from '../test/support/site.ts';
import { articlePath } from '../src/web/reader/urls.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2000);

// The page cache would answer every request after the first: measure rendering itself.
const site = await startTestSite({ pageCache: false });
try {
  const path = articlePath(site.mainArticle);
  const page = await site.app.inject(path);
  const assets = [...page.body.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1] ?? '');
  let gzip = gzipSync(page.body).length;
  let brotli = brotliCompressSync(page.body).length;
  for (const asset of assets) {
    const body = (await site.app.inject(asset)).rawPayload;
    gzip += gzipSync(body).length;
    brotli += brotliCompressSync(body).length;
  }
  console.log(
    `article page: HTML ${(page.body.length / 1024).toFixed(1)} KB raw; with ${assets.length} assets`,
  );
  console.log(
    `  compressed HTML+CSS+JS: gzip ${(gzip / 1024).toFixed(1)} KB, brotli ${(brotli / 1024).toFixed(1)} KB (budget 30 KB)`,
  );

  for (let i = 0; i < 200; i++) await site.app.inject(path); // warm-up
  const times: number[] = [];
  const started = process.hrtime.bigint();
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = process.hrtime.bigint();
    const res = await site.app.inject(path);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (res.statusCode !== 200) throw new Error(`status ${res.statusCode}`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  times.sort((a, b) => a - b);
  const pct = (p: number) =>
    times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(2);
  console.log(
    `uncached render (${ROUNDS} requests, ${site.services.db.dialect}): ` +
      `p50 ${pct(50)} ms, p95 ${pct(95)} ms, p99 ${pct(99)} ms, ${(ROUNDS / seconds).toFixed(0)} req/s`,
  );
  console.log(`memory: RSS ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MB`);
} finally {
  await site.close();
}
