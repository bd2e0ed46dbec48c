// What queuing a breaking alert to 10,000 subscribers costs readers. The site runs in this
// process (page cache on, as shipped) because the alert is queued by the process that served the
// publish: its batches share the event loop and the database with the pages. The load comes from
// a child process (this file with --load), so the generator does not compete for the server's
// event loop. Rows:
//   before   reader pages (the hot article and the home page) for --seconds;
//   during   the same pages while the alert's 10,000 mails are queued, batch by batch, until done;
// and how long queuing took. Each figure is the median of --rounds rounds (a fresh alert each).
// Run: npm run bench:newsletter -- [--subscribers 10000] [--seconds 8] [--connections 16] [--rounds 3]
import { type ChildProcess, fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { openServices } from '../src/services/context.ts';
import { queueAlertMails } from '../src/services/newsletters/sending.ts';
import { buildApp } from '../src/web/app.ts';
import { runLoad } from './load.ts';
import { seedSite } from './support/seed.ts';
import { BROWSER } from './support/servers.ts';

const { values } = parseArgs({
  options: {
    subscribers: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '8' },
    connections: { type: 'string', default: '16' },
    rounds: { type: 'string', default: '3' },
    load: { type: 'string' },
  },
});

interface LoadReport {
  perSecond: number;
  p50: number;
  p99: number;
  seconds: number;
  errors: number;
}

// The child: loads the given port until the parent says stop (or --seconds pass), then reports.
if (values.load) {
  const { port, paths, seconds, connections } = JSON.parse(values.load) as {
    port: number;
    paths: string[];
    seconds: number;
    connections: number;
  };
  const stop = new Promise<void>((resolve) => process.on('message', () => resolve()));
  process.send?.('ready');
  const r = await runLoad({ port, paths, connections, seconds, until: stop, headers: BROWSER });
  const errors = [...r.statuses].filter(([code]) => code >= 400).reduce((n, [, c]) => n + c, 0);
  process.send?.({ perSecond: r.perSecond, p50: r.p50, p99: r.p99, seconds: r.seconds, errors });
  process.exit(0);
}

const SUBSCRIBERS = Number(values.subscribers);
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const ROUNDS = Number(values.rounds);

function startLoad(
  port: number,
  paths: string[],
  seconds: number,
): { child: ChildProcess; result: Promise<LoadReport> } {
  const child = fork(
    fileURLToPath(import.meta.url),
    ['--load', JSON.stringify({ port, paths, seconds, connections: CONNECTIONS })],
    {
      execArgv: ['--import', 'tsx'],
    },
  );
  const result = new Promise<LoadReport>((resolve, reject) => {
    child.on('message', (m) => {
      if (typeof m === 'object') resolve(m as unknown as LoadReport);
    });
    child.on('exit', (code) =>
      code ? reject(new Error(`the load generator exited with ${code}`)) : undefined,
    );
  });
  return { child, result };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-bench-newsletter-'));
try {
  const seeded = await seedSite({ dataDir, articles: 200 });
  const services = await openServices(loadConfig({}, { dataDir, logLevel: 'silent', mail: null }));
  // Confirmed Arabic subscribers who want alerts, written straight in (sign-up is not measured).
  const now = new Date().toISOString();
  for (let i = 0; i < SUBSCRIBERS; i += 500) {
    const rows = Array.from({ length: Math.min(500, SUBSCRIBERS - i) }, (_, j) => ({
      email: `reader${i + j}@bench.example`,
      lang: 'ar',
      sections: '',
      digest: 'none',
      alerts: 1,
      status: 'confirmed',
      unsubscribe_token: `bench${String(i + j).padStart(27, '0')}`,
      created_at: now,
      confirmed_at: now,
      updated_at: now,
    }));
    await services.db.kysely.insertInto('newsletter_subscribers').values(rows).execute();
  }
  const app = await buildApp({ services, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const paths = [seeded.hot, '/'];
  const article = (
    await services.repos.newsletters.publishedBetween(
      'ar',
      '1970-01-01T00:00:00.000Z',
      '2999-01-01T00:00:00.000Z',
      1,
    )
  )[0]!;
  // Warm the page cache and the JIT.
  await startLoad(port, paths, 2).result;

  const before: LoadReport[] = [];
  const during: LoadReport[] = [];
  const queueSeconds: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    before.push(await startLoad(port, paths, SECONDS).result);
    // A fresh alert each round: the de-duplication keys would make a repeat queue nothing.
    const alert = { ...article, id: article.id * 1000 + round };
    const load = startLoad(port, paths, 600);
    await new Promise<void>((resolve) => load.child.once('message', () => resolve()));
    await new Promise((r) => setTimeout(r, 300));
    const start = performance.now();
    const queued = await queueAlertMails(services, alert);
    queueSeconds.push((performance.now() - start) / 1000);
    load.child.send('stop');
    during.push(await load.result);
    if (queued !== SUBSCRIBERS) throw new Error(`queued ${queued} mails, expected ${SUBSCRIBERS}`);
  }
  const row = (name: string, rs: LoadReport[]) =>
    `${name.padEnd(8)} ${median(rs.map((r) => r.perSecond))
      .toFixed(0)
      .padStart(
        7,
      )} req/s   p50 ${median(rs.map((r) => r.p50)).toFixed(2)} ms   p99 ${median(rs.map((r) => r.p99)).toFixed(2)} ms   errors ${rs.reduce((n, r) => n + r.errors, 0)}`;
  const b = median(before.map((r) => r.perSecond));
  const d = median(during.map((r) => r.perSecond));
  process.stdout.write(
    `Reader pages (${paths.join(', ')}), ${CONNECTIONS} connections, median of ${ROUNDS} rounds; ${os.cpus().length} CPUs\n` +
      `${row('before', before)}\n${row('during', during)}\n` +
      `during/before: ${((d / b) * 100).toFixed(0)}%\n` +
      `queuing ${SUBSCRIBERS} alert mails took ${median(queueSeconds).toFixed(2)} s (median), ${(SUBSCRIBERS / median(queueSeconds)).toFixed(0)} mails/s\n`,
  );
  await app.close();
  await services.close();
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
