// Attacks on who is signed in and what they may do, over HTTP against a running site: a planted
// session id, a stolen cookie after sign-out, ids changed in forms and URLs, roles claimed in a
// profile form, a second-factor code played twice, password guessing (also spread over two
// processes that share Redis), and one-time password links used twice, late or superseded.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { generateSync } from 'otplib';
import { startEnrolment, confirmEnrolment } from '../../../src/services/auth/two-factor.ts';
import { hashToken } from '../../../src/services/auth/sessions.ts';
import { addStaff } from '../../../src/services/staff.ts';
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
import { dataHash } from '../support/attack-site.ts';

const report = new AttackReport('auth');
const t = newsroomMessages('ar');
const PASSWORD = 'sahel rains return early 2026';

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

describe('attack suite: sessions, privileges, second factor, guessing, password links', {
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

  /** A new person of the role, signed in over HTTP. */
  const staff = async (role: 'admin' | 'editor' | 'author' | 'contributor', name: string) => {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}@midad.example`;
    const { person } = await addStaff(site.services, { email, name, role, password: PASSWORD });
    const client = new HttpClient(site.baseUrl);
    const res = await client.signIn(email, PASSWORD);
    assert.equal(res.status, 303, `${role} signs in`);
    return { client, person, email };
  };

  const newDraft = async (client: HttpClient) => {
    const res = await client.submit('/newsroom/articles', '/newsroom/articles/new', {});
    const id = Number(/\/newsroom\/articles\/(\d+)$/.exec(res.location ?? '')?.[1]);
    assert.ok(id > 0, `a draft was created: ${res.status} ${res.location}`);
    return id;
  };

  const articleFields = (title: string, version: string, intent = 'save') => ({
    title,
    slug: '',
    dek: 'Les éleveurs reviennent au marché de Tahoua après la saison des pluies.',
    body_html: '<p>Le marché hebdomadaire a retrouvé son animation.</p>',
    lang: 'fr',
    version,
    intent,
  });

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

  it('ids changed in forms and URLs, roles claimed in forms, pages above one’s role', async () => {
    const alice = await staff('author', 'Awa Sangaré');
    const bob = await staff('author', 'Boubacar Keïta');
    const contributor = await staff('contributor', 'Chaïma Bensalah');
    const editor = await staff('editor', 'Djibril Ouédraogo');
    const theirs = await newDraft(bob.client);
    const mine = await newDraft(alice.client);
    const db = site.services.db.kysely;
    const articleRow = (id: number) =>
      db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const bobsBefore = JSON.stringify(await articleRow(theirs));
    const version = String((await articleRow(theirs)).version);

    // Alice posts her form to Bob's article URL, with a token of her own.
    const token = csrfFrom((await alice.client.get(`/newsroom/articles/${mine}`)).body);
    const forged = await alice.client.post(`/newsroom/articles/${theirs}`, {
      _csrf: token,
      ...articleFields('Article détourné', version),
    });
    report.record(
      "author saves another author's article by changing the id in the URL",
      forged.status === 403 &&
        forged.body.includes(t.forbidden) &&
        JSON.stringify(await articleRow(theirs)) === bobsBefore,
      String(forged.status),
    );
    const autosave = await alice.client.post(`/newsroom/articles/${theirs}/autosave`, {
      _csrf: token,
      ...articleFields('Autosave détourné', version),
    });
    report.record(
      "author autosaves another author's article",
      autosave.status === 403 && JSON.stringify(await articleRow(theirs)) === bobsBefore,
      String(autosave.status),
    );
    // An `id` field in her own article's form does not redirect the save to Bob's.
    const mineVersion = String((await articleRow(mine)).version);
    const ownWithId = await alice.client.post(`/newsroom/articles/${mine}`, {
      _csrf: token,
      id: String(theirs),
      article_id: String(theirs),
      ...articleFields('Le marché de Tahoua', mineVersion),
    });
    report.record(
      'an id field in the form body is ignored',
      ownWithId.status === 303 &&
        (await articleRow(mine)).title === 'Le marché de Tahoua' &&
        JSON.stringify(await articleRow(theirs)) === bobsBefore,
      String(ownWithId.status),
    );
    const viewOthers = await alice.client.get(`/newsroom/articles/${theirs}`);
    report.record(
      "author opens another author's draft",
      viewOthers.status === 403,
      String(viewOthers.status),
    );

    // A contributor's own draft: they may submit it, never publish it.
    const draft = await newDraft(contributor.client);
    const cToken = csrfFrom((await contributor.client.get(`/newsroom/articles/${draft}`)).body);
    const draftBefore = JSON.stringify(await articleRow(draft));
    const publish = await contributor.client.post(`/newsroom/articles/${draft}`, {
      _csrf: cToken,
      ...articleFields('Publication forcée', String((await articleRow(draft)).version), 'publish'),
    });
    report.record(
      'contributor publishes their own draft',
      publish.status === 403 && JSON.stringify(await articleRow(draft)) === draftBefore,
      `${publish.status}, status ${(await articleRow(draft)).status}`,
    );

    // Alice's own profile form, with a role field added.
    const person = (id: number) =>
      db.selectFrom('people').select(['role', 'name']).where('id', '=', id).executeTakeFirstOrThrow();
    const profile = await alice.client.submit(
      `/newsroom/people/${alice.person.id}`,
      `/newsroom/people/${alice.person.id}`,
      {
        name: 'Awa Sangaré',
        email: alice.email,
        slug: 'awa-sangare',
        role: 'admin',
        bio: 'Correspondante à Mopti.',
        locale: 'ar',
      },
    );
    report.record(
      'author claims the admin role in their own profile form',
      profile.status < 500 && (await person(alice.person.id)).role === 'author',
      `${profile.status}, role ${(await person(alice.person.id)).role}`,
    );
    const adminId = (await site.services.repos.people.byEmail(site.admin.email))!.id;
    const adminBefore = JSON.stringify(await person(adminId));
    const editOther = await alice.client.post(`/newsroom/people/${adminId}`, {
      _csrf: token,
      name: 'Compte pris',
      email: 'taken@evil.example',
      role: 'author',
    });
    report.record(
      "author edits the admin's profile by changing the id",
      editOther.status === 403 && JSON.stringify(await person(adminId)) === adminBefore,
      String(editOther.status),
    );

    for (const path of [
      '/newsroom/settings',
      '/newsroom/people',
      '/newsroom/webhooks',
      '/newsroom/import',
      '/newsroom/audit',
    ]) {
      const res = await editor.client.get(path);
      report.record(
        `editor opens ${path}`,
        res.status === 403 && res.body.includes(t.forbidden),
        String(res.status),
      );
    }
    const before = await dataHash(site.services);
    const eToken = csrfFrom((await editor.client.get('/newsroom/account')).body);
    for (const [path, fields] of [
      ['/newsroom/settings', { site_name: 'Pris' }],
      ['/newsroom/people', { name: 'Intrus', email: 'intrus@evil.example', role: 'admin' }],
      ['/newsroom/webhooks', { url: 'https://evil.example/hook' }],
      [
        `/newsroom/people/${editor.person.id}`,
        { name: 'Djibril Ouédraogo', email: editor.email, role: 'admin' },
      ],
    ] as const) {
      const res = await editor.client.post(path, { _csrf: eToken, ...fields });
      const role = (await person(editor.person.id)).role;
      report.record(
        `editor posts to ${path.replace(String(editor.person.id), ':own-id')}`,
        // Refused outright (403), refused as incomplete (422) with nothing written, or the
        // editor's own profile saved (303) without the role.
        role === 'editor' &&
          (res.status === 303 ||
            ((res.status === 403 || res.status === 422) && (await dataHash(site.services)) === before)),
        `${res.status}, role ${role}`,
      );
    }
    assert.deepEqual(
      report.gotThrough().map((c) => `${c.name} (${c.detail})`),
      [],
    );
  });

  it('a second-factor code is good once', async () => {
    const { person, email } = await staff('editor', 'Fatoumata Cissé');
    const { secret } = await startEnrolment(site.services.repos, {
      personId: person.id,
      email,
      issuer: 'Midad',
    });
    // Enrolled with the previous step's code, so the current one is still unused.
    const codes = await confirmEnrolment(
      site.services.repos,
      person.id,
      generateSync({ secret, epoch: Math.floor(Date.now() / 1000) - 30 }),
    );
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
