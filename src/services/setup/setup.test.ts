// The first-run setup link on both engines: it makes one admin, once, within a day, only while
// the site has none; every refusal leaves the people table as it was. Running the first start
// again on a site without an admin gives a fresh link and kills the old one.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, beforeEach, it } from 'node:test';
import { loadConfig } from '../../config.ts';
import { TooManyRequests } from '../../core/errors.ts';
import { forEachEngine } from '../../db/test-databases.ts';
import { defaultSignInThrottles, memoryFailureThrottle, type SignInThrottles } from '../auth/throttle.ts';
import { resolveSession } from '../auth/sessions.ts';
import { type Services, servicesFor } from '../context.ts';
import { verifyPassword } from '../passwords.ts';
import { PersonInvalid } from '../people/rules.ts';
import { initializeSite } from '../setup.ts';
import { addStaff } from '../staff.ts';
import { type CompleteSetupInput, checkSetupLink, completeSetup, SetupLinkDead } from './complete-setup.ts';
import { SETUP_LINK_HOURS, type SetupLink } from './setup-link.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'midad-setup-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

const ADMIN = {
  name: 'مريم التوري',
  email: 'Mariam@Midad.example',
  password: 'the river rises in august',
  confirm: 'the river rises in august',
  ip: '192.0.2.10',
  userAgent: 'test',
};
const HOUR = 3_600_000;

