// Comment moderation over HTTP, and what each role is refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { NewsroomClient } from '../../../../test/support/newsroom-client.ts';
import { startTestSite, type TestSite } from '../../../../test/support/site.ts';
import type { Role } from '../../../core/types.ts';
import { addStaff } from '../../../services/staff.ts';
import { articlePath } from '../../reader/urls.ts';

let site: TestSite;
const clients = new Map<Role, NewsroomClient>();

before(async () => {
  site = await startTestSite();
  for (const role of ['editor', 'author', 'contributor'] as const) {
    const email = `${role}@midad.example`;
    await addStaff(site.services, {
      email,
      name: `The ${role}`,
      role,
      password: 'sahel newsroom key 2026',
    });
    const client = new NewsroomClient(site.app, `192.0.2.${role.length}`);
    await client.signIn(email, 'sahel newsroom key 2026');
    clients.set(role, client);
  }
  const admin = new NewsroomClient(site.app, '192.0.2.99');
  await admin.signIn(site.admin.email, site.admin.password);
  clients.set('admin', admin);
});
after(() => site.close());

async function pendingComment() {
  const [pending] = await site.services.repos.comments.listByStatus('pending', 1);
  assert.ok(pending, 'the demo content has pending comments');
  return pending;
}

describe('comment moderation', () => {
  it('shows the queue with a count in the menu', async () => {
    const res = await clients.get('editor')!.get('/newsroom/comments');
    assert.equal(res.status, 200);
    const pending = await pendingComment();
    assert.ok(res.body.includes(`id="comment-${pending.id}"`));
    assert.match(res.body, /class="nr-badge">\d+</);
  });

  it('approving a comment puts it on the article page', async () => {
    const pending = await pendingComment();
    const article = (await site.services.repos.articles.byId(pending.articleId))!;
    const before = await site.app.inject(articlePath(article));
    assert.ok(!before.body.includes(`id="comment-${pending.id}"`));
    const res = await clients.get('editor')!.submit('/newsroom/comments', '/newsroom/comments', {
      action: 'approve',
      ids: [String(pending.id)],
    });
    assert.equal(res.status, 303);
    assert.equal(res.location, '/newsroom/comments?done=1');
    assert.equal((await site.services.repos.comments.byId(pending.id))?.status, 'approved');
    const afterPage = await site.app.inject(articlePath(article));
    assert.ok(afterPage.body.includes(`id="comment-${pending.id}"`));
    const log = await site.services.repos.audit.list({ limit: 5, action: 'comment.approve' });
    assert.equal(log[0]?.targetId, String(pending.id));
  });

  it('a staff reply is published at once under the staff name', async () => {
    const [approved] = await site.services.repos.comments.listByStatus('approved', 1);
    const res = await clients
      .get('editor')!
      .submit('/newsroom/comments', `/newsroom/comments/${approved!.id}/reply`, {
        body: 'شكرًا على ملاحظتك، سنتابع الموضوع.',
      });
    assert.equal(res.status, 303);
    const thread = await site.services.repos.comments.listForArticle(approved!.articleId, 'approved');
    const reply = thread.find((c) => c.parentId === approved!.id && c.authorName === 'The editor');
    assert.ok(reply);
    assert.ok(reply.personId !== null);
    const [entry] = await site.services.repos.audit.list({ limit: 1, action: 'comment.replied' });
    assert.equal(entry?.targetId, String(reply.id));
  });
});

describe('what each role is refused', () => {
  const refusals: [Role, 'GET' | 'POST', string][] = [
    ['author', 'GET', '/newsroom/comments'],
    ['author', 'POST', '/newsroom/comments'],
    ['contributor', 'GET', '/newsroom/comments'],
    ['contributor', 'POST', '/newsroom/comments'],
  ];
  for (const [role, method, path] of refusals) {
    it(`${role}: ${method} ${path} → 403, nothing changed`, async () => {
      const client = clients.get(role)!;
      const pending = await pendingComment();
      const res =
        method === 'GET'
          ? await client.get(path)
          : await client.submit('/newsroom', path, { action: 'spam', ids: [String(pending.id)] });
      assert.equal(res.status, 403);
      assert.ok(res.body.includes('ليست لديك صلاحية'));
      assert.equal((await site.services.repos.comments.byId(pending.id))?.status, 'pending');
    });
  }
});

describe('hand-made requests', () => {
  it('refuses a moderation action or a reply given twice with a 400, changing nothing', async () => {
    const editor = clients.get('editor')!;
    const pending = await pendingComment();
    const twice = await editor.submit('/newsroom/comments', '/newsroom/comments', {
      action: ['approve', 'spam'],
      ids: [String(pending.id)],
    });
    assert.equal(twice.status, 400);
    assert.equal((await site.services.repos.comments.byId(pending.id))?.status, 'pending');
    const replies = await site.services.repos.audit.count({ action: 'comment.replied' });
    const reply = await editor.submit('/newsroom/comments', `/newsroom/comments/${pending.id}/reply`, {
      body: ['شكرًا', 'شكرًا مرة أخرى'],
    });
    assert.equal(reply.status, 400);
    assert.equal((await site.services.repos.comments.byId(pending.id))?.status, 'pending');
    assert.equal(await site.services.repos.audit.count({ action: 'comment.replied' }), replies);
  });

  it('sends the queue back unchanged when no comment is ticked or the action is unknown', async () => {
    const editor = clients.get('editor')!;
    const pending = await pendingComment();
    const none = await editor.submit('/newsroom/comments', '/newsroom/comments', { action: 'approve' });
    assert.equal(none.status, 303);
    assert.equal(none.location, '/newsroom/comments?done=0');
    const unknown = await editor.submit('/newsroom/comments', '/newsroom/comments', {
      action: 'publish',
      ids: [String(pending.id)],
    });
    assert.equal(unknown.location, '/newsroom/comments?done=0');
    assert.equal((await site.services.repos.comments.byId(pending.id))?.status, 'pending');
  });

  it('refuses a form field past its limit with a 400 and a message, saving nothing', async () => {
    const admin = clients.get('admin')!;
    const before = await site.services.repos.people.list();
    const res = await admin.submit('/newsroom/people', '/newsroom/people', {
      name: 'x'.repeat(600),
      email: 'long@midad.example',
      role: 'author',
    });
    assert.equal(res.status, 400);
    assert.ok(res.body.includes('لم يُقبل النموذج'), 'the page says the form was refused');
    assert.equal((await site.services.repos.people.list()).length, before.length);
  });
});
