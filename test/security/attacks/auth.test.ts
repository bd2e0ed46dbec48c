// Attacks on who is signed in, over HTTP against a running site: a planted session id, a stolen
// cookie after sign-out, a second-factor code played twice, password guessing (also spread over
// two processes that share Redis), and one-time password links used twice, late or superseded.
// What a signed-in person may do is attacked in privileges.test.ts.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { generateSync } from 'otplib';
import {
  confirmTwoFactorEnrolment,
  startTwoFactorEnrolment,
} from '../../../src/services/auth/account-security.ts';
import { hashToken } from '../../../src/services/auth/sessions.ts';
import { newsroomMessages } from '../../../src/web/newsroom/messages.ts';
import { peopleMessages } from '../../../src/web/newsroom/people/messages.ts';
import type { FailureThrottle, SignInThrottles } from '../../../src/services/auth/throttle.ts';
import { memoryFailureThrottle } from '../../../src/services/auth/throttle.ts';
import { loadSiteSettings } from '../../../src/services/settings.ts';
import { sharedState, siteKey } from '../../../src/web/shared-state.ts';
import { HttpClient } from '../../support/http-client.ts';
import { type MidadProcess, startMidad } from '../../support/midad-process.ts';
import { TEST_REDIS_URL, testRedis } from '../../support/redis.ts';
import { csrfFrom } from '../../support/newsroom-client.ts';
import { freePort, startTestSite, type TestSite } from '../../support/site.ts';
import { AttackReport } from '../support/report.ts';
import { signedInStaff, STAFF_PASSWORD as PASSWORD } from '../support/staff.ts';

const report = new AttackReport('auth');
const t = newsroomMessages('ar');

/**
 * The site's throttles are only known once the site exists (their Redis keys come from its
 * secret): until then, and without Redis, counts stay in memory as in a single process.
 */
function swappableThrottles(): SignInThrottles & { use(next: SignInThrottles): void } {
  let current: SignInThrottles = {
    perAccount: memoryFailureThrottle(5, 15 * 60_000),
    perAddress: memoryFailureThrottle(20, 15 * 60_000),
  };
  const delegate = (pick: (t: SignInThrottles) => FailureThrottle): FailureThrottle => ({
    isBlocked: (key, now) => pick(current).isBlocked(key, now),
    fail: (key, now) => pick(current).fail(key, now),
    reset: (key) => pick(current).reset(key),
  });
  return {
    perAccount: delegate((t) => t.perAccount),
    perAddress: delegate((t) => t.perAddress),
    use(next) {
      current = next;
    },
  };
}

