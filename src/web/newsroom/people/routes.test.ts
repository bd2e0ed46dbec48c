// The team pages over HTTP: inviting with a one-time link, profiles, roles, disabling, photos,
// and what non-admins are refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { NewsroomClient, staffClient } from '../../../../test/support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';
import { tinyPdf } from '../../../media/test-images.ts';
import { postMultipart } from '../../../../test/support/media-library.ts';

let site: TestSite;
let admin: NewsroomClient;

before(async () => {
  site = await startTestSite();
  admin = new NewsroomClient(site.app, '192.0.2.70');
  const res = await admin.signIn(site.admin.email, site.admin.password);
  assert.equal(res.status, 303);
});
after(() => site.close());

function inviteLink(html: string): string {
  const url = /value="(https?:\/\/[^"]+\/newsroom\/invite\/[A-Za-z0-9_-]+)"/.exec(html)?.[1];
  assert.ok(url, 'the page shows the invitation link');
  return new URL(url).pathname;
}

async function auditActions(): Promise<string[]> {
  return (await site.services.repos.audit.list({ limit: 200 })).map((e) => e.action);
}

describe('inviting someone', () => {
  it('creates the person without a password and shows a one-time link', async () => {
    const res = await admin.submit('/newsroom/people', '/newsroom/people', {
      name: 'Aminata Traoré',
      email: 'Aminata@Gao-News.example',
      role: 'author',
    });
    assert.equal(res.status, 201);
    const link = inviteLink(res.body);
    const person = await site.services.repos.people.byEmail('aminata@gao-news.example');
    assert.ok(person);
    assert.equal(person.role, 'author');
    assert.equal(await site.services.repos.people.passwordHash(person.id), null);
    assert.ok((await auditActions()).includes('person.invited'));

    const guest = new NewsroomClient(site.app, '192.0.2.71');
    const page = await guest.get(link);
    assert.equal(page.status, 200);
    assert.match(page.body, /Aminata Traoré/);

    const short = await guest.submit(link, link, { password: 'short', confirm: 'short' });
    assert.equal(short.status, 422);
    assert.match(short.body, /12/);
    const mismatch = await guest.submit(link, link, {
      password: 'river niger at dawn 2026',
      confirm: 'river niger at dusk 2026',
    });
    assert.equal(mismatch.status, 422);
    assert.match(mismatch.body, /غير متطابقتين/);

    const ok = await guest.submit(link, link, {
      password: 'river niger at dawn 2026',
      confirm: 'river niger at dawn 2026',
    });
    assert.equal(ok.status, 200);
    assert.equal((await guest.get(link)).status, 404, 'the link works once');
    assert.equal((await guest.signIn('aminata@gao-news.example', 'river niger at dawn 2026')).status, 303);
    assert.equal((await guest.get('/newsroom')).status, 200);
    assert.ok((await auditActions()).includes('invitation.accepted'));
  });

  it('refuses a taken e-mail and a bad role, keeping what was typed', async () => {
    const res = await admin.submit('/newsroom/people', '/newsroom/people', {
      name: 'Deuxième compte',
      email: site.admin.email,
      role: 'owner',
    });
    assert.equal(res.status, 422);
    assert.match(res.body, /Deuxième compte/);
    assert.match(res.body, /مستعمل لشخص آخر|اختر دورًا/);
  });

  it('answers an unknown or malformed link with a clear 404 page', async () => {
    const guest = new NewsroomClient(site.app, '192.0.2.72');
    for (const path of ['/newsroom/invite/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', '/newsroom/invite/../../etc']) {
      const res = await guest.get(path);
      assert.equal(res.status, 404);
    }
  });

  it('a new link replaces the old one', async () => {
    const first = await admin.submit('/newsroom/people', '/newsroom/people', {
      name: 'Ibrahim Maïga',
      email: 'ibrahim@example.org',
      role: 'contributor',
    });
    const oldLink = inviteLink(first.body);
    const person = await site.services.repos.people.byEmail('ibrahim@example.org');
    assert.ok(person);
    const again = await admin.submit(
      `/newsroom/people/${person.id}`,
      `/newsroom/people/${person.id}/invite`,
      {},
    );
    assert.equal(again.status, 200);
    const newLink = inviteLink(again.body);
    assert.notEqual(newLink, oldLink);
    const guest = new NewsroomClient(site.app, '192.0.2.73');
    assert.equal((await guest.get(oldLink)).status, 404);
    assert.equal((await guest.get(newLink)).status, 200);
  });
});

