// Sign-in and the account commands on their own (the newsroom's forms are tested in
// web/newsroom/sign-in): the address kept only as its hash, one audit row per outcome, and
// sign-out and password changes ending the right sessions.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestSite, type TestSite } from '../../../test/support/site.ts';
import { Invalid } from '../../core/errors.ts';
import { ipHashOf } from '../actor.ts';
import { addStaff } from '../staff.ts';
import { changePassword } from './account-security.ts';
import { resolveSession } from './sessions.ts';
import { signIn, signOut } from './sign-in.ts';
import { memoryFailureThrottle } from './throttle.ts';

let site: TestSite;
before(async () => {
  site = await startTestSite();
});
after(() => site.close());

const throttles = () => ({
  perAccount: memoryFailureThrottle(5, 60_000),
  perAddress: memoryFailureThrottle(20, 60_000),
});

describe('signIn and signOut', () => {
  it('opens a session from the right password, audited with the hashed address, and signs out', async () => {
    const { person } = await addStaff(site.services, {
      email: 'kadiatou@midad.example',
      name: 'Kadiatou Sow',
      role: 'author',
      password: 'segou river at noon',
    });
    const input = {
      email: 'Kadiatou@midad.example',
      password: 'segou river at noon',
      ip: '198.51.100.7',
      userAgent: 'test',
    };
    const result = await signIn(site.services, throttles(), input);
    assert.ok(result.ok);
    const ipHash = await ipHashOf(site.services, '198.51.100.7');
    const [entry] = await site.services.repos.audit.list({
      limit: 1,
      action: 'sign-in.success',
      personId: person.id,
    });
    assert.equal(entry?.ipHash, ipHash);
    assert.notEqual(entry?.ipHash, '198.51.100.7');

    const resolved = await resolveSession(site.services, result.session.token);
    assert.ok(resolved);
    await signOut(site.services, { person, ipHash }, { sessionIdHash: resolved.session.idHash });
    assert.equal(await resolveSession(site.services, result.session.token), null);
    assert.equal(
      (await site.services.repos.audit.list({ limit: 5, action: 'sign-out', personId: person.id })).length,
      1,
    );
  });

  it('refuses a wrong password without a session, and counts it', async () => {
    const result = await signIn(site.services, throttles(), {
      email: 'kadiatou@midad.example',
      password: 'not the password',
      ip: '198.51.100.8',
      userAgent: 'test',
    });
    assert.deepEqual(result, { ok: false, reason: 'invalid' });
  });
});

describe('changePassword', () => {
  it('needs the current password, refuses weak ones and keeps only the current session', async () => {
    const { person } = await addStaff(site.services, {
      email: 'seydou@midad.example',
      name: 'Seydou Koné',
      role: 'author',
      password: 'kayes morning train',
    });
    const sign = (ip: string) =>
      signIn(site.services, throttles(), {
        email: person.email,
        password: 'kayes morning train',
        ip,
        userAgent: 't',
      });
    const here = await sign('198.51.100.20');
    const there = await sign('198.51.100.21');
    assert.ok(here.ok && there.ok);
    const actor = { person, ipHash: 'test' };
    const keep = here.session.session.idHash;
    await assert.rejects(
      changePassword(site.services, actor, {
        current: 'wrong',
        password: 'a much better password',
        keepSessionIdHash: keep,
      }),
      (err: unknown) => err instanceof Invalid && err.fields.current === 'wrongPassword',
    );
    await assert.rejects(
      changePassword(site.services, actor, {
        current: 'kayes morning train',
        password: 'short',
        keepSessionIdHash: keep,
      }),
      (err: unknown) => err instanceof Invalid && err.fields.password === 'errPasswordShort',
    );
    await changePassword(site.services, actor, {
      current: 'kayes morning train',
      password: 'a much better password',
      keepSessionIdHash: keep,
    });
    assert.ok(await resolveSession(site.services, here.session.token));
    assert.equal(await resolveSession(site.services, there.session.token), null);
    assert.equal(
      (await site.services.repos.audit.list({ limit: 5, action: 'password.changed', personId: person.id }))
        .length,
      1,
    );
  });
});