describe('attack suite: sessions, second factor, guessing, password links', {
  timeout: 120_000,
}, () => {
  let site: TestSite;
  let admin: HttpClient;
  const throttles = swappableThrottles();
  let redisSkip: string | null = null;
  let closeShared: (() => Promise<void>) | null = null;
  let other: MidadProcess | null = null;

  before(async () => {
    site = await startTestSite({ listen: true, signInThrottles: throttles });
    admin = new HttpClient(site.baseUrl);
    assert.equal((await admin.signIn(site.admin.email, site.admin.password)).status, 303);
    // Counted in Redis, as `midad serve` counts them with REDIS_URL set.
    const redis = await testRedis();
    if ('skip' in redis) {
      redisSkip = redis.skip;
      return;
    }
    redis.client.disconnect();
    const { secret } = await loadSiteSettings(site.services.repos);
    const shared = await sharedState(
      { ...site.services.config, redisUrl: TEST_REDIS_URL },
      { warn: () => {}, info: () => {} },
      siteKey(secret),
    );
    closeShared = shared.close;
    if (shared.signInThrottles) throttles.use(shared.signInThrottles);
  });

  after(async () => {
    report.print();
    await other?.kill();
    await closeShared?.();
    await site?.close();
  });
  const staff = (role: 'admin' | 'editor' | 'author' | 'contributor', name: string) =>
    signedInStaff(site, role, name);

  it('a session id planted before sign-in is not the one after it', async () => {
    const victim = new HttpClient(site.baseUrl);
    const planted = randomBytes(32).toString('base64url');
    victim.cookies.set('midad_session', planted);
    const res = await victim.signIn(site.admin.email, site.admin.password);
    const issued = victim.cookies.get('midad_session');
    const attacker = new HttpClient(site.baseUrl);
    attacker.cookies.set('midad_session', planted);
    const attackerPage = await attacker.get('/newsroom');
    report.record(
      'planted session cookie before sign-in',
      res.status === 303 && issued !== undefined && issued !== planted && attackerPage.status === 303,
      `new token issued: ${issued !== planted}, planted token answers ${attackerPage.status}`,
    );
    // A session already signed in is not carried over either: signing in again makes a new one.
    const held = admin.cookies.get('midad_session');
    const again = new HttpClient(site.baseUrl);
    again.cookies.set('midad_session', held ?? '');
    const token = csrfFrom((await again.get('/newsroom/account')).body);
    const resigned = await again.post('/newsroom/sign-in', {
      _csrf: token,
      email: site.admin.email,
      password: site.admin.password,
    });
    report.record(
      'signing in over an existing session issues a new token',
      resigned.status === 303 &&
        (await again.get('/newsroom')).status === 200 &&
        again.cookies.get('midad_session') !== held,
      String(resigned.status),
    );
    assert.deepEqual(report.gotThrough(), []);
  });

  it('the session cookie is HttpOnly and SameSite, and sign-out ends it on the server', async () => {
    const res = await fetch(new URL('/newsroom/sign-in', site.baseUrl), { redirect: 'manual' });
    const pre = res.headers.getSetCookie().join('\n');
    const client = new HttpClient(site.baseUrl);
    const page = await client.get('/newsroom/sign-in');
    const signIn = await fetch(new URL('/newsroom/sign-in', site.baseUrl), {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `midad_csrf=${client.cookies.get('midad_csrf')}`,
      },
      body: new URLSearchParams({
        _csrf: csrfFrom(page.body),
        email: site.admin.email,
        password: site.admin.password,
      }).toString(),
    });
    const cookie = signIn.headers.getSetCookie().find((c) => c.startsWith('midad_session=')) ?? '';
    report.record(
      'session cookie flags',
      /;\s*HttpOnly/i.test(cookie) && /;\s*SameSite=Lax/i.test(cookie) && /;\s*Path=\//i.test(cookie),
      cookie.replace(/=[^;]+/, '=…'),
    );
    report.record('pre-session CSRF cookie flags', /HttpOnly/i.test(pre) && /SameSite=Lax/i.test(pre));

    const stolen = new HttpClient(site.baseUrl);
    const victim = new HttpClient(site.baseUrl);
    await victim.signIn(site.admin.email, site.admin.password);
    stolen.cookies.set('midad_session', victim.cookies.get('midad_session') ?? '');
    assert.equal((await stolen.get('/newsroom')).status, 200, 'the copied cookie works while signed in');
    const out = await victim.submit('/newsroom', '/newsroom/sign-out', {});
    const after = await stolen.get('/newsroom');
    const rows = await site.services.db.kysely
      .selectFrom('sessions')
      .select('id_hash')
      .where('id_hash', '=', hashToken(stolen.cookies.get('midad_session') ?? ''))
      .execute();
    report.record(
      'a copied cookie after sign-out',
      out.status === 303 &&
        after.status === 303 &&
        after.location?.startsWith('/newsroom/sign-in') === true &&
        rows.length === 0,
      `old cookie answers ${after.status}, ${rows.length} session rows left`,
    );
    assert.deepEqual(report.gotThrough(), []);
  });

  it('a second-factor code is good once', async () => {
    const { person, email } = await staff('editor', 'Fatoumata Cissé');
    const actor = { person, ipHash: 'attack-suite' };
    const { secret } = await startTwoFactorEnrolment(site.services, actor);
    // Enrolled with the previous step's code, so the current one is still unused.
    const codes = await confirmTwoFactorEnrolment(site.services, actor, {
      code: generateSync({ secret, epoch: Math.floor(Date.now() / 1000) - 30 }),
    });
    assert.ok(codes, 'enrolled');
    const code = generateSync({ secret });
    const first = new HttpClient(site.baseUrl);
    assert.equal((await first.signIn(email, PASSWORD)).status, 303);
    const ok = await first.submit('/newsroom/sign-in/code', '/newsroom/sign-in/code', { code });
    const replay = new HttpClient(site.baseUrl);
    await replay.signIn(email, PASSWORD);
    const again = await replay.submit('/newsroom/sign-in/code', '/newsroom/sign-in/code', { code });
    const replayPage = await replay.get('/newsroom');
    report.record(
      'the same TOTP code used twice',
      ok.status === 303 &&
        again.status === 401 &&
        again.body.includes(t.codeInvalid) &&
        replayPage.status === 303,
      `first ${ok.status}, second ${again.status}`,
    );
    // Skipping the code step: the half-signed-in session reaches no newsroom page.
    const skip = new HttpClient(site.baseUrl);
    await skip.signIn(email, PASSWORD);
    const pages = await Promise.all(
      ['/newsroom', '/newsroom/articles', '/newsroom/account'].map((p) => skip.get(p)),
    );
    report.record(
      'pages opened between password and code',
      pages.every((p) => p.status === 303 && p.location?.startsWith('/newsroom/sign-in') === true),
      pages.map((p) => p.status).join(','),
    );
    assert.deepEqual(
      report.gotThrough().map((c) => `${c.name} (${c.detail})`),
      [],
    );
  });

  it('password guessing is throttled, even with the right password after', async () => {
    const { email } = await staff('author', 'Hamadou Maïga');
    const guesser = new HttpClient(site.baseUrl);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await guesser.signIn(email, `wrong guess ${i}`)).status);
    const right = await guesser.signIn(email, PASSWORD);
    report.record(
      'five wrong passwords, then the right one',
      statuses.every((s) => s === 401) &&
        right.status === 429 &&
        right.body.includes(t.signInThrottled) &&
        !guesser.cookies.has('midad_session'),
      `${statuses.join(',')} then ${right.status}`,
    );
    assert.deepEqual(
      report.gotThrough().map((c) => `${c.name} (${c.detail})`),
      [],
    );
  });

  it('guesses spread over two processes sharing Redis are counted together', async (ctx) => {
    if (redisSkip) {
      ctx.skip(redisSkip);
      return;
    }
    const { email } = await staff('author', 'Kadiatou Diarra');
    // A second `midad serve` on the same database and Redis, as behind a load balancer.
    other = await startMidad({
      port: await freePort(),
      env: { MIDAD_DATA_DIR: site.dataDir, REDIS_URL: TEST_REDIS_URL, MIDAD_PUBLIC_URL: site.baseUrl },
      startTimeoutMs: 60_000,
    });
    const here = new HttpClient(site.baseUrl);
    const there = new HttpClient(other.baseUrl);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await (i % 2 === 0 ? here : there).signIn(email, `spread guess ${i}`)).status);
    }
    const rightThere = await there.signIn(email, PASSWORD);
    const rightHere = await here.signIn(email, PASSWORD);
    report.record(
      'five wrong passwords over two processes, then the right one on each',
      statuses.every((s) => s === 401) && rightThere.status === 429 && rightHere.status === 429,
      `${statuses.join(',')} then ${rightThere.status} and ${rightHere.status}`,
    );
    assert.deepEqual(
      report.gotThrough().map((c) => `${c.name} (${c.detail})`),
      [],
    );
  });

  it('one-time password links: used once, late or superseded', async () => {
    const p = peopleMessages('ar');
    const { person, email } = await staff('author', 'Inès Belkacem');
    const victim = new HttpClient(site.baseUrl);
    assert.equal((await victim.signIn(email, PASSWORD)).status, 303);
    const db = site.services.db.kysely;
    const hashOf = async () =>
      (
        await db
          .selectFrom('people')
          .select('password_hash')
          .where('id', '=', person.id)
          .executeTakeFirstOrThrow()
      ).password_hash;
    const issue = async () => {
      const res = await admin.submit(
        `/newsroom/people/${person.id}`,
        `/newsroom/people/${person.id}/invite`,
        {},
      );
      const url = /\/newsroom\/invite\/([A-Za-z0-9_-]{20,64})/.exec(res.body)?.[0];
      assert.ok(url, `the admin is shown a new link (${res.status})`);
      return url;
    };
    const use = async (url: string, password: string) => {
      const client = new HttpClient(site.baseUrl);
      const page = await client.get(url);
      if (page.status !== 200) return page;
      return client.post(url, { _csrf: csrfFrom(page.body), password, confirm: password });
    };

    const link = await issue();
    const newPassword = 'kidal dunes at dawn 2026';
    const first = await use(link, newPassword);
    const victimAfter = await victim.get('/newsroom');
    report.record(
      'a password link ends the sessions signed in before it',
      first.status === 200 && victimAfter.status === 303,
      `link ${first.status}, old session ${victimAfter.status}`,
    );
    const hashAfterFirst = await hashOf();
    const reuse = await use(link, 'another password 2026 niger');
    report.record(
      'the same link used a second time',
      reuse.status === 404 && reuse.body.includes(p.invitationInvalid) && (await hashOf()) === hashAfterFirst,
      String(reuse.status),
    );

    const late = await issue();
    await db
      .updateTable('invitations')
      .set({ expires_at: new Date(Date.now() - 60_000).toISOString() })
      .where('person_id', '=', person.id)
      .where('used_at', 'is', null)
      .execute();
    const expired = await use(late, 'late password for tessalit');
    report.record(
      'an expired link',
      expired.status === 404 &&
        expired.body.includes(p.invitationInvalid) &&
        (await hashOf()) === hashAfterFirst,
      String(expired.status),
    );

    const older = await issue();
    const newer = await issue();
    const superseded = await use(older, 'older link password 2026');
    report.record(
      'an older link after a new one was issued',
      superseded.status === 404 && (await hashOf()) === hashAfterFirst,
      String(superseded.status),
    );
    const current = await use(newer, 'newest link password 2026');
    report.record(
      'the newest link still works',
      current.status === 200 && (await hashOf()) !== hashAfterFirst,
    );
    const guessed = await use(
      `/newsroom/invite/${randomBytes(32).toString('base64url')}`,
      'guessed link 2026',
    );
    report.record('a made-up link', guessed.status === 404, String(guessed.status));
    assert.deepEqual(
      report.gotThrough().map((c) => `${c.name} (${c.detail})`),
      [],
    );
  });
});
