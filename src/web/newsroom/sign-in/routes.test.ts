// Signing in to the newsroom over HTTP: passwords, sessions, two-step verification,
// throttling, CSRF and the audit trail, on a real SQLite site.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateSync } from 'otplib';
import { NewsroomClient } from '../../../../test/support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';
import { memoryFailureThrottle } from '../../../services/auth/throttle.ts';
import { addStaff } from '../../../services/staff.ts';
import { updateSiteSettings } from '../../../services/settings.ts';

let site: TestSite;
before(async () => {
  site = await startTestSite({
    signInThrottles: {
      perAccount: memoryFailureThrottle(10, 60_000),
      perAddress: memoryFailureThrottle(100, 60_000),
    },
  });
});
after(() => site.close());

describe('sign-in', () => {
  it('sends visitors to the sign-in page and back where they were going', async () => {
    const client = new NewsroomClient(site.app);
    const res = await client.get('/newsroom/comments');
    assert.equal(res.status, 303);
    assert.equal(res.location, '/newsroom/sign-in?next=%2Fnewsroom%2Fcomments');
    const page = await client.get(res.location);
    assert.match(page.body, /<html lang="ar" dir="rtl">/);
    assert.ok(page.body.includes('name="_csrf"'));
  });

  it('signs in with the right password, with an HttpOnly SameSite=Lax cookie, and signs out', async () => {
    const client = new NewsroomClient(site.app);
    const raw = await site.app.inject({ url: '/newsroom/sign-in' });
    assert.ok(raw.headers['set-cookie']);
    const res = await client.signIn(site.admin.email, site.admin.password);
    assert.equal(res.status, 303);
    assert.equal(res.location, '/newsroom');
    const cookie = [...client.cookies.keys()];
    assert.ok(cookie.includes('midad_session'));
    const dash = await client.get('/newsroom');
    assert.equal(dash.status, 200);
    assert.ok(dash.body.includes('Admin'));
    const out = await client.submit('/newsroom', '/newsroom/sign-out', {});
    assert.equal(out.status, 303);
    assert.equal((await client.get('/newsroom')).status, 303, 'signed out');
  });

  it('sets the session cookie HttpOnly and SameSite=Lax, with a new id at each sign-in', async () => {
    const first = new NewsroomClient(site.app);
    await first.signIn(site.admin.email, site.admin.password);
    const second = new NewsroomClient(site.app);
    await second.signIn(site.admin.email, site.admin.password);
    assert.notEqual(first.cookies.get('midad_session'), second.cookies.get('midad_session'));
    const page = await site.app.inject({ url: '/newsroom/sign-in' });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const pre = page.cookies.find((c) => c.name === 'midad_csrf')?.value ?? '';
    const res = await site.app.inject({
      method: 'POST',
      url: '/newsroom/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `midad_csrf=${pre}` },
      payload: new URLSearchParams({
        _csrf: csrf,
        email: site.admin.email,
        password: site.admin.password,
      }).toString(),
    });
    const session = res.cookies.find((c) => c.name === 'midad_session');
    assert.equal(session?.httpOnly, true);
    assert.equal(session?.sameSite, 'Lax');
    assert.equal(session?.path, '/');
  });

  it('refuses a wrong password or an unknown e-mail with the same message', async () => {
    const client = new NewsroomClient(site.app, '192.0.2.50');
    const wrong = await client.signIn(site.admin.email, 'not the password at all');
    const unknown = await client.signIn('nobody@example.com', 'not the password at all');
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    for (const r of [wrong, unknown])
      assert.ok(r.body.includes('البريد الإلكتروني أو كلمة المرور غير صحيحة'));
    assert.ok(wrong.body.includes(`value="${site.admin.email}"`), 'the e-mail is kept in the form');
  });

  it('refuses a form without its CSRF token and changes nothing', async () => {
    const client = new NewsroomClient(site.app);
    await client.get('/newsroom/sign-in');
    const res = await client.post('/newsroom/sign-in', {
      email: site.admin.email,
      password: site.admin.password,
    });
    assert.equal(res.status, 403);
    assert.ok(res.body.includes('انتهت صلاحية النموذج'));
    assert.ok(!client.cookies.has('midad_session'));
  });

  it('throttles an account after repeated failures and logs every attempt', async () => {
    const { person } = await addStaff(site.services, {
      email: 'target@midad.example',
      name: 'Target Reporter',
      role: 'author',
      password: 'a long and good password',
    });
    const client = new NewsroomClient(site.app, '192.0.2.77');
    for (let i = 0; i < 10; i++)
      assert.equal((await client.signIn(person.email, `wrong password ${i}`)).status, 401);
    const blocked = await client.signIn(person.email, 'a long and good password');
    assert.equal(blocked.status, 429);
    assert.ok(blocked.body.includes('محاولات كثيرة'));
    const failures = await site.services.repos.audit.list({
      limit: 50,
      action: 'sign-in.failure',
      personId: person.id,
    });
    assert.equal(failures.length, 10);
    assert.equal((await site.services.repos.audit.list({ limit: 5, action: 'sign-in.throttled' })).length, 1);
  });
});

