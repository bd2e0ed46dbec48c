// The crash test itself, shared by test/crash/kill-9.test.ts (50 kills in CI),
// test/crash/kill-9-workers.test.ts (two workers) and bench/crash.ts (as many as asked): a real
// `midad serve` (compiled) on a fresh site, readers commenting and editors saving and publishing
// over HTTP, the server killed with SIGKILL after a random time, restarted on the same data, and
// the database checked against every acknowledged write before the next round. With several
// workers the kills take turns: the whole process group (primary and workers at once), then one
// worker alone mid-write (the primary replaces it while the others keep serving, and nothing is
// restarted). Stops at the first round that finds a problem, since later rounds would only
// repeat it.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { articlePath } from '../../src/core/urls.ts';
import { MIN_FILL_MS } from '../../src/services/comment-guard.ts';
import { HttpClient } from '../support/http-client.ts';
import { compileIfStale, type MidadProcess, startMidad } from '../support/midad-process.ts';
import { setUpFirstAdmin } from '../support/setup-link.ts';
import { freePort } from '../support/site.ts';
import { Ledger, type LedgerCounts } from './ledger.ts';
import { gone, replaced, workerPids } from './processes.ts';
import { postgresProbe, type Probe, sqliteProbe, verify } from './verify.ts';
import { type CommentTarget, commenter, editor, type Round, signedInEditor } from './writers.ts';

export interface CrashOptions {
  kills: number;
  /** A fresh, empty PostgreSQL database; SQLite in the data folder without it. */
  postgresUrl?: string;
  commenters?: number;
  editors?: number;
  /** Serving processes (`--workers`); one by default. */
  workers?: number;
  /**
   * The kill comes a random time between these after the round's first acknowledged comment
   * and editor's save (counting from then keeps the rounds useful on a slow machine).
   */
  minWindowMs?: number;
  maxWindowMs?: number;
  /** Progress lines. */
  log?: (line: string) => void;
}

export interface CrashReport {
  kills: number;
  /** Of the kills, those of one worker alone (the others took the whole process group). */
  workerKills: number;
  /** Requests cut off by the kills of one worker (also in counts.unknown). */
  unknownAtWorkerKills: number;
  counts: LedgerCounts;
  acknowledged: number;
  lost: string[];
  problems: string[];
  summary: string;
}

const START_TIMEOUT_MS = 120_000;
const ADMIN_EMAIL = 'desk@crash.example';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Log lines at pino's error level or above: a clean server writes none. */
function errorLines(server: MidadProcess): string[] {
  return server
    .output()
    .split('\n')
    .filter((line) => /"level":(50|60)/.test(line));
}

