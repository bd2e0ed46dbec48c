// Comments repository, on every engine.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { Invalid, NotFound } from '../../core/errors.ts';
import { forEachEngine } from '../test-databases.ts';
import { error, useDatabase } from '../test-fixtures.ts';

await forEachEngine((engine) => {
  describe('comments', () => {
    const { db, r } = useDatabase(engine);
    let articleId = 0;
    let otherId = 0;
    before(async () => {
      articleId = (await r().articles.create({ lang: 'ar', status: 'published', title: 'c', slug: 'c' })).id;
      otherId = (await r().articles.create({ lang: 'ar', status: 'published', title: 'd', slug: 'd' })).id;
    });

    it('threads replies, lists oldest first, filters by status and counts approved', async () => {
      const root = await r().comments.create({
        articleId,
        status: 'approved',
        authorName: 'Reader',
        authorEmail: 'Reader@Example.COM',
        body: 'أول تعليق',
        createdAt: '2024-02-01T09:00:00.000Z',
      });
      assert.equal(root.authorEmail, 'reader@example.com');
      assert.equal(root.parentId, null);
      assert.equal(root.authorUrl, '');
      const reply = await r().comments.create({
        articleId,
        parentId: root.id,
        status: 'pending',
        authorName: 'Other',
        authorEmail: 'other@example.com',
        body: 'reply',
        ipHash: 'abc',
        createdAt: '2024-02-01T10:00:00.000Z',
      });
      const early = await r().comments.create({
        articleId,
        status: 'approved',
        authorName: 'Early',
        authorEmail: 'early@example.com',
        body: 'early',
        createdAt: '2024-01-31T10:00:00.000Z',
      });
      assert.equal(reply.parentId, root.id);
      assert.deepEqual(await r().comments.byId(reply.id), reply);
      assert.deepEqual(
        (await r().comments.listForArticle(articleId)).map((c) => c.id),
        [early.id, root.id, reply.id],
      );
      assert.deepEqual(
        (await r().comments.listForArticle(articleId, 'pending')).map((c) => c.id),
        [reply.id],
      );
      assert.equal(await r().comments.countApproved(articleId), 2);
      assert.deepEqual(
        await r().comments.countsApproved([articleId, otherId]),
        new Map([
          [articleId, 2],
          [otherId, 0],
        ]),
      );
      assert.equal(await r().comments.count({ status: 'pending' }), 1);
      assert.equal(await r().comments.count(), 3);
    });

    it('knows approved commenters by e-mail in any case', async () => {
      assert.equal(await r().comments.hasApprovedByEmail('READER@example.com'), true);
      assert.equal(await r().comments.hasApprovedByEmail('other@EXAMPLE.com'), false);
      const pending = (await r().comments.listForArticle(articleId, 'pending'))[0]!;
      await r().comments.setStatus(pending.id, 'approved');
      assert.equal(await r().comments.hasApprovedByEmail('Other@Example.com'), true);
      await assert.rejects(r().comments.setStatus(999_999, 'spam'), error(NotFound));
    });

    it('deleting a comment deletes its replies; a comment on a missing article is refused', async () => {
      const root = await r().comments.create({
        articleId: otherId,
        status: 'approved',
        authorName: 'a',
        authorEmail: 'a@x',
        body: 'r',
      });
      const child = await r().comments.create({
        articleId: otherId,
        parentId: root.id,
        status: 'approved',
        authorName: 'b',
        authorEmail: 'b@x',
        body: 'c',
      });
      await db().kysely.deleteFrom('comments').where('id', '=', root.id).execute();
      assert.equal(await r().comments.byId(child.id), null);
      await assert.rejects(
        r().comments.create({
          articleId: 999_999,
          status: 'pending',
          authorName: 'a',
          authorEmail: 'a@x',
          body: 'x',
        }),
        error(Invalid),
      );
    });
  });
});
