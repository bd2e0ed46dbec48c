// Load and soak: one `midad serve` (compiled, as shipped, page cache 64 MB) on a seeded site
// holds 200 reader connections at full speed, commenters and an editor for ten minutes, every
// client on 127.0.0.1, after each page was visited once and a warm-up with every client. Prints the requests and errors (by kind), reader and writer latencies, the
// writes acknowledged, and the server's resident memory after the warm-up, at the end and at its
// peak. Exits 1 if there was any error or the memory grew by more than 10%.
// Run: node --import tsx bench/soak.ts [--minutes 10] [--readers 200] [--commenters 5]
//        [--articles 2000] [--warm-up 30]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { HttpClient } from '../test/support/http-client.ts';
import { percentile, runLoad } from './load.ts';
import { seedSite } from './support/seed.ts';
import {
  atCleanup,
  BROWSER,
  cleanUp,
  peakRssMb,
  rawGet,
  rssMb,
  startMidad,
  stop,
} from './support/servers.ts';
import { commenter, commentTargets, editor, emptyTally, type Recorder } from './support/soak-clients.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    readers: { type: 'string', default: '200' },
    commenters: { type: 'string', default: '5' },
    articles: { type: 'string', default: '2000' },
    'warm-up': { type: 'string', default: '30' },
  },
});

function bounded(name: string, min: number, max: number): number {
  const raw = values[name as keyof typeof values];
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) {
    process.stderr.write(`--${name} must be a number from ${min} to ${max}, not "${raw}"\n`);
    process.exit(2);
  }
  return n;
}
const MINUTES = bounded('minutes', 0.5, 120);
const READERS = Math.round(bounded('readers', 1, 1000));
const COMMENTERS = Math.round(bounded('commenters', 0, 50));
const ARTICLES = Math.round(bounded('articles', 0, 50_000));
const WARM_UP_S = bounded('warm-up', 5, 600);
/** Each commenter posts once a second; the editor leaves a second between two requests. */
const COMMENT_PAUSE_MS = 1000;
const EDITOR_PAUSE_MS = 1000;
/** RSS is the median of the samples (one a second) in the first and in the last window. */
const RSS_WINDOW_S = 10;
const GROWTH_LIMIT = 0.1;