describe('roles and accounts', () => {
  it('changes a role, audited, and never demotes or disables the last admin', async () => {
    const person = (await site.services.repos.people.list()).find((p) => p.role === 'editor');
    assert.ok(person, 'the demo team has an editor');
    const form = {
      name: person.name,
      email: person.email,
      slug: person.slug,
      bio: person.bio,
      locale: person.locale,
      role: 'author',
    };
    const res = await admin.submit(`/newsroom/people/${person.id}`, `/newsroom/people/${person.id}`, form);
    assert.equal(res.status, 303);
    assert.equal((await site.services.repos.people.byId(person.id))?.role, 'author');
    const entry = (await site.services.repos.audit.list({ limit: 50, action: 'person.role-changed' }))[0];
    assert.deepEqual(entry?.details, { from: 'editor', to: 'author' });

    const me = await site.services.repos.people.byEmail(site.admin.email);
    assert.ok(me);
    const demote = await admin.submit(`/newsroom/people/${me.id}`, `/newsroom/people/${me.id}`, {
      name: me.name,
      email: me.email,
      slug: me.slug,
      bio: me.bio,
      locale: me.locale,
      role: 'editor',
    });
    assert.equal(demote.status, 422);
    assert.match(demote.body, /آخر مدير/);
    assert.equal((await site.services.repos.people.byId(me.id))?.role, 'admin');
  });

  it('disabling ends the sessions at once and stops sign-in; enabling lets them back', async () => {
    const client = await staffClient(site, 'author', '192.0.2.74');
    const person = await site.services.repos.people.byEmail(
      'author-192027474@midad.example'.replace('192027474', '1920274'),
    );
    const target =
      person ?? (await site.services.repos.people.list()).find((p) => p.email.startsWith('author-1920274'));
    assert.ok(target);
    const res = await admin.submit(
      `/newsroom/people/${target.id}`,
      `/newsroom/people/${target.id}/disable`,
      {},
    );
    assert.equal(res.status, 200);
    assert.equal((await site.services.repos.people.byId(target.id))?.disabled, true);
    const after = await client.get('/newsroom');
    assert.equal(after.status, 303);
    assert.equal((await client.signIn(target.email, 'tombouctou manuscripts 2026')).status, 401);
    assert.ok((await auditActions()).includes('person.disabled'));
    await admin.submit(`/newsroom/people/${target.id}`, `/newsroom/people/${target.id}/enable`, {});
    assert.equal((await client.signIn(target.email, 'tombouctou manuscripts 2026')).status, 303);
  });

  it('an admin cannot disable their own account', async () => {
    const me = await site.services.repos.people.byEmail(site.admin.email);
    assert.ok(me);
    const res = await admin.submit(`/newsroom/people/${me.id}`, `/newsroom/people/${me.id}/disable`, {});
    assert.equal(res.status, 422);
    assert.match(res.body, /لا يمكنك تعطيل حسابك/);
    assert.equal((await site.services.repos.people.byId(me.id))?.disabled, false);
  });
});

