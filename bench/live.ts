// Live coverage under 1,000 waiting readers on one process. The site runs here (page cache on,
// as shipped); the readers are a child process (this file with --crowd) holding one event
// stream each, so their memory and event loop are not the server's. Entries are posted through
// the newsroom command one after another; the report gives the delivery latency percentiles
// (post → arrival at each reader), the server's RSS before the readers came and with them all
// connected after the entries, the channels held, and every error.
// Run: npm run bench:live -- [--readers 1000] [--entries 20] [--gap-ms 250]
import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import type { Person } from '../src/core/types.ts';
import { openServices } from '../src/services/context.ts';
import { addLiveEntry, startLiveCoverage } from '../src/services/live/commands.ts';
import { initializeSite } from '../src/services/setup.ts';
import { addStaff } from '../src/services/staff.ts';
import { buildApp } from '../src/web/app.ts';
import { openSseCrowd, percentile } from './support/sse-clients.ts';

const { values } = parseArgs({
  options: {
    readers: { type: 'string', default: '1000' },
    entries: { type: 'string', default: '20' },
    'gap-ms': { type: 'string', default: '250' },
    crowd: { type: 'string' },
  },
});

interface CrowdReport {
  connected: number;
  errors: string[];
  /** Per entry id, each reader's arrival time. */
  arrivals: Record<number, number[]>;
}

// The child: opens the readers, reports when they are connected, then waits for the list of
// entries to expect and reports what arrived.
if (values.crowd) {
  const {
    port,
    path: streamPath,
    count,
  } = JSON.parse(values.crowd) as { port: number; path: string; count: number };
  const crowd = await openSseCrowd({ port, path: streamPath, count });
  process.send?.({ connected: crowd.connected(), errors: crowd.errors });
  process.on('message', async (ids: number[]) => {
    try {
      await crowd.waitFor(ids, 15_000);
    } catch (err) {
      crowd.errors.push((err as Error).message);
    }
    const arrivals: Record<number, number[]> = {};
    for (const id of ids) arrivals[id] = crowd.received.map((got) => got.get(id) ?? Number.NaN);
    const report: CrowdReport = { connected: crowd.connected(), errors: crowd.errors.slice(0, 20), arrivals };
    process.send?.(report);
    crowd.close();
    process.exit(0);
  });
} else {
  const READERS = Number(values.readers);
  const ENTRIES = Number(values.entries);
  const GAP = Number(values['gap-ms']);
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-bench-live-'));
  try {
    const services = await openServices(loadConfig({}, { dataDir, logLevel: 'silent', mail: null }));
    await initializeSite(services, { demo: true });
    await addStaff(services, {
      email: 'desk@bench.example',
      name: 'Desk',
      role: 'editor',
      password: 'sahel river evening 2026',
    });
    const editor = {
      person: (await services.repos.people.byEmail('desk@bench.example')) as Person,
      ipHash: 'bench',
    };
    const article = (await services.repos.articles.listPublished({ lang: 'ar', limit: 1 })).items[0]!;
    await startLiveCoverage(services, editor, { articleId: article.id });
    const app = await buildApp({ services, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const heapBefore = process.memoryUsage().heapUsed;

    const child = fork(
      fileURLToPath(import.meta.url),
      ['--crowd', JSON.stringify({ port, path: `/live/${article.id}/stream?after=0`, count: READERS })],
      { execArgv: ['--import', 'tsx'] },
    );
    const messages: unknown[] = [];
    const waiters: (() => void)[] = [];
    child.on('message', (m) => {
      messages.push(m);
      for (const w of waiters.splice(0)) w();
    });
    const next = async () => {
      while (messages.length === 0) await new Promise<void>((r) => waiters.push(r));
      return messages.shift();
    };
    const opened = (await next()) as { connected: number; errors: string[] };
    global.gc?.();
    const rssConnected = process.memoryUsage().rss;
    const heapConnected = process.memoryUsage().heapUsed;

    const posted = new Map<number, number>();
    for (let i = 0; i < ENTRIES; i++) {
      const at = Date.now();
      const { entry } = await addLiveEntry(services, editor, {
        articleId: article.id,
        text: `مستجد رقم ${i + 1}: نص قصير يصف ما جرى للتو في الميدان.`,
      });
      posted.set(entry.id, at);
      await new Promise((r) => setTimeout(r, GAP));
    }
    child.send([...posted.keys()]);
    const report = (await next()) as CrowdReport;
    global.gc?.();
    const rssAfter = process.memoryUsage().rss;
    const heapAfter = process.memoryUsage().heapUsed;

    const latencies: number[] = [];
    let missing = 0;
    for (const [id, at] of posted) {
      for (const t of report.arrivals[id] ?? []) {
        if (Number.isNaN(t)) missing++;
        else latencies.push(t - at);
      }
    }
    const stopping = Date.now();
    await app.close();
    const closeMs = Date.now() - stopping;
    await services.close();
    const p = (q: number) => `${percentile(latencies, q).toFixed(0)} ms`;
    process.stdout.write(
      [
        `Live coverage: ${READERS} readers on one event stream each, ${ENTRIES} entries ${GAP} ms apart; ${os.cpus().length} CPUs, Node ${process.version}`,
        `connected    ${report.connected} of ${READERS} (${opened.errors.length} refused at connect)`,
        `delivered    ${latencies.length} of ${READERS * ENTRIES}  missing ${missing}`,
        `latency      p50 ${p(50)}   p90 ${p(90)}   p99 ${p(99)}   max ${p(100)}`,
        `server RSS   before readers ${mb(rssBefore)} MB   readers connected ${mb(rssConnected)} MB   after entries ${mb(rssAfter)} MB   (+${mb(rssAfter - rssBefore)} MB, ${((rssAfter - rssBefore) / READERS / 1024).toFixed(1)} KB per reader)`,
        `server heap  before readers ${mb(heapBefore)} MB   readers connected ${mb(heapConnected)} MB   after entries ${mb(heapAfter)} MB (after a collection when run with --expose-gc)`,
        `shutdown     app.close() with ${report.connected} streams open took ${closeMs} ms`,
        `errors       ${report.errors.length === 0 && opened.errors.length === 0 ? 'none' : [...opened.errors, ...report.errors].join('; ')}`,
        '',
      ].join('\n'),
    );
    if (missing > 0 || report.errors.length > 0) process.exitCode = 1;
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