async function visitAll(port: number, paths: string[], parallel: number): Promise<void> {
  let next = 0;
  const visitor = async () => {
    while (next < paths.length) {
      const path = paths[next++]!;
      const { status } = await rawGet(port, path);
      if (status !== 200) throw new Error(`${path} answered ${status}`);
    }
  };
  await Promise.all(Array.from({ length: parallel }, visitor));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-bench-soak-'));
atCleanup(async () => fs.rmSync(work, { recursive: true, force: true }));
try {
  const dataDir = path.join(work, 'data');
  const t = performance.now();
  const site = await seedSite({ dataDir, articles: ARTICLES });
  console.log(
    `${ARTICLES} articles seeded in ${((performance.now() - t) / 1000).toFixed(0)} s; ` +
      `${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(2)}`,
  );
  const server = await startMidad({ dataDir, cacheMb: 64, env: { MIDAD_TRUST_PROXY: '1' } });
  const baseUrl = `http://127.0.0.1:${server.port}`;
  // A fifth of the readers on the home page, the others over the article pages.
  const articles = [site.hot, ...site.spread];
  const homeReaders = Math.max(1, Math.round(READERS / 5));
  const groups = [
    { paths: ['/'], connections: homeReaders },
    ...(READERS > homeReaders ? [{ paths: articles, connections: READERS - homeReaders }] : []),
  ];

  // Every page once, a few at a time, before the load: the soak measures a site in its steady
  // state. Left to the 200 readers, the first renders of thousands of pages (each one a few ms of
  // the only thread) queue every other request, a comment included, for many seconds.
  const tw = performance.now();
  await visitAll(server.port, ['/', ...articles], 4);
  console.log(
    `${articles.length + 1} pages visited once in ${((performance.now() - tw) / 1000).toFixed(0)} s`,
  );
  const targets = await commentTargets(baseUrl, articles.slice(0, 20));
  const desk = new HttpClient(baseUrl);
  const signedIn = await desk.signIn(site.admin.email, site.admin.password);
  if (signedIn.status !== 303) throw new Error(`sign-in as the admin: ${signedIn.status}`);
  const recorder: Recorder = { tally: emptyTally(), running: true };
  // The comment form tokens must be a few seconds old to be accepted.
  await new Promise((resolve) => setTimeout(resolve, 3500));
  const writers = Promise.all([
    ...Array.from({ length: COMMENTERS }, () => commenter(baseUrl, targets, recorder, COMMENT_PAUSE_MS)),
    editor(desk, recorder, EDITOR_PAUSE_MS),
  ]);

  const load = (seconds: number) =>
    Promise.all(
      groups.map((g) => runLoad({ port: server.port, ...g, seconds, headers: BROWSER, keepGoing: true })),
    );
  console.log(`warm-up: ${WARM_UP_S} s with every client`);
  const warm = await load(WARM_UP_S);
  const warmTally = recorder.tally;
  recorder.tally = emptyTally();

  const samples: { at: number; mb: number }[] = [];
  const sample = () => samples.push({ at: performance.now(), mb: rssMb(server) });
  sample();
  const sampler = setInterval(sample, 1000);
  console.log(`soak: ${MINUTES} min, ${READERS} reader connections, ${COMMENTERS} commenters, 1 editor`);
  const results = await load(MINUTES * 60);
  sample();
  clearInterval(sampler);
  recorder.running = false;
  await writers;
  const tally = recorder.tally;
  const peak = peakRssMb(server);
  await stop(server);

  const first = samples.filter((s) => s.at - samples[0]!.at <= RSS_WINDOW_S * 1000).map((s) => s.mb);
  const last = samples.filter((s) => samples.at(-1)!.at - s.at <= RSS_WINDOW_S * 1000).map((s) => s.mb);
  const rssStart = median(first);
  const rssEnd = median(last);
  const growth = (rssEnd - rssStart) / rssStart;

  const requests = results.reduce((sum, r) => sum + r.requests, 0);
  const seconds = Math.max(...results.map((r) => r.seconds));
  const errors = new Map<string, number>();
  const add = (key: string, n: number) => errors.set(key, (errors.get(key) ?? 0) + n);
  // The warm-up's errors count too: it is under the same load.
  for (const [phase, loads, writers] of [
    [' (warm-up)', warm, warmTally],
    ['', results, tally],
  ] as const) {
    for (const r of loads) {
      for (const [status, n] of r.statuses) {
        if (status < 200 || status >= 400) add(`reader: HTTP ${status}${phase}`, n);
      }
      for (const [code, n] of r.socketErrors) add(`reader socket: ${code}${phase}`, n);
    }
    for (const [kind, n] of writers.errors) add(`${kind}${phase}`, n);
  }
  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
  const writes = [...tally.latencies].sort((a, b) => a - b);

  const rows: [string, string][] = [
    ['duration', `${(seconds / 60).toFixed(1)} min after a ${WARM_UP_S} s warm-up`],
    ['reader requests', `${requests} (${(requests / seconds).toFixed(0)}/s)`],
    ...results.map((r, i): [string, string] => [
      `readers: ${i === 0 ? 'home page' : `${articles.length} article pages`}`,
      `${groups[i]!.connections} connections, p50 ${ms(r.p50)} ms, p99 ${ms(r.p99)} ms`,
    ]),
    ['comments accepted', `${tally.comments} (each from its own forwarded address: see below)`],
    ['editor', `${tally.drafts} drafts, ${tally.saves} saves, ${tally.publishes} publishes`],
    ['writes p50 / p99', `${ms(percentile(writes, 0.5))} / ${ms(percentile(writes, 0.99))} ms`],
    ['errors', errorCount === 0 ? '0' : [...errors].map(([k, n]) => `${k} ×${n}`).join(', ')],
    ['RSS after warm-up', `${rssStart.toFixed(0)} MB (median of the first ${RSS_WINDOW_S} s)`],
    ['RSS at the end', `${rssEnd.toFixed(0)} MB (median of the last ${RSS_WINDOW_S} s)`],
    ['RSS peak', `${peak.toFixed(0)} MB`],
    ['RSS growth', `${(growth * 100).toFixed(1)}% (limit ${GROWTH_LIMIT * 100}%)`],
  ];
  console.log('\n| soak | |\n| --- | --- |');
  for (const [name, value] of rows) console.log(`| ${name} | ${value} |`);
  console.log(
    '\nCommenters post with MIDAD_TRUST_PROXY=1 and a new X-Forwarded-For address each time, as ' +
      'many readers behind a proxy would: the limit of 5 comments per address in 10 minutes is ' +
      'not what is measured here. Nobody approves them, so each waits for moderation: a write ' +
      'to the database that changes no page.',
  );
  const failed = errorCount > 0 || growth > GROWTH_LIMIT;
  console.log(failed ? 'soak FAILED' : 'soak passed: no errors, memory steady');
  process.exitCode = failed ? 1 : 0;
} finally {
  await cleanUp();
}
