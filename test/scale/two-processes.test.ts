// Two `midad serve` processes on one PostgreSQL database and one Redis, as a site runs when one
// machine is not enough: an article published through A is on B's home page at once although
// B had that page cached; a comment sent through B and approved through A shows on both,
// although both had the article page cached; sign-in failures are counted across both; both
// stop cleanly on SIGTERM. In CI an unreachable PostgreSQL or Redis fails the test; elsewhere
// it is skipped with the reason.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { type Db, openDatabase } from '../../src/db/connect.ts';
import { TEST_POSTGRES_URL } from '../../src/db/test-databases.ts';
import { MIN_FILL_MS } from '../../src/services/comment-guard.ts';
import { HttpClient } from '../support/http-client.ts';
import { type MidadProcess, startMidad } from '../support/midad-process.ts';
import { TEST_REDIS_URL, testRedis } from '../support/redis.ts';
import { printedSetupLink, setUpFirstAdmin } from '../support/setup-link.ts';
import { freePort } from '../support/site.ts';

/** Starting takes tsx compiling the CLI, migrations and (for A) the demo content: generous on a busy machine. */
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 20_000;
const STEP_TIMEOUT_MS = 60_000;

type Requirements = { admin: Db } | { skip: string } | { fail: string };

/** PostgreSQL (to create the test's database) and Redis must both answer. */
async function requirements(): Promise<Requirements> {
  const redis = await testRedis().catch((err: unknown) => ({ fail: (err as Error).message }));
  if ('fail' in redis || 'skip' in redis) return redis;
  redis.client.disconnect();
  try {
    return { admin: await openDatabase(TEST_POSTGRES_URL) };
  } catch (err) {
    const reason = (err as Error).message;
    return process.env.CI
      ? { fail: `PostgreSQL is required in CI (MIDAD_TEST_POSTGRES_URL): ${reason}` }
      : { skip: `PostgreSQL unreachable (set MIDAD_TEST_POSTGRES_URL to test it): ${reason}` };
  }
}

const found = await requirements();

if ('fail' in found) {
  describe('two processes on one PostgreSQL and one Redis', () => {
    it('has PostgreSQL and Redis, as CI requires', () => {
      throw new Error(found.fail);
    });
  });
} else if ('skip' in found) {
  describe('two processes on one PostgreSQL and one Redis', () => {
    it('runs', { skip: found.skip }, () => {});
  });
} else {
  twoProcessSuite(found.admin);
}

