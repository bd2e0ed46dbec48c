// The change events: what each committed change tells its listeners, and that a failing
// listener neither breaks the save nor silences the others.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestSite, type TestSite } from '../../test/support/site.ts';
import { createDraft } from './articles/create-draft.ts';
import { publishDue } from './articles/scheduler.ts';
import { transitionArticle } from './articles/workflow.ts';
import { type ContentEvent, createEventBus } from './events.ts';
import { moderateComments } from './comments/moderate-comments.ts';

let site: TestSite;
before(async () => {
  site = await startTestSite();
});
after(() => site.close());

function record(): { events: ContentEvent[]; stop: () => void } {
  const events: ContentEvent[] = [];
  const stop = site.services.events.on((e) => {
    events.push(e);
  });
  return { events, stop };
}

describe('the event bus', () => {
  it('runs every listener even when one throws, and reports the failure', async () => {
    const bus = createEventBus();
    const failures: unknown[] = [];
    bus.onError = (err) => failures.push(err);
    const seen: string[] = [];
    bus.on(() => {
      throw new Error('broken listener');
    });
    bus.on((e) => {
      seen.push(e.type);
    });
    await bus.emit({ type: 'settings', keys: ['name'] });
    assert.deepEqual(seen, ['settings']);
    assert.equal(failures.length, 1);
  });
});

describe('article changes', () => {
  it('tells published, updated, unpublished and hidden apart', async () => {
    const admin = await site.services.repos.people.byEmail(site.admin.email);
    assert.ok(admin);
    const { events, stop } = record();
    try {
      const draft = await createDraft(site.services, { person: admin, ipHash: '' }, { lang: 'ar' });
      await site.services.repos.articles.update(draft.id, { title: 'خبر للتجربة', slug: 'khabar-tajriba' });
      await transitionArticle(
        site.services,
        { person: admin, ipHash: '' },
        { id: draft.id, transition: 'publish' },
      );
      await transitionArticle(
        site.services,
        { person: admin, ipHash: '' },
        { id: draft.id, transition: 'unpublish' },
      );
      const at = new Date(Date.now() + 60_000);
      await transitionArticle(
        site.services,
        { person: admin, ipHash: '' },
        { id: draft.id, transition: 'schedule', at },
      );
      await publishDue(site.services, new Date(at.getTime() + 1000));
      const changes = events.flatMap((e) => (e.type === 'article' ? [e.change] : []));
      assert.deepEqual(changes, ['published', 'unpublished', 'hidden', 'published']);
      const first = events[0];
      assert.ok(first?.type === 'article' && first.before?.status === 'draft');
    } finally {
      stop();
    }
  });
});

describe('comment changes', () => {
  it('announces an approved comment on its article, and a removed one', async () => {
    const admin = await site.services.repos.people.byEmail(site.admin.email);
    assert.ok(admin);
    const [pending] = await site.services.repos.comments.listByStatus('pending', 1);
    assert.ok(pending);
    const { events, stop } = record();
    try {
      await moderateComments(
        site.services,
        { person: admin, ipHash: '' },
        { ids: [pending.id], action: 'approve' },
      );
      await moderateComments(
        site.services,
        { person: admin, ipHash: '' },
        { ids: [pending.id], action: 'spam' },
      );
      assert.deepEqual(events, [
        { type: 'comment', change: 'shown', articleId: pending.articleId, commentId: pending.id },
        { type: 'comment', change: 'removed', articleId: pending.articleId, commentId: pending.id },
      ]);
    } finally {
      stop();
    }
  });
});
