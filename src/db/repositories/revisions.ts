// Saved versions of an article's text, and the secret preview links of drafts.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { PreviewTokensRepository, Revision, RevisionsRepository } from './editorial-contract.ts';
import { nowIso } from './support.ts';

export function createRevisionsRepository(db: Kysely<Database>): RevisionsRepository {
  const toRevision = (r: RevisionRow): Revision => ({
    id: r.id,
    articleId: r.article_id,
    version: r.version,
    title: r.title,
    dek: r.dek,
    bodyHtml: r.body_html,
    personId: r.person_id,
    reason: r.reason as Revision['reason'],
    createdAt: r.created_at,
  });
  return {
    async create(input) {
      const row = await db
        .insertInto('revisions')
        .values({
          article_id: input.articleId,
          version: input.version,
          title: input.title,
          dek: input.dek,
          body_html: input.bodyHtml,
          person_id: input.personId,
          reason: input.reason,
          created_at: input.createdAt ?? nowIso(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toRevision(row);
    },
    async listForArticle(articleId) {
      const rows = await db
        .selectFrom('revisions')
        .selectAll()
        .where('article_id', '=', articleId)
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toRevision);
    },
    async byId(id) {
      const row = await db.selectFrom('revisions').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRevision(row) : null;
    },
  };
}

type RevisionRow = {
  id: number;
  article_id: number;
  version: number;
  title: string;
  dek: string;
  body_html: string;
  person_id: number | null;
  reason: string;
  created_at: string;
};

export function createPreviewTokensRepository(db: Kysely<Database>): PreviewTokensRepository {
  return {
    async create(input) {
      await db
        .insertInto('preview_tokens')
        .values({
          token_hash: input.tokenHash,
          article_id: input.articleId,
          person_id: input.personId,
          created_at: nowIso(),
          revoked_at: null,
        })
        .execute();
    },
    async articleFor(tokenHash) {
      const row = await db
        .selectFrom('preview_tokens')
        .select(['article_id', 'person_id'])
        .where('token_hash', '=', tokenHash)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return row ? { articleId: row.article_id, personId: row.person_id } : null;
    },
    async activeForArticle(articleId) {
      const rows = await db
        .selectFrom('preview_tokens')
        .select(['token_hash', 'created_at'])
        .where('article_id', '=', articleId)
        .where('revoked_at', 'is', null)
        .execute();
      return rows.map((r) => ({ tokenHash: r.token_hash, createdAt: r.created_at }));
    },
    async revokeAll(articleId) {
      const result = await db
        .updateTable('preview_tokens')
        .set({ revoked_at: nowIso() })
        .where('article_id', '=', articleId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