export async function runCrashTest(options: CrashOptions): Promise<CrashReport> {
  const log = options.log ?? (() => {});
  const engine = options.postgresUrl ? 'PostgreSQL' : 'SQLite';
  const minWindow = options.minWindowMs ?? 0;
  const maxWindow = options.maxWindowMs ?? 1000;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-crash-'));
  const dataDir = path.join(work, 'data');
  const port = await freePort();
  const env: Record<string, string> = {
    MIDAD_DATA_DIR: dataDir,
    MIDAD_ADMIN_EMAIL: ADMIN_EMAIL,
    // Each comment comes from its own forwarded address, past the per-address limit.
    MIDAD_TRUST_PROXY: '1',
    ...(options.postgresUrl ? { DATABASE_URL: options.postgresUrl } : {}),
  };
  const workers = options.workers ?? 1;
  const start = async (): Promise<MidadProcess> => {
    // bin/midad.js runs the sources through tsx (several seconds a process) once one is newer
    // than the build: in a checkout edited during a long run, build again instead.
    compileIfStale();
    const once = () => startMidad({ port, env, startTimeoutMs: START_TIMEOUT_MS, workers, group: true });
    try {
      return await once();
    } catch (err) {
      // The server leads its own process group, whose id is its pid: on a machine where other
      // work stops its jobs with `kill -- -pgid`, a stale one can reach a reused pid. A start
      // ended by such a signal before it said anything is tried once more, and said.
      const message = (err as Error).message;
      if (
        !/^midad serve exited \((SIGTERM|SIGHUP|SIGINT)\) before serving\nstdout:\n\nstderr:\n$/.test(message)
      ) {
        throw err;
      }
      log(
        `a start was stopped from outside before it printed anything (${message.split('\n')[0]}): starting again`,
      );
      return once();
    }
  };
  const openProbe = (): Promise<Probe> | Probe =>
    options.postgresUrl ? postgresProbe(options.postgresUrl) : sqliteProbe(path.join(dataDir, 'midad.db'));
  const prefix = `k${randomBytes(3).toString('hex')}`;
  const ledger = new Ledger(prefix);
  const lost: string[] = [];
  const problems: string[] = [];
  const restarts: number[] = [];
  const replacements: number[] = [];
  const began = performance.now();
  let server = await start();
  let kills = 0;
  let workerKills = 0;
  let unknownAtWorkerKills = 0;
  try {
    // The first admin, made through the setup link the first start printed, as an operator would.
    const password = `night shift ${randomBytes(6).toString('hex')}`;
    await setUpFirstAdmin(new HttpClient(server.baseUrl), server.stdout(), {
      name: 'Crash desk',
      email: ADMIN_EMAIL,
      password,
    });
    const targets = await commentTargets(server.baseUrl, openProbe);
    const editors = await Promise.all(
      Array.from({ length: options.editors ?? 2 }, () =>
        signedInEditor(server.baseUrl, ADMIN_EMAIL, password),
      ),
    );
    // The form tokens must be a few seconds old before the first comment is accepted.
    await sleep(MIN_FILL_MS + 250);

    while (kills < options.kills) {
      const round: Round = { baseUrl: server.baseUrl, ledger, killed: false };
      const writers = Promise.all([
        ...Array.from({ length: options.commenters ?? 4 }, () => commenter(round, targets)),
        ...editors.map((client) => editor(round, client)),
      ]);
      // A writer failing while the server is up ends the run at once.
      await Promise.race([firstWrites(ledger), writers]);
      const window = minWindow + Math.random() * (maxWindow - minWindow);
      await Promise.race([sleep(window), writers]);
      // With several workers, every second kill is of one worker alone: the next in turn.
      const primary = server.child.pid ?? 0;
      const pids = workerPids(primary);
      const victim = workers > 1 && kills % 2 === 1 ? pids[workerKills % pids.length] : undefined;
      const unknownBefore = ledger.totals().unknown;
      round.killed = true;
      if (victim === undefined) {
        await server.kill();
        await gone(pids);
      } else {
        process.kill(victim, 'SIGKILL');
        workerKills++;
      }
      kills++;
      await writers;
      const failed = errorLines(server);
      if (failed.length > 0) problems.push(`kill ${kills}: the server logged errors: ${failed[0]}`);

      if (victim === undefined) {
        const t0 = performance.now();
        server = await start();
        restarts.push(performance.now() - t0);
      } else {
        unknownAtWorkerKills += ledger.totals().unknown - unknownBefore;
        const running = server;
        const t0 = performance.now();
        await replaced({
          baseUrl: server.baseUrl,
          primary,
          victim,
          before: pids,
          output: () => running.output(),
        });
        replacements.push(performance.now() - t0);
      }
      const probe = await openProbe();
      try {
        const verdict = await verify(probe, ledger, prefix);
        lost.push(...verdict.lost.map((l) => `kill ${kills}: lost ${l}`));
        problems.push(...verdict.problems.map((p) => `kill ${kills}: ${p}`));
      } finally {
        await probe.close();
      }
      if (kills % 10 === 0 || kills === options.kills) {
        log(`${kills} kills, ${ledger.acknowledged()} acknowledged writes, ${lost.length} lost`);
      }
      if (lost.length > 0 || problems.length > 0) break;
    }
    // The last restart must also be a clean one, and stop cleanly.
    const stopped = await server.stop(20_000);
    if (stopped.code !== 0) problems.push(`the last server exited with ${stopped.code ?? stopped.signal}`);
    const failed = errorLines(server);
    if (failed.length > 0) problems.push(`the last server logged errors: ${failed[0]}`);
  } finally {
    await server.kill();
    fs.rmSync(work, { recursive: true, force: true });
  }

  const counts = ledger.totals();
  const sorted = [...restarts].sort((a, b) => a - b);
  const replacedIn = [...replacements].sort((a, b) => a - b);
  const seconds = ((performance.now() - began) / 1000).toFixed(0);
  const killed =
    workers > 1
      ? `${workers} workers, ${kills - workerKills} kills of the process group and ${workerKills} of one worker`
      : `${kills} kills`;
  const summary =
    `crash test (${engine}): ${killed}, ${ledger.acknowledged()} acknowledged writes ` +
    `(comments ${counts.comments}, saves ${counts.saves}, publishes ${counts.publishes}, drafts ${counts.drafts}), ` +
    `${counts.unknown} in flight at a kill${workers > 1 ? ` (${unknownAtWorkerKills} on a killed worker)` : ''}, ${lost.length} lost, ` +
    `${problems.length === 0 ? 'integrity ok' : `${problems.length} problems`}; ` +
    `restart p50 ${(sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(0)} ms, ` +
    `max ${(sorted.at(-1) ?? 0).toFixed(0)} ms; ` +
    (replacedIn.length > 0
      ? `a killed worker replaced p50 ${(replacedIn[Math.floor(replacedIn.length / 2)] ?? 0).toFixed(0)} ms, max ${(replacedIn.at(-1) ?? 0).toFixed(0)} ms; `
      : '') +
    `${seconds} s`;
  return {
    kills,
    workerKills,
    unknownAtWorkerKills,
    counts,
    acknowledged: ledger.acknowledged(),
    lost,
    problems,
    summary,
  };
}

/** Resolves once a comment and an editor's save were acknowledged after the call. */
async function firstWrites(ledger: Ledger): Promise<void> {
  const before = ledger.totals();
  const deadline = performance.now() + START_TIMEOUT_MS;
  for (;;) {
    const now = ledger.totals();
    const saved = now.saves + now.publishes > before.saves + before.publishes;
    if (now.comments > before.comments && saved) return;
    if (performance.now() > deadline) throw new Error('no write was acknowledged in two minutes');
    await sleep(10);
  }
}

/** The published demo articles open to comments, each with a comment form token. */
async function commentTargets(
  baseUrl: string,
  openProbe: () => Promise<Probe> | Probe,
): Promise<CommentTarget[]> {
  const probe = await openProbe();
  let rows: Record<string, unknown>[];
  try {
    rows = await probe.rows(
      "SELECT id, slug, lang FROM articles WHERE status = 'published' AND comments_open = 1 ORDER BY id",
    );
  } finally {
    await probe.close();
  }
  const reader = new HttpClient(baseUrl);
  const targets: CommentTarget[] = [];
  for (const row of rows.slice(0, 8)) {
    const article = { id: Number(row.id), slug: String(row.slug), lang: row.lang as CommentTarget['lang'] };
    const page = await reader.get(articlePath(article));
    const token = /name="token" value="([^"]+)"/.exec(page.body)?.[1];
    if (page.status !== 200 || !token) throw new Error(`${articlePath(article)} has no comment form`);
    targets.push({ id: article.id, lang: article.lang, token });
  }
  if (targets.length === 0) throw new Error('the demo site has no article open to comments');
  return targets;
}
