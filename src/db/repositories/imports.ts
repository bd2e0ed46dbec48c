// The import bookkeeping: a map from a source's record ids (WordPress post, comment, term and
// author ids) to Midad ids, and the custom fields kept with imported articles. Its tables are
// declared here rather than in schema.ts because only the importer uses them.
import type { Generated, Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { nowIso } from './support.ts';

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

export type ImportKind = 'person' | 'section' | 'tag' | 'article' | 'comment' | 'media';

export interface ImportsRepository {
  /** Midad ids of the given source ids (those already imported). */
  targets(source: string, kind: ImportKind, sourceIds: readonly string[]): Promise<Map<string, number>>;
  /** Every mapping of a kind; for the small kinds (people, sections, tags). */
  all(source: string, kind: ImportKind): Promise<Map<string, number>>;
  record(source: string, kind: ImportKind, sourceId: string, targetId: number): Promise<void>;
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
