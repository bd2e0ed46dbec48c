// `midad serve --workers 2` on SQLite, as a small VPS runs it: both workers answer; an article
// published through one worker is on the other's cached home page at once, with no Redis
// (evictions go through the primary); drafts created concurrently through both workers are all
// in the database afterwards (no write lost to SQLITE_BUSY); a killed worker is replaced while
// the other keeps serving; SIGTERM stops them all with exit 0. The same on PostgreSQL (a
// database of its own, no Redis either); skipped with the reason when it cannot be reached,
// failed in CI.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import { type Db, openDatabase } from '../../src/db/connect.ts';
import { TEST_POSTGRES_URL } from '../../src/db/test-databases.ts';
import { HttpClient } from '../support/http-client.ts';
import { csrfFrom } from '../support/newsroom-client.ts';
import { type MidadProcess, startMidad } from '../support/midad-process.ts';
import { setUpFirstAdmin } from '../support/setup-link.ts';
import { freePort } from '../support/site.ts';

const START_TIMEOUT_MS = 120_000;
const STEP_TIMEOUT_MS = 60_000;
const CONCURRENT_DRAFTS = 40;

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A request on a connection of its own: the cluster hands each new connection to the next
 * worker in turn, so consecutive calls reach both workers (fetch would reuse one connection).
 */
function fresh(
  baseUrl: string,
  pathname: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(pathname, baseUrl),
      { method: init.method ?? 'GET', agent: false, headers: init.headers ?? {}, timeout: 15_000 },
      (res) => {
        let body = '';
        res.setEncoding('utf8').on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error(`${pathname} timed out`)));
    req.end(init.body);
  });
}

async function workerPids(baseUrl: string, tries = 8): Promise<Map<number, number>> {
  const pids = new Map<number, number>();
  for (let i = 0; i < tries; i++) {
    const ready = await fresh(baseUrl, '/readyz');
    assert.equal(ready.status, 200, ready.body);
    const facts = JSON.parse(ready.body).process as { pid: number; worker: number; rss_mb: number };
    assert.ok(facts.rss_mb > 0);
    pids.set(facts.worker, facts.pid);
  }
  return pids;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Engine {
  name: 'SQLite' | 'PostgreSQL';
  /** DATABASE_URL for the site; none for SQLite in the data folder. */
  env(dataDir: string): Promise<Record<string, string>>;
  /** The test's own connection to the site's database. */
  open(dataDir: string): Promise<Db>;
  cleanup(): Promise<void>;
}

const sqliteEngine: Engine = {
  name: 'SQLite',
  env: async () => ({}),
  open: (dataDir) => openDatabase(path.join(dataDir, 'midad.db')),
  cleanup: async () => {},
};

async function postgresEngine(): Promise<Engine | string> {
  const admin = await openDatabase(TEST_POSTGRES_URL).catch((err: unknown) => err as Error);
  if (admin instanceof Error) return admin.message;
  const database = `midad_workers_${randomBytes(5).toString('hex')}`;
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${database}`;
  let created = false;
  return {
    name: 'PostgreSQL',
    async env() {
      await sql`CREATE DATABASE ${sql.id(database)}`.execute(admin.kysely);
      created = true;
      return { DATABASE_URL: url.toString() };
    },
    open: () => openDatabase(url.toString()),
    async cleanup() {
      if (created) {
        await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                  WHERE datname = ${database} AND pid <> pg_backend_pid()`.execute(admin.kysely);
        await sql`DROP DATABASE IF EXISTS ${sql.id(database)}`.execute(admin.kysely);
      }
      await admin.close();
    },
  };
}

workersSuite(sqliteEngine);
const postgres = await postgresEngine();
if (typeof postgres === 'string') {
  describe('midad serve --workers 2 on PostgreSQL', () => {
    if (process.env.CI) {
      it('has PostgreSQL, as CI requires', () => {
        throw new Error(postgres);
      });
    } else it('runs', { skip: `PostgreSQL unreachable: ${postgres}` }, () => {});
  });
} else workersSuite(postgres);