function twoProcessSuite(admin: Db): void {
  const suffix = randomBytes(5).toString('hex');
  const database = `midad_scale_${suffix}`;
  const adminEmail = `admin-${suffix}@midad.example`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-scale-'));
  let a: MidadProcess | null = null;
  let b: MidadProcess | null = null;
  let password = '';
  let created = false;

  describe('two processes on one PostgreSQL and one Redis', { timeout: 8 * STEP_TIMEOUT_MS }, () => {
    before(async () => {
      await sql`CREATE DATABASE ${sql.id(database)}`.execute(admin.kysely);
      created = true;
      const url = new URL(TEST_POSTGRES_URL);
      url.pathname = `/${database}`;
      const portA = await freePort();
      let portB = await freePort();
      while (portB === portA) portB = await freePort();
      const env = {
        DATABASE_URL: url.toString(),
        REDIS_URL: TEST_REDIS_URL,
        MIDAD_DATA_DIR: dataDir,
        MIDAD_ADMIN_EMAIL: adminEmail,
        // Both answer for one site, as they would behind one load balancer.
        MIDAD_PUBLIC_URL: `http://127.0.0.1:${portA}`,
      };
      a = await startMidad({ port: portA, env, startTimeoutMs: START_TIMEOUT_MS });
      assert.match(a.stdout(), /demo content/, 'the first process sets the site up');
      assert.ok(!a.stdout().includes('password:'), `no password is printed\n${a.output()}`);
      // The operator opens the printed link and makes the admin before starting the second process.
      password = `two rivers ${suffix} meet`;
      await setUpFirstAdmin(new HttpClient(a.baseUrl), a.stdout(), {
        name: 'Desk',
        email: adminEmail,
        password,
      });
      b = await startMidad({ port: portB, env, startTimeoutMs: START_TIMEOUT_MS });
      assert.ok(
        !b.stdout().includes('demo content'),
        `the second process does not seed again\n${b.output()}`,
      );
      assert.equal(printedSetupLink(b.stdout()), null, 'nor print a setup link: the site has its admin');
    });

    after(async () => {
      // Runs whatever failed: no process, database or folder is left behind.
      await Promise.all([a?.kill(), b?.kill()]);
      if (created) {
        await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                  WHERE datname = ${database} AND pid <> pg_backend_pid()`.execute(admin.kysely);
        await sql`DROP DATABASE IF EXISTS ${sql.id(database)}`.execute(admin.kysely);
      }
      await admin.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    let article: { id: number; title: string; path: string } | null = null;

    it('an article published through A is on B at once, though B had its home page cached', {
      timeout: STEP_TIMEOUT_MS,
    }, async () => {
      const { a: procA, b: procB } = running();
      const readerB = new HttpClient(procB.baseUrl);
      await warm(readerB, '/');

      const editor = new HttpClient(procA.baseUrl);
      assert.equal((await editor.signIn(adminEmail, password)).status, 303, 'the admin signs in on A');
      const draft = await editor.submit('/newsroom/articles', '/newsroom/articles/new', {});
      assert.equal(draft.status, 303, draft.body.slice(0, 300));
      const id = Number(/\/newsroom\/articles\/(\d+)$/.exec(draft.location ?? '')?.[1]);
      assert.ok(id > 0, `a draft was created: ${draft.location}`);
      assert.equal((await readerB.get(`/article/${id}`)).status, 404, 'a draft is not on the site');

      const title = `سوق الماشية في أغاديس يستعيد نشاطه ${suffix}`;
      const form = await editor.get(`/newsroom/articles/${id}`);
      const version = /name="version" value="(\d+)"/.exec(form.body)?.[1];
      assert.ok(version, 'the editor form carries the version');
      const published = await editor.submit(`/newsroom/articles/${id}`, `/newsroom/articles/${id}`, {
        title,
        slug: '',
        dek: 'التجار يعودون إلى السوق الأسبوعية بعد موسم أمطار جيد.',
        body_html:
          '<p>عاد مربو الماشية إلى سوق أغاديس هذا الأسبوع بأعداد لم تُشهد منذ سنوات.</p>' +
          '<p>ويقول التجار إن الأسعار استقرت بعد موسم رعي وفير.</p>',
        lang: 'ar',
        tags: 'اقتصاد، أغاديس',
        comments_open: 'on',
        version,
        intent: 'publish',
      });
      assert.equal(published.status, 303, published.body.slice(0, 500));
      assert.equal(published.location, `/newsroom/articles/${id}?done=publish`);
      // No wait: the eviction went from A to B over Redis before A answered the publish.
      const home = await readerB.get('/');
      const moved = await new HttpClient(procA.baseUrl).get(`/article/${id}`);
      assert.equal(moved.status, 301, 'the article is on the site');
      const where = moved.location ?? '';
      assert.ok(where.startsWith(`/article/${id}/`), where);
      const current = { id, title, path: where };
      article = current;

      assert.equal(home.status, 200);
      assert.ok(home.body.includes(title), "the new article is on B's home page");

      const page = await readerB.get(current.path);
      assert.equal(page.status, 200, "the article's page answers on B");
      assert.ok(page.body.includes(title));
    });

    it('a comment sent through B and approved through A shows on both, though both had the page cached', {
      timeout: STEP_TIMEOUT_MS,
    }, async () => {
      const { a: procA, b: procB } = running();
      const published = article;
      assert.ok(published, 'the article published in the step before');
      const readerA = new HttpClient(procA.baseUrl);
      const readerB = new HttpClient(procB.baseUrl);

      const page = await readerB.get(published.path);
      const token = /name="token" value="([^"]+)"/.exec(page.body)?.[1];
      assert.ok(token, 'the article page has the comment form');
      // The form token proves the form was shown a few seconds before it came back.
      const issuedAt = Number(token.split('.')[1]);
      await sleep(Math.max(0, issuedAt + MIN_FILL_MS + 250 - Date.now()));
      const text = `شكرًا على هذا التقرير عن سوق الماشية، رقم ${suffix}`;
      const sent = await readerB.post(`/article/${published.id}/comments`, {
        name: 'قارئ من زندر',
        email: `reader-${suffix}@example.org`,
        body: text,
        parent_id: '',
        token,
        website: '',
      });
      assert.equal(sent.status, 303, sent.body.slice(0, 500));
      assert.equal(sent.location, `${published.path}?comment=held#respond`, 'a first comment waits');

      for (const reader of [readerA, readerB]) {
        const cached = await warm(reader, published.path);
        assert.ok(!cached.includes(text), 'a held comment is not shown');
      }

      const moderator = new HttpClient(procA.baseUrl);
      assert.equal((await moderator.signIn(adminEmail, password)).status, 303);
      const queue = await moderator.get('/newsroom/comments');
      assert.equal(queue.status, 200);
      const commentId = queuedCommentId(queue.body, text);
      const approved = await moderator.submit('/newsroom/comments', '/newsroom/comments', {
        ids: String(commentId),
        action: 'approve',
      });
      assert.equal(approved.status, 303);
      assert.equal(approved.location, '/newsroom/comments?done=1');

      for (const [name, reader] of [
        ['A', readerA],
        ['B', readerB],
      ] as const) {
        const now = await reader.get(published.path);
        assert.equal(now.status, 200);
        assert.ok(now.body.includes(text), `the approved comment shows on ${name}`);
        assert.ok(now.body.includes(`id="comment-${commentId}"`));
      }
    });

    it('counts sign-in failures across both processes', { timeout: STEP_TIMEOUT_MS }, async () => {
      const { a: procA, b: procB } = running();
      const clients = [new HttpClient(procA.baseUrl), new HttpClient(procB.baseUrl)] as const;
      // Five failures for one account, three through A and two through B: neither process has
      // seen five, so only counts shared through Redis can lock the account.
      for (let i = 0; i < 5; i++) {
        const res = await clients[i % 2]!.signIn(adminEmail, `wrong password number ${i}`);
        assert.equal(res.status, 401, `failure ${i + 1} is refused as wrong, not yet throttled`);
      }
      const sixth = await clients[1].signIn(adminEmail, 'wrong password number 5');
      assert.equal(sixth.status, 429, 'the sixth attempt, through B, is throttled');
      const right = await clients[0].signIn(adminEmail, password);
      assert.equal(right.status, 429, 'through A too, even with the right password');
    });

    it('both stop on SIGTERM and exit 0', { timeout: STEP_TIMEOUT_MS }, async () => {
      const { a: procA, b: procB } = running();
      const [exitA, exitB] = await Promise.all([procA.stop(STOP_TIMEOUT_MS), procB.stop(STOP_TIMEOUT_MS)]);
      assert.deepEqual(exitA, { code: 0, signal: null }, procA.output());
      assert.deepEqual(exitB, { code: 0, signal: null }, procB.output());
    });
  });

  function running(): { a: MidadProcess; b: MidadProcess } {
    if (!a || !b) throw new Error('both processes should have started');
    return { a, b };
  }
}

/**
 * Fetches a page until the process answers it from its page cache (the second time, unless an
 * eviction from another site's processes on the same Redis lands in between) and returns it.
 */
async function warm(client: HttpClient, pagePath: string): Promise<string> {
  let last = '';
  for (let attempt = 0; attempt < 4; attempt++) {
    const res = await client.get(pagePath);
    assert.equal(res.status, 200);
    last = res.headers.get('x-cache') ?? '(none)';
    if (last === 'HIT') return res.body;
  }
  assert.fail(`${client.baseUrl}${pagePath} is not kept in the page cache (last X-Cache: ${last})`);
}

/** The id of the queued comment whose text is `text`, read from the moderation page. */
function queuedCommentId(html: string, text: string): number {
  const items = html.split('<li ').slice(1);
  const item = items.find((li) => li.includes(text));
  const id = Number(/^[^>]*id="comment-(\d+)"/.exec(item ?? '')?.[1]);
  assert.ok(id > 0, 'the comment waits in the moderation queue');
  return id;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