describe('profiles', () => {
  it('lets anyone edit their own profile and newsroom language, but not their role', async () => {
    const client = await staffClient(site, 'contributor', '192.0.2.75');
    const me = (await site.services.repos.people.list()).find((p) =>
      p.email.startsWith('contributor-1920275'),
    );
    assert.ok(me);
    const profile = await client.get('/newsroom/profile');
    assert.equal(profile.status, 303);
    assert.equal(profile.location, `/newsroom/people/${me.id}`);
    const page = await client.get(`/newsroom/people/${me.id}`);
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.body, /name="role"/);
    const res = await client.submit(`/newsroom/people/${me.id}`, `/newsroom/people/${me.id}`, {
      name: 'Halima Diallo',
      email: me.email,
      slug: 'halima-diallo',
      bio: 'Reporter in Mopti. Writes about farming and the river economy.',
      locale: 'fr',
      role: 'admin',
      link_label_0: 'Site',
      link_url_0: 'https://halima.example/',
    });
    assert.equal(res.status, 303);
    const saved = await site.services.repos.people.byId(me.id);
    assert.equal(saved?.role, 'contributor');
    assert.equal(saved?.locale, 'fr');
    assert.deepEqual(saved?.links, [{ label: 'Site', url: 'https://halima.example/' }]);
    const french = await client.get('/newsroom');
    assert.match(french.body, /<html lang="fr" dir="ltr"/);
  });

  it('shows an edited bio on the reader author page', async () => {
    const author = site.mainArticle.authorIds[0];
    const person = author === undefined ? null : await site.services.repos.people.byId(author);
    assert.ok(person);
    const res = await admin.submit(`/newsroom/people/${person.id}`, `/newsroom/people/${person.id}`, {
      name: person.name,
      email: person.email,
      slug: person.slug,
      bio: 'مراسل يغطي أسواق الحبوب على ضفاف النيجر.',
      locale: person.locale,
      role: person.role,
    });
    assert.equal(res.status, 303);
    const page = await site.app.inject({ url: `/author/${encodeURIComponent(person.slug)}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /أسواق الحبوب على ضفاف النيجر/);
  });

  it('refuses a bad link and a taken slug, keeping what was typed', async () => {
    const client = await staffClient(site, 'author', '192.0.2.76');
    const me = (await site.services.repos.people.list()).find((p) => p.email.startsWith('author-1920276'));
    assert.ok(me);
    const other = (await site.services.repos.people.list()).find((p) => p.id !== me.id);
    assert.ok(other);
    const res = await client.submit(`/newsroom/people/${me.id}`, `/newsroom/people/${me.id}`, {
      name: 'Moussa Keïta',
      email: me.email,
      slug: other.slug,
      bio: 'نبذة قصيرة',
      locale: 'ar',
      link_label_0: 'X',
      link_url_0: 'javascript:alert(1)',
    });
    assert.equal(res.status, 422);
    assert.match(res.body, /Moussa Keïta/);
    assert.match(res.body, /https:\/\//);
    assert.equal((await site.services.repos.people.byId(me.id))?.name, me.name);
  });

  it('uploads a photo as the avatar and refuses a document', async () => {
    const me = await site.services.repos.people.byEmail(site.admin.email);
    assert.ok(me);
    const page = await admin.get(`/newsroom/people/${me.id}`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const png = await sharp({
      create: { width: 320, height: 320, channels: 3, background: { r: 180, g: 120, b: 60 } },
    })
      .png()
      .toBuffer();
    const url = `/newsroom/people/${me.id}/photo`;
    const ok = await postMultipart(
      site,
      admin,
      { _csrf: csrf },
      { name: 'me.png', type: 'image/png', data: png },
      'text/html',
      url,
    );
    assert.equal(ok.status, 303);
    const saved = await site.services.repos.people.byId(me.id);
    assert.ok(saved?.avatarMediaId);
    assert.notEqual(saved.avatarMediaId, me.avatarMediaId);
    const pdf = await postMultipart(
      site,
      admin,
      { _csrf: csrf },
      { name: 'cv.pdf', type: 'application/pdf', data: tinyPdf() },
      'text/html',
      url,
    );
    assert.equal(pdf.status, 422);
    assert.equal((await site.services.repos.people.byId(me.id))?.avatarMediaId, saved.avatarMediaId);
  });
});

describe('what non-admins are refused', () => {
  it('answers 403 on the team pages and on other people, changing nothing', async () => {
    const editor = await staffClient(site, 'editor', '192.0.2.77');
    const other = (await site.services.repos.people.list()).find((p) => p.role === 'admin');
    assert.ok(other);
    assert.equal((await editor.get('/newsroom/people')).status, 403);
    assert.equal((await editor.get(`/newsroom/people/${other.id}`)).status, 403);
    const home = await editor.get('/newsroom');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(home.body)?.[1] ?? '';
    const before = await site.services.repos.people.count();
    const invite = await editor.post('/newsroom/people', {
      _csrf: csrf,
      name: 'X Y',
      email: 'xy@example.org',
      role: 'admin',
    });
    assert.equal(invite.status, 403);
    assert.equal(await site.services.repos.people.count(), before);
    for (const action of ['disable', 'invite']) {
      assert.equal(
        (await editor.post(`/newsroom/people/${other.id}/${action}`, { _csrf: csrf })).status,
        403,
      );
    }
    assert.equal((await site.services.repos.people.byId(other.id))?.disabled, false);
  });

  it('refuses an invitation without its CSRF token', async () => {
    const res = await admin.post('/newsroom/people', {
      name: 'Sans jeton',
      email: 'nojeton@example.org',
      role: 'author',
    });
    assert.equal(res.status, 403);
    assert.equal(await site.services.repos.people.byEmail('nojeton@example.org'), null);
  });
});

describe('forms with a field given twice', () => {
  it('are refused with a 400 and change nothing', async () => {
    const before = await site.services.repos.people.count();
    const invite = await admin.submit('/newsroom/people', '/newsroom/people', {
      name: 'Deux Fois',
      email: ['twice-a@example.org', 'twice-b@example.org'],
      role: 'author',
    });
    assert.equal(invite.status, 400);
    assert.equal(await site.services.repos.people.count(), before);

    const me = await site.services.repos.people.byEmail(site.admin.email);
    assert.ok(me);
    const profile = await admin.submit(`/newsroom/people/${me.id}`, `/newsroom/people/${me.id}`, {
      name: ['Premier', 'Second'],
      email: me.email,
      slug: me.slug,
      bio: me.bio,
      locale: me.locale,
      role: me.role,
    });
    assert.equal(profile.status, 400);
    assert.equal((await site.services.repos.people.byId(me.id))?.name, me.name);

    const invited = await admin.submit('/newsroom/people', '/newsroom/people', {
      name: 'Oumou Sangaré',
      email: 'oumou@example.org',
      role: 'author',
    });
    const link = inviteLink(invited.body);
    const guest = new NewsroomClient(site.app, '192.0.2.79');
    const accept = await guest.submit(link, link, {
      password: ['wassoulou music 2026 a', 'wassoulou music 2026 b'],
      confirm: 'wassoulou music 2026 a',
    });
    assert.equal(accept.status, 400);
    assert.equal((await guest.get(link)).status, 200, 'the link still works');
  });
});