function workersSuite(engine: Engine): void {
  describe(`midad serve --workers 2 on ${engine.name}`, { timeout: 8 * STEP_TIMEOUT_MS }, () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-workers-'));
    const adminEmail = 'desk@midad.example';
    const password = 'two workers share one river';
    let site: MidadProcess | null = null;
    const editor = () => {
      const client = new HttpClient(running().baseUrl);
      return client;
    };
    let signedIn: HttpClient | null = null;

    before(async () => {
      site = await startMidad({
        port: await freePort(),
        env: { MIDAD_DATA_DIR: dataDir, MIDAD_ADMIN_EMAIL: adminEmail, ...(await engine.env(dataDir)) },
        startTimeoutMs: START_TIMEOUT_MS,
        workers: 2,
      });
      signedIn = editor();
      await setUpFirstAdmin(signedIn, site.stdout(), { name: 'Desk', email: adminEmail, password });
    });

    after(async () => {
      await site?.kill();
      await engine.cleanup();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    function running(): MidadProcess {
      if (!site) throw new Error('midad serve should have started');
      return site;
    }

    it('answers from two worker processes, each saying its memory', {
      timeout: STEP_TIMEOUT_MS,
    }, async () => {
      assert.match(running().stdout(), /Midad is serving .*2 workers/);
      const pids = await workerPids(running().baseUrl);
      assert.deepEqual([...pids.keys()].sort(), [0, 1], 'both workers answered');
      assert.notEqual(pids.get(0), pids.get(1));
      assert.ok(![...pids.values()].includes(running().child.pid ?? -1), 'the primary serves nothing itself');
    });

    it('an article published through one worker is on the other at once, without Redis', {
      timeout: STEP_TIMEOUT_MS,
    }, async () => {
      const base = running().baseUrl;
      // Cached in both workers: two hits in a row on fresh connections came from both.
      let hitsInARow = 0;
      for (let i = 0; i < 20 && hitsInARow < 2; i++) {
        const home = await fresh(base, '/');
        assert.equal(home.status, 200);
        hitsInARow = home.headers['x-cache'] === 'HIT' ? hitsInARow + 1 : 0;
      }
      assert.equal(hitsInARow, 2, 'the home page is cached in both workers');

      const client = signedIn as HttpClient;
      const draft = await client.submit('/newsroom/articles', '/newsroom/articles/new', {});
      assert.equal(draft.status, 303, draft.body.slice(0, 300));
      const id = Number(/\/newsroom\/articles\/(\d+)$/.exec(draft.location ?? '')?.[1]);
      const form = await client.get(`/newsroom/articles/${id}`);
      const version = /name="version" value="(\d+)"/.exec(form.body)?.[1];
      assert.ok(version, 'the editor form carries the version');
      const title = 'مهرجان الشعر في نواكشوط يفتح أبوابه للشباب';
      const published = await client.submit(`/newsroom/articles/${id}`, `/newsroom/articles/${id}`, {
        title,
        slug: '',
        dek: 'أمسيات شعرية على مدى أسبوع في قلب المدينة.',
        body_html: '<p>افتتح المهرجان مساء الأحد بقراءات لشعراء من جيل جديد.</p>',
        lang: 'ar',
        tags: 'ثقافة',
        comments_open: 'on',
        version,
        intent: 'publish',
      });
      assert.equal(published.status, 303, published.body.slice(0, 500));
      // The eviction travels worker → primary → worker in well under a second; the page cache
      // would otherwise keep the old home page for ten minutes.
      const deadline = Date.now() + 2000;
      let seen = [false, false];
      while (Date.now() < deadline && !seen.every(Boolean)) {
        seen = [];
        for (let i = 0; i < 2; i++) seen.push((await fresh(base, '/')).body.includes(title));
        if (!seen.every(Boolean)) await sleep(100);
      }
      assert.deepEqual(seen, [true, true], 'both workers show the new article on the home page');
    });

    it(`keeps all of ${CONCURRENT_DRAFTS} drafts created, then saved, at once through both workers`, {
      timeout: STEP_TIMEOUT_MS,
    }, async () => {
      const base = running().baseUrl;
      const client = signedIn as HttpClient;
      const page = await client.get('/newsroom/articles');
      const cookie = [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
      const body = new URLSearchParams({ _csrf: csrfFrom(page.body) }).toString();
      const db = await engine.open(dataDir);
      try {
        const count = async () =>
          Number(
            (await sql<{ n: number }>`SELECT count(*) AS n FROM articles`.execute(db.kysely)).rows[0]?.n,
          );
        const before = await count();
        const replies = await Promise.all(
          Array.from({ length: CONCURRENT_DRAFTS }, () =>
            fresh(base, '/newsroom/articles/new', {
              method: 'POST',
              headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', origin: base },
              body,
            }),
          ),
        );
        assert.deepEqual(
          replies.map((r) => r.status),
          replies.map(() => 303),
          replies.find((r) => r.status !== 303)?.body.slice(0, 300),
        );
        const ids = new Set(replies.map((r) => r.headers.location));
        assert.equal(ids.size, CONCURRENT_DRAFTS, 'each draft got its own article');
        assert.equal(await count(), before + CONCURRENT_DRAFTS, 'every draft is in the database');

        // Saving reads the article (its version) and then writes it, in one transaction: the
        // pattern that loses writes to SQLITE_BUSY when two processes interleave.
        const drafts = [...ids].map((location) => Number(/(\d+)$/.exec(location ?? '')?.[1]));
        const versions = await sql<{ id: number; version: number }>`
        SELECT id, version FROM articles WHERE id IN (${sql.join(drafts)})`.execute(db.kysely);
        const saves = await Promise.all(
          versions.rows.map((row) =>
            fresh(base, `/newsroom/articles/${row.id}`, {
              method: 'POST',
              headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', origin: base },
              body: new URLSearchParams({
                _csrf: csrfFrom(page.body),
                title: `مسودة رقم ${row.id}`,
                slug: '',
                dek: '',
                body_html: `<p>نص المسودة ${row.id}.</p>`,
                lang: 'ar',
                tags: '',
                version: String(row.version),
                intent: 'save',
              }).toString(),
            }),
          ),
        );
        assert.deepEqual(
          saves.map((r) => r.status),
          saves.map(() => 303),
          saves.find((r) => r.status !== 303)?.body.slice(0, 300),
        );
        const titles = await sql<{ id: number; title: string }>`
        SELECT id, title FROM articles WHERE id IN (${sql.join(drafts)})`.execute(db.kysely);
        for (const row of titles.rows) assert.equal(row.title, `مسودة رقم ${row.id}`, 'every save is kept');
      } finally {
        await db.close();
      }
    });

    it('replaces a killed worker while the other keeps serving', { timeout: STEP_TIMEOUT_MS }, async () => {
      const base = running().baseUrl;
      const before = await workerPids(base);
      const victim = before.get(1);
      assert.ok(victim);
      process.kill(victim, 'SIGKILL');
      // Connections handed to it as it died are lost with it; once the primary has seen it go,
      // the other worker takes every new one.
      await sleep(500);
      for (let i = 0; i < 4; i++) assert.equal((await fresh(base, '/healthz')).status, 200);
      const deadline = Date.now() + 45_000;
      let after = before;
      while (Date.now() < deadline) {
        after = await workerPids(base, 4);
        if (after.size === 2 && after.get(1) !== victim) break;
        await sleep(250);
      }
      assert.equal(after.get(0), before.get(0), 'the other worker was left alone');
      assert.ok(after.get(1) && after.get(1) !== victim, `a new worker took slot 1: ${[...after]}`);
      assert.match(running().output(), new RegExp(`worker 1 \\(pid ${victim}\\) died \\(SIGKILL\\)`));
    });

    it('stops every worker on SIGTERM and exits 0', { timeout: STEP_TIMEOUT_MS }, async () => {
      const pids = await workerPids(running().baseUrl);
      const exit = await running().stop(30_000);
      assert.deepEqual(exit, { code: 0, signal: null }, running().output());
      for (const pid of pids.values()) {
        assert.throws(() => process.kill(pid, 0), /ESRCH/, `worker ${pid} is gone too`);
      }
    });
  });
}