describe('two-step verification', () => {
  it('enrols with a code from the shown secret, then asks for a code at sign-in', async () => {
    await addStaff(site.services, {
      email: 'fatima@midad.example',
      name: 'Fatima Touré',
      role: 'editor',
      password: 'correct horse battery staple',
    });
    const client = new NewsroomClient(site.app, '192.0.2.20');
    await client.signIn('fatima@midad.example', 'correct horse battery staple');
    const start = await client.submit('/newsroom/account', '/newsroom/account/2fa/start', {});
    assert.ok(start.body.includes('<svg'), 'QR code rendered on the server');
    const secret = /data-secret="([A-Z2-7]+)"/.exec(start.body)?.[1];
    assert.ok(secret);
    const wrong = await client.submit('/newsroom/account', '/newsroom/account/2fa/confirm', {
      code: '000000',
    });
    assert.equal(wrong.status, 422);
    const confirmed = await client.submit('/newsroom/account', '/newsroom/account/2fa/confirm', {
      code: generateSync({ secret }),
    });
    assert.equal(confirmed.status, 200);
    const codes = [
      ...confirmed.body.matchAll(/<code>([0-9a-f]{5}-[0-9a-f]{5}-[0-9a-f]{5}-[0-9a-f]{5})<\/code>/g),
    ].map((m) => m[1]!);
    assert.equal(codes.length, 10);

    const again = new NewsroomClient(site.app, '192.0.2.21');
    const step1 = await again.signIn('fatima@midad.example', 'correct horse battery staple');
    assert.match(step1.location ?? '', /^\/newsroom\/sign-in\/code/);
    assert.equal((await again.get('/newsroom')).status, 303, 'not in before the code');
    const bad = await again.submit(step1.location!, '/newsroom/sign-in/code', { code: '123456' });
    assert.equal(bad.status, 401);
    const good = await again.submit(step1.location!, '/newsroom/sign-in/code', { code: codes[0]! });
    assert.equal(good.status, 303);
    assert.equal((await again.get('/newsroom')).status, 200);

    const reuse = new NewsroomClient(site.app, '192.0.2.22');
    const s = await reuse.signIn('fatima@midad.example', 'correct horse battery staple');
    const replay = await reuse.submit(s.location!, '/newsroom/sign-in/code', { code: codes[0]! });
    assert.equal(replay.status, 401, 'a recovery code works once');
  });

  it('sends staff without 2FA to enrol when the admin requires it', async () => {
    await updateSiteSettings(site.services.repos, { requireTwoFactor: true });
    try {
      const client = new NewsroomClient(site.app);
      await client.signIn(site.admin.email, site.admin.password);
      const res = await client.get('/newsroom/comments');
      assert.equal(res.status, 303);
      assert.equal(res.location, '/newsroom/account');
      const account = await client.get('/newsroom/account');
      assert.ok(account.body.includes('يطلب مدير الموقع'));
    } finally {
      await updateSiteSettings(site.services.repos, { requireTwoFactor: false });
    }
  });
});

describe('passwords', () => {
  it('changing the password ends the other sessions and refuses weak ones', async () => {
    await addStaff(site.services, {
      email: 'moussa@midad.example',
      name: 'Moussa Diarra',
      role: 'author',
      password: 'first strong password here',
    });
    const laptop = new NewsroomClient(site.app, '192.0.2.30');
    const phone = new NewsroomClient(site.app, '192.0.2.31');
    await laptop.signIn('moussa@midad.example', 'first strong password here');
    await phone.signIn('moussa@midad.example', 'first strong password here');
    const weak = await laptop.submit('/newsroom/account', '/newsroom/account/password', {
      current: 'first strong password here',
      password: 'short',
    });
    assert.equal(weak.status, 422);
    assert.ok(weak.body.includes('12 حرفًا على الأقل'));
    const ok = await laptop.submit('/newsroom/account', '/newsroom/account/password', {
      current: 'first strong password here',
      password: 'second strong password here',
    });
    assert.equal(ok.status, 200);
    assert.equal((await laptop.get('/newsroom')).status, 200, 'this session stays');
    assert.equal((await phone.get('/newsroom')).status, 303, 'the other session ended');
  });
});

describe('forms with a field given twice', () => {
  it('are refused with a 400 and change nothing', async () => {
    const client = new NewsroomClient(site.app, '192.0.2.40');
    const signIn = await client.submit('/newsroom/sign-in', '/newsroom/sign-in', {
      email: [site.admin.email, 'other@example.org'],
      password: site.admin.password,
    });
    assert.equal(signIn.status, 400);
    assert.ok(!client.cookies.has('midad_session'));

    await addStaff(site.services, {
      email: 'awa@midad.example',
      name: 'Awa Keïta',
      role: 'author',
      password: 'bamako evening light',
    });
    assert.equal((await client.signIn('awa@midad.example', 'bamako evening light')).status, 303);
    const password = await client.submit('/newsroom/account', '/newsroom/account/password', {
      current: 'bamako evening light',
      password: ['a new strong password 1', 'a new strong password 2'],
    });
    assert.equal(password.status, 400);
    const code = await client.submit('/newsroom/account', '/newsroom/account/2fa/confirm', {
      code: ['123456', '654321'],
    });
    assert.equal(code.status, 400);
    const again = new NewsroomClient(site.app, '192.0.2.41');
    assert.equal((await again.signIn('awa@midad.example', 'bamako evening light')).status, 303);
  });
});
