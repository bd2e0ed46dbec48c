import type { Kysely } from 'kysely';
import { NotFound } from '../../core/errors.ts';
import { COMMENT_KINDS, type Comment, type CommentKind, type CommentStatus } from '../../core/types.ts';
import type { CommentRow, Database } from '../schema.ts';
import type { CommentsRepository } from './contract.ts';
import { guardWrite, normalizeEmail, nowIso, toCount, toIso, unique } from './support.ts';
import { reusableQuery } from '../reusable-query.ts';

// Cards show their comment counts.
const approvedCounts = reusableQuery((db: Kysely<Database>, articleIds: number[]) =>
  db
    .selectFrom('comments')
    .select(['article_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('article_id', 'in', articleIds)
    .where('status', '=', 'approved')
    .groupBy('article_id'),
);

// Every article page reads its approved comments (see reusable-query.ts).
const commentsWithStatus = reusableQuery((db: Kysely<Database>, articleId: number, status: CommentStatus) =>
  db
    .selectFrom('comments')
    .selectAll()
    .where('article_id', '=', articleId)
    .where('status', '=', status)
    .orderBy('created_at')
    .orderBy('id'),
);

export function toComment(row: CommentRow): Comment {
  return {
    id: row.id,
    articleId: row.article_id,
    parentId: row.parent_id,
    status: row.status as CommentStatus,
    authorName: row.author_name,
    authorEmail: row.author_email,
    authorUrl: row.author_url,
    kind: (COMMENT_KINDS as readonly string[]).includes(row.kind) ? (row.kind as CommentKind) : 'comment',
    personId: row.person_id,
    body: row.body,
    ipHash: row.ip_hash,
    createdAt: row.created_at,
  };
}

export function createCommentsRepository(db: Kysely<Database>): CommentsRepository {
  const comments = () => db.selectFrom('comments').selectAll();

  return {
    async create(input) {
      const row = await guardWrite(
        () =>
          db
            .insertInto('comments')
            .values({
              article_id: input.articleId,
              parent_id: input.parentId ?? null,
              status: input.status,
              author_name: input.authorName,
              // Stored lowercased so "seen this commenter before" is an index lookup on both engines.
              author_email: normalizeEmail(input.authorEmail),
              author_url: input.authorUrl ?? '',
              kind: input.kind ?? 'comment',
              person_id: input.personId ?? null,
              body: input.body,
              ip_hash: input.ipHash ?? '',
              created_at: input.createdAt !== undefined ? toIso(input.createdAt, 'createdAt') : nowIso(),
            })
            .returningAll()
            .executeTakeFirstOrThrow(),
        () => 'This comment conflicts with an existing one.',
        'The article, parent comment or person of this comment does not exist.',
      );
      return toComment(row);
    },

    async byId(id) {
      const row = await comments().where('id', '=', id).executeTakeFirst();
      return row ? toComment(row) : null;
    },

    async listForArticle(articleId, status) {
      if (status !== undefined) return (await commentsWithStatus(db, articleId, status)).map(toComment);
      const rows = await comments()
        .where('article_id', '=', articleId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toComment);
    },

    async listByStatus(status, limit, offset = 0) {
      const rows = await comments()
        .where('status', '=', status)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
      return rows.map(toComment);
    },

    async countApproved(articleId) {
      const row = await db
        .selectFrom('comments')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('article_id', '=', articleId)
        .where('status', '=', 'approved')
        .executeTakeFirst();
      return toCount(row?.n);
    },

    async countsApproved(articleIds) {
      // Articles without approved comments are present with 0, so lists can show "0 comments".
      const out = new Map<number, number>(articleIds.map((id) => [id, 0]));
      if (articleIds.length === 0) return out;
      const rows = await approvedCounts(db, unique(articleIds));
      for (const row of rows) out.set(row.article_id, toCount(row.n));
      return out;
    },

    async hasApprovedByEmail(email) {
      const row = await db
        .selectFrom('comments')
        .select('id')
        .where('author_email', '=', normalizeEmail(email))
        .where('status', '=', 'approved')
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    async setStatus(id, status) {
      const result = await db.updateTable('comments').set({ status }).where('id', '=', id).executeTakeFirst();
      if (result.numUpdatedRows === 0n) throw new NotFound(`No comment with id ${id}.`);
    },

    async count(filter = {}) {
      let query = db.selectFrom('comments').select((eb) => eb.fn.countAll<string | number>().as('n'));
      if (filter.status !== undefined) query = query.where('status', '=', filter.status);
      return toCount((await query.executeTakeFirst())?.n);
    },
  };
}