await forEachEngine((engine) => {
  let services: Services;
  let link: SetupLink;
  let throttles: SignInThrottles;
  const start = new Date('2026-03-01T08:00:00Z');
  const input = (over: Partial<CompleteSetupInput> = {}): CompleteSetupInput => ({
    token: link.token,
    ...ADMIN,
    ...over,
  });

  beforeEach(async () => {
    const db = await engine.fresh();
    const dataDir = fs.mkdtempSync(path.join(dir, `${engine.dialect}-`));
    services = servicesFor(
      loadConfig({}, { dataDir, logLevel: 'silent', publicUrl: 'https://news.example' }),
      db,
    );
    const first = await initializeSite(services, { demo: false, now: start });
    assert.ok(first.setupLink, 'the first start makes a link');
    link = first.setupLink;
    throttles = defaultSignInThrottles();
  });

  /** Nothing in the people table, sessions or the completion marker. */
  async function assertNothingCreated(): Promise<void> {
    assert.equal(await services.repos.people.count(), 0, 'no account was created');
    assert.equal(await services.repos.settings.get('setup.completedAt'), undefined);
  }

  it('prints as a link under the public URL, valid for a day, stored only as a hash', async () => {
    assert.match(link.url, /^https:\/\/news\.example\/newsroom\/setup\/[A-Za-z0-9_-]{43}$/);
    assert.equal(link.url.endsWith(link.token), true);
    assert.equal(Date.parse(link.expiresAt) - start.getTime(), SETUP_LINK_HOURS * HOUR);
    const stored = JSON.stringify(await services.repos.settings.getAll());
    assert.ok(!stored.includes(link.token), 'the token itself is not stored');
    const issued = await services.repos.audit.list({ limit: 10, action: 'setup.link-issued' });
    assert.equal(issued.length, 1);
  });

  it('makes the first admin once, signed in, with the page language and an audit row', async () => {
    await checkSetupLink(services, throttles, { token: link.token, ip: ADMIN.ip }, start);
    const { person, session } = await completeSetup(
      services,
      throttles,
      input({ locale: 'fr' }),
      new Date(start.getTime() + HOUR),
    );
    assert.equal(person.role, 'admin');
    assert.equal(person.email, 'mariam@midad.example');
    assert.equal(person.name, 'مريم التوري');
    assert.equal(person.locale, 'fr');
    const hash = await services.repos.people.passwordHash(person.id);
    assert.ok(hash && (await verifyPassword(hash, ADMIN.password)));
    const resolved = await resolveSession(services, session.token, new Date(start.getTime() + HOUR));
    assert.equal(resolved?.person.id, person.id);
    assert.equal(resolved?.session.stage, 'full');
    const audit = await services.repos.audit.list({ limit: 10, action: 'setup.completed' });
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.personId, person.id);

    // The same link again, with another e-mail: dead, and nobody else is made.
    await assert.rejects(
      completeSetup(services, throttles, input({ email: 'other@midad.example' }), start),
      SetupLinkDead,
    );
    await assert.rejects(
      checkSetupLink(services, throttles, { token: link.token, ip: ADMIN.ip }, start),
      SetupLinkDead,
    );
    assert.equal(await services.repos.people.count(), 1);
    // A later start has nothing to print.
    assert.equal((await initializeSite(services, { demo: false })).setupLink, null);
  });

  it('refuses an expired link and creates nothing', async () => {
    const late = new Date(Date.parse(link.expiresAt) + 1000);
    await assert.rejects(completeSetup(services, throttles, input(), late), SetupLinkDead);
    await assert.rejects(
      checkSetupLink(services, throttles, { token: link.token, ip: ADMIN.ip }, late),
      SetupLinkDead,
    );
    await assertNothingCreated();
    // A minute before the end it still works.
    const inTime = new Date(Date.parse(link.expiresAt) - 60_000);
    await checkSetupLink(services, throttles, { token: link.token, ip: ADMIN.ip }, inTime);
  });

  it('refuses an altered, unknown or malformed token and creates nothing', async () => {
    const last = link.token.at(-1) === 'A' ? 'B' : 'A';
    const tokens = [
      `${link.token.slice(0, -1)}${last}`,
      'x'.repeat(43),
      link.token.slice(0, 20),
      `${link.token}=`,
      '',
      '../../etc/passwd',
    ];
    for (const token of tokens) {
      await assert.rejects(completeSetup(services, throttles, input({ token }), start), SetupLinkDead, token);
    }
    await assertNothingCreated();
    const refused = await services.repos.audit.list({ limit: 20, action: 'setup.refused' });
    assert.equal(refused.length, tokens.length, 'each refused attempt is audited');
  });

  it('is dead once the site has an admin, whoever made it', async () => {
    await addStaff(services, {
      email: 'script@midad.example',
      name: 'Script',
      role: 'admin',
      password: 'provisioned on the first boot',
    });
    await assert.rejects(completeSetup(services, throttles, input(), start), SetupLinkDead);
    await assert.rejects(
      checkSetupLink(services, throttles, { token: link.token, ip: ADMIN.ip }, start),
      SetupLinkDead,
    );
    assert.equal(await services.repos.people.count(), 1, 'only the scripted admin');
    assert.equal((await initializeSite(services, { demo: false })).setupLink, null, 'no new link either');
  });

  it('gives a fresh link on a later start while setup is not done; the old one dies', async () => {
    const again = await initializeSite(services, { demo: false, now: start });
    assert.ok(again.setupLink);
    assert.equal(again.seeded, null, 'nothing is seeded twice');
    assert.notEqual(again.setupLink.token, link.token);
    await assert.rejects(completeSetup(services, throttles, input(), start), SetupLinkDead);
    await assertNothingCreated();
    const { person } = await completeSetup(
      services,
      throttles,
      input({ token: again.setupLink.token }),
      start,
    );
    assert.equal(person.role, 'admin');
  });

  it('keeps the link usable when a field is refused, and creates nothing', async () => {
    const cases: [Partial<CompleteSetupInput>, Record<string, string>][] = [
      [{ password: 'short', confirm: 'short' }, { password: 'errPasswordShort' }],
      [
        { password: 'mariam-is-my-password', confirm: 'mariam-is-my-password' },
        { password: 'errPasswordPersonal' },
      ],
      [{ confirm: 'the river rises in july' }, { confirm: 'errConfirm' }],
      [
        { email: 'not an address', name: '  ' },
        { email: 'errEmail', name: 'errName' },
      ],
    ];
    for (const [over, problems] of cases) {
      await assert.rejects(completeSetup(services, throttles, input(over), start), (err: unknown) => {
        assert.ok(err instanceof PersonInvalid);
        assert.deepEqual(err.problems, problems);
        return true;
      });
    }
    await assertNothingCreated();
    await checkSetupLink(services, throttles, { token: link.token, ip: ADMIN.ip }, start);
  });

  it('does not take over an account that has a password; makes a passwordless one admin', async () => {
    await addStaff(services, {
      email: 'editor@midad.example',
      name: 'Editor',
      role: 'editor',
      password: 'a desk with its own key',
    });
    await assert.rejects(
      completeSetup(services, throttles, input({ email: 'Editor@midad.example' }), start),
      (err: unknown) => err instanceof PersonInvalid && err.problems.email === 'errEmailTaken',
    );
    assert.equal((await services.repos.people.byEmail('editor@midad.example'))?.role, 'editor');
    const imported = await services.repos.people.create({
      email: 'mariam@midad.example',
      name: 'M. Touré',
      slug: 'm-toure',
      role: 'author',
      passwordHash: null,
    });
    const { person } = await completeSetup(services, throttles, input(), start);
    assert.equal(person.id, imported.id, 'the imported author became the admin');
    assert.equal(person.role, 'admin');
    assert.equal(await services.repos.people.count(), 2);
  });

  it('throttles an address after repeated dead links, as sign-in does', async () => {
    const tight: SignInThrottles = {
      perAccount: memoryFailureThrottle(3, 15 * 60_000),
      perAddress: memoryFailureThrottle(3, 15 * 60_000),
    };
    for (let i = 0; i < 3; i++) {
      await assert.rejects(
        checkSetupLink(services, tight, { token: 'y'.repeat(43), ip: ADMIN.ip }, start),
        SetupLinkDead,
      );
    }
    await assert.rejects(completeSetup(services, tight, input(), start), TooManyRequests);
    await assertNothingCreated();
    // Another address is not held back.
    const { person } = await completeSetup(services, tight, input({ ip: '198.51.100.7' }), start);
    assert.equal(person.role, 'admin');
  });

  it('makes one admin when the link is used twice at the same moment', async () => {
    const results = await Promise.allSettled([
      completeSetup(services, throttles, input({ email: 'first@midad.example' }), start),
      completeSetup(services, throttles, input({ email: 'second@midad.example', ip: '198.51.100.8' }), start),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1, JSON.stringify(results));
    const refused = results.find((r) => r.status === 'rejected');
    assert.ok(
      refused && refused.reason instanceof SetupLinkDead,
      String(refused?.status === 'rejected' && refused.reason),
    );
    assert.equal(await services.repos.people.count(), 1);
  });
});
