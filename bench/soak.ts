// Load and soak: one `midad serve --workers 2` (compiled, as shipped, page cache 64 MB) on a
// seeded SQLite site holds 200 reader connections at full speed, commenters and an editor for ten
// minutes, every client on 127.0.0.1, after each page was visited once and a warm-up with every
// client. Then, with several workers, one worker is killed with SIGKILL under the same load: the
// requests in flight on it are counted apart, every other failure is an error, and the others
// must keep serving while the primary replaces it. At the end every acknowledged comment and
// draft must be in the database. Prints the requests and errors (by kind), reader and writer
// latencies, the writes acknowledged, and the resident memory of the server's processes after the
// warm-up, at the end and at each one's peak. Exits 1 if there was any error, a write was lost or
// the memory grew by more than 10%.
// Run: node --import tsx bench/soak.ts [--minutes 10] [--workers 2] [--readers 200]
//        [--commenters 5] [--articles 2000] [--warm-up 30] [--kill-phase 30]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { sqliteProbe } from '../test/crash/verify.ts';
import { HttpClient } from '../test/support/http-client.ts';
import { type LoadOptions, percentile, runLoad } from './load.ts';
import { seedSite } from './support/seed.ts';
import {
  atCleanup,
  BROWSER,
  cleanUp,
  peakRssMb,
  rawGet,
  startMidad,
  stop,
  totalRssMb,
  workerPeakRssMb,
} from './support/servers.ts';
import {
  commenter,
  commentTargets,
  editor,
  emptyTally,
  type Recorder,
  type WriteTally,
} from './support/soak-clients.ts';
import { type KillReport, killWorkerUnderLoad } from './support/soak-kill.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    readers: { type: 'string', default: '200' },
    commenters: { type: 'string', default: '5' },
    articles: { type: 'string', default: '2000' },
    'warm-up': { type: 'string', default: '30' },
    workers: { type: 'string', default: '2' },
    'kill-phase': { type: 'string', default: '30' },
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
const WORKERS = Math.round(bounded('workers', 1, 64));
/** With several workers: how long the phase with a killed worker lasts; the kill comes 5 s in. */
const KILL_PHASE_S = bounded('kill-phase', 10, 600);
const KILL_AFTER_S = 5;
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
  const server = await startMidad({
    dataDir,
    cacheMb: 64,
    workers: WORKERS,
    env: { MIDAD_TRUST_PROXY: '1' },
  });
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
  // What the database holds before the writers start: afterwards, every acknowledged comment and
  // draft must be in it.
  const rowsNow = async () => {
    const probe = sqliteProbe(path.join(dataDir, 'midad.db'));
    try {
      const count = async (sql: string) => Number((await probe.rows(sql))[0]?.n);
      return {
        comments: await count('SELECT count(*) AS n FROM comments'),
        articles: await count('SELECT count(*) AS n FROM articles'),
      };
    } finally {
      await probe.close();
    }
  };
  const rowsBefore = await rowsNow();
  const recorder: Recorder = { tally: emptyTally(), running: true };
  // The comment form tokens must be a few seconds old to be accepted.
  await new Promise((resolve) => setTimeout(resolve, 3500));
  const writers = Promise.all([
    ...Array.from({ length: COMMENTERS }, () => commenter(baseUrl, targets, recorder, COMMENT_PAUSE_MS)),
    editor(desk, recorder, EDITOR_PAUSE_MS),
  ]);

  const load = (seconds: number, hooks: Pick<LoadOptions, 'onAnswer' | 'onSocketError'> = {}) =>
    Promise.all(
      groups.map((g) =>
        runLoad({ port: server.port, ...g, seconds, headers: BROWSER, keepGoing: true, ...hooks }),
      ),
    );
  console.log(`warm-up: ${WARM_UP_S} s with every client`);
  const warm = await load(WARM_UP_S);
  const warmTally = recorder.tally;
  recorder.tally = emptyTally();

  const samples: { at: number; mb: number }[] = [];
  const sample = () => samples.push({ at: performance.now(), mb: totalRssMb(server) });
  sample();
  const sampler = setInterval(sample, 1000);
  console.log(
    `soak: ${MINUTES} min, ${WORKERS} worker${WORKERS === 1 ? '' : 's'}, ${READERS} reader connections, ` +
      `${COMMENTERS} commenters, 1 editor`,
  );
  const results = await load(MINUTES * 60);
  sample();
  clearInterval(sampler);
  const tally = recorder.tally;
  // Peaks before the kill, which takes one worker's figure with it.
  const peaks = WORKERS > 1 ? workerPeakRssMb(server) : [peakRssMb(server)];
  let killed: KillReport | null = null;
  const killTally: WriteTally = emptyTally();
  if (WORKERS > 1) {
    recorder.tally = killTally;
    console.log(
      `kill: ${KILL_PHASE_S} s of the same load, one worker killed with SIGKILL ${KILL_AFTER_S} s in`,
    );
    killed = await killWorkerUnderLoad({
      server,
      load,
      recorder,
      seconds: KILL_PHASE_S,
      killAfterS: KILL_AFTER_S,
    });
  }
  recorder.running = false;
  await writers;
  await stop(server);
  const rowsAfter = await rowsNow();

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
  // The kill phase: what failed outside the kill's own requests is an error, and so is a site
  // that answered nothing after it, or more failures than requests that can have been in flight.
  const atKill = [...(killed?.atKill.values() ?? [])].reduce((a, b) => a + b, 0);
  if (killed) {
    for (const [kind, n] of killed.errors) add(`${kind} (kill phase)`, n);
    if (killed.answersAfter === 0) add('no reader answered after the kill', 1);
    if (killed.inFlight > READERS + COMMENTERS + 1) {
      add('more requests failed in flight than there are connections and writers', 1);
    }
  }
  const acknowledged = {
    comments: warmTally.comments + tally.comments + killTally.comments,
    drafts: warmTally.drafts + tally.drafts + killTally.drafts,
  };
  const kept = {
    comments: rowsAfter.comments - rowsBefore.comments,
    articles: rowsAfter.articles - rowsBefore.articles,
  };
  const lost =
    Math.max(0, acknowledged.comments - kept.comments) + Math.max(0, acknowledged.drafts - kept.articles);
  const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
  const writes = [...tally.latencies].sort((a, b) => a - b);

  const processes = WORKERS > 1 ? `the primary and ${WORKERS} workers` : 'one process';
  const rows: [string, string][] = [
    ['duration', `${(seconds / 60).toFixed(1)} min after a ${WARM_UP_S} s warm-up`],
    ['workers', String(WORKERS)],
    ['reader requests', `${requests} (${(requests / seconds).toFixed(0)}/s)`],
    ...results.map((r, i): [string, string] => [
      `readers: ${i === 0 ? 'home page' : `${articles.length} article pages`}`,
      `${groups[i]!.connections} connections, p50 ${ms(r.p50)} ms, p99 ${ms(r.p99)} ms`,
    ]),
    ['comments accepted', `${tally.comments} (each from its own forwarded address: see below)`],
    ['editor', `${tally.drafts} drafts, ${tally.saves} saves, ${tally.publishes} publishes`],
    ['writes p50 / p99', `${ms(percentile(writes, 0.5))} / ${ms(percentile(writes, 0.99))} ms`],
    ['errors', errorCount === 0 ? '0' : [...errors].map(([k, n]) => `${k} ×${n}`).join(', ')],
    ...(killed
      ? ([
          [
            'one worker killed',
            `${KILL_AFTER_S} s into ${KILL_PHASE_S} s of the same load: the primary saw it die in ` +
              `${ms(killed.noticedMs)} ms, a new worker answered in ${(killed.replacedMs / 1000).toFixed(1)} s, ` +
              `${killed.answersAfter} reader answers after the kill ` +
              `(${(killed.answersAfter / (KILL_PHASE_S - KILL_AFTER_S)).toFixed(0)}/s)`,
          ],
          [
            'failed at the kill (expected)',
            atKill === 0
              ? '0'
              : `${killed.inFlight} in flight on it, ${atKill - killed.inFlight} new connections handed ` +
                `to it before the primary saw it die: ${[...killed.atKill].map(([k, n]) => `${k} ×${n}`).join(', ')}`,
          ],
        ] as [string, string][])
      : []),
    [
      'writes kept',
      `${kept.comments} of ${acknowledged.comments} acknowledged comments, ` +
        `${kept.articles} of ${acknowledged.drafts} drafts (any more were cut off at the kill, their answer lost)`,
    ],
    [`RSS after warm-up`, `${rssStart.toFixed(0)} MB (${processes}; median of the first ${RSS_WINDOW_S} s)`],
    ['RSS at the end', `${rssEnd.toFixed(0)} MB (median of the last ${RSS_WINDOW_S} s)`],
    [
      'RSS peak',
      `${peaks.map((p) => p.toFixed(0)).join(' MB, ')} MB${WORKERS > 1 ? ' (each worker, before the kill)' : ''}`,
    ],
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
  const failed = errorCount > 0 || lost > 0 || growth > GROWTH_LIMIT;
  console.log(
    failed
      ? `soak FAILED${lost > 0 ? `: ${lost} acknowledged writes lost` : ''}`
      : 'soak passed: no errors, no acknowledged write lost, memory steady',
  );
  process.exitCode = failed ? 1 : 0;
} finally {
  await cleanUp();
}
