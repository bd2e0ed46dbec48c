// The import bookkeeping: a map from a source's record ids (WordPress post, comment, term and
// author ids) to Midad ids, and the custom fields kept with imported articles. Its tables are
// declared here rather than in schema.ts because only the importer uses them.
import type { Generated, Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { NewComment } from './contract.ts';
import { normalizeEmail, nowIso, toIso } from './support.ts';

export type ImportMapTable = {
  id: Generated<number>;
  source: string;
  kind: string;
  source_id: string;
  target_id: number;
  created_at: string;
};

export type ArticleMetaTable = {
  id: Generated<number>;
  article_id: number;
  key: string;
  value: string;
};

export type ImportTables = {
  import_map: ImportMapTable;
  article_meta: ArticleMetaTable;
};

/** A translation group maps its plugin key ("wpml:…") to the article the joined story is named after. */
export type ImportKind = 'person' | 'section' | 'tag' | 'article' | 'comment' | 'media' | 'translation-group';

export interface ImportsRepository {
  /** Midad ids of the given source ids (those already imported). */
  targets(source: string, kind: ImportKind, sourceIds: readonly string[]): Promise<Map<string, number>>;
  /** Every mapping of a kind; for the small kinds (people, sections, tags). */
  all(source: string, kind: ImportKind): Promise<Map<string, number>>;
  record(source: string, kind: ImportKind, sourceId: string, targetId: number): Promise<void>;
  recordMany(
    source: string,
    kind: ImportKind,
    entries: readonly { sourceId: string; targetId: number }[],
  ): Promise<void>;
  /**
   * Adds redirects whose old path has none yet, in two queries whatever their number (an
   * import writes several per article); returns the old paths that already had one.
   */
  addRedirects(
    rows: readonly { fromPath: string; toPath: string }[],
  ): Promise<{ fromPath: string; toPath: string }[]>;
  /**
   * Inserts comments in one statement and returns their ids in the order given. Imports write
   * tens of thousands of comments; one round trip each would dominate the run.
   */
  insertComments(rows: readonly NewComment[]): Promise<number[]>;
  addMetaMany(rows: readonly { articleId: number; key: string; value: string }[]): Promise<void>;
  /** Of the given articles, those whose body contains one of the strings. */
  articlesContaining(ids: readonly number[], needles: readonly string[]): Promise<number[]>;
  count(source: string, kind: ImportKind): Promise<number>;
  addMeta(articleId: number, entries: readonly { key: string; value: string }[]): Promise<void>;
  meta(articleId: number): Promise<{ key: string; value: string }[]>;
}

const CHUNK = 500;

export function createImportsRepository(base: Kysely<Database>): ImportsRepository {
  const db = base.withTables<ImportTables>();
  return {
    async targets(source, kind, sourceIds) {
      const out = new Map<string, number>();
      for (let i = 0; i < sourceIds.length; i += CHUNK) {
        const rows = await db
          .selectFrom('import_map')
          .select(['source_id', 'target_id'])
          .where('source', '=', source)
          .where('kind', '=', kind)
          .where('source_id', 'in', sourceIds.slice(i, i + CHUNK))
          .execute();
        for (const r of rows) out.set(r.source_id, r.target_id);
      }
      return out;
    },

    async all(source, kind) {
      const rows = await db
        .selectFrom('import_map')
        .select(['source_id', 'target_id'])
        .where('source', '=', source)
        .where('kind', '=', kind)
        .execute();
      return new Map(rows.map((r) => [r.source_id, r.target_id]));
    },

    async record(source, kind, sourceId, targetId) {
      await db
        .insertInto('import_map')
        .values({ source, kind, source_id: sourceId, target_id: targetId, created_at: nowIso() })
        .execute();
    },

    async recordMany(source, kind, entries) {
      const now = nowIso();
      for (let i = 0; i < entries.length; i += CHUNK) {
        await db
          .insertInto('import_map')
          .values(
            entries
              .slice(i, i + CHUNK)
              .map((e) => ({ source, kind, source_id: e.sourceId, target_id: e.targetId, created_at: now })),
          )
          .execute();
      }
    },

    async addRedirects(rows) {
      const unique = [...new Map(rows.map((r) => [r.fromPath, r])).values()];
      if (unique.length === 0) return [];
      const existing = await db
        .selectFrom('redirects')
        .select(['from_path', 'to_path'])
        .where(
          'from_path',
          'in',
          unique.map((r) => r.fromPath),
        )
        .execute();
      const taken = new Set(existing.map((r) => r.from_path));
      const fresh = unique.filter((r) => !taken.has(r.fromPath));
      if (fresh.length > 0) {
        const now = nowIso();
        await db
          .insertInto('redirects')
          .values(
            fresh.map((r) => ({
              from_path: r.fromPath,
              to_path: r.toPath,
              status_code: 301,
              created_at: now,
            })),
          )
          .execute();
      }
      return existing.map((r) => ({ fromPath: r.from_path, toPath: r.to_path }));
    },

    async insertComments(rows) {
      const ids: number[] = [];
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        const values = chunk.map((c) => ({
          article_id: c.articleId,
          parent_id: c.parentId ?? null,
          status: c.status,
          author_name: c.authorName,
          author_email: normalizeEmail(c.authorEmail),
          author_url: c.authorUrl ?? '',
          kind: c.kind ?? 'comment',
          person_id: c.personId ?? null,
          body: c.body,
          ip_hash: c.ipHash ?? '',
          created_at: c.createdAt !== undefined ? toIso(c.createdAt, 'createdAt') : nowIso(),
        }));
        const returned = await db
          .insertInto('comments')
          .values(values)
          .returning(['id', 'body', 'author_email'])
          .execute();
        // Both engines return the rows of a multi-row insert in the order of its VALUES; the
        // check makes a departure from that an error rather than a wrong thread.
        returned.forEach((r, k) => {
          if (r.body !== values[k]?.body || r.author_email !== values[k]?.author_email) {
            throw new Error('comments came back out of order from a multi-row insert');
          }
          ids.push(r.id);
        });
      }
      return ids;
    },

    async addMetaMany(rows) {
      for (let i = 0; i < rows.length; i += CHUNK) {
        const chunk = rows.slice(i, i + CHUNK);
        if (chunk.length === 0) continue;
        await db
          .insertInto('article_meta')
          .values(chunk.map((r) => ({ article_id: r.articleId, key: r.key, value: r.value })))
          .execute();
      }
    },

    async articlesContaining(ids, needles) {
      if (ids.length === 0 || needles.length === 0) return [];
      const rows = await db
        .selectFrom('articles')
        .select('id')
        .where('id', 'in', ids)
        .where((eb) => eb.or(needles.map((n) => eb('body_html', 'like', `%${n.replace(/[%_]/g, '')}%`))))
        .execute();
      return rows.map((r) => r.id);
    },

    async count(source, kind) {
      const row = await db
        .selectFrom('import_map')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('source', '=', source)
        .where('kind', '=', kind)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async addMeta(articleId, entries) {
      if (entries.length === 0) return;
      await db
        .insertInto('article_meta')
        .values(entries.map((e) => ({ article_id: articleId, key: e.key, value: e.value })))
        .execute();
    },

    async meta(articleId) {
      return db
        .selectFrom('article_meta')
        .select(['key', 'value'])
        .where('article_id', '=', articleId)
        .orderBy('id')
        .execute();
    },
  };
}
