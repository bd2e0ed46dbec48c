// Live coverage of articles and its entries, on both engines. A deleted entry keeps its row
// (marked) so every open reader page can be told to drop it; a form sent twice carries the same
// idempotency key and finds the entry the first one stored.
import type { Kysely, Selectable } from 'kysely';
import { LIVE_STATES, type LiveCoverage, type LiveEntry, type LiveState } from '../../core/live.ts';
import type { IsoDate } from '../../core/types.ts';
import type { Database, LiveCoverageTable, LiveEntriesTable } from '../schema.ts';
import { flag, isSet, nowIso, toIso } from './support.ts';
import { reusableQuery } from '../reusable-query.ts';

export interface NewLiveEntry {
  articleId: number;
  bodyHtml: string;
  personId: number | null;
  pinned?: boolean;
  idempotencyKey?: string | null;
  createdAt?: IsoDate;
}

export interface LiveEntryPatch {
  bodyHtml?: string;
  pinned?: boolean;
  edited?: boolean;
  deleted?: boolean;
}

export interface LiveEntryQuery {
  /** Only entries with a larger id (a reader's page that has the rest). */
  afterId?: number;
  includeDeleted?: boolean;
  limit?: number;
  /** Newest first unless 'asc'. */
  order?: 'asc' | 'desc';
}

export interface LiveRepository {
  coverage(articleId: number): Promise<LiveCoverage | null>;
  /** Coverage of each article that has any. */
  coverages(articleIds: readonly number[]): Promise<Map<number, LiveCoverage>>;
  setCoverage(articleId: number, state: LiveState, at: IsoDate): Promise<LiveCoverage>;
  /** `created` is false when an entry with the same idempotency key was already stored. */
  createEntry(input: NewLiveEntry): Promise<{ entry: LiveEntry; created: boolean }>;
  entryById(id: number): Promise<LiveEntry | null>;
  entryByKey(articleId: number, idempotencyKey: string): Promise<LiveEntry | null>;
  updateEntry(id: number, patch: LiveEntryPatch): Promise<LiveEntry | null>;
  listEntries(articleId: number, query?: LiveEntryQuery): Promise<LiveEntry[]>;
  /** Entries (deleted ones too) changed at or after a moment, oldest change first. */
  changedSince(articleId: number, since: IsoDate): Promise<LiveEntry[]>;
  /** Every entry's id and last change: what a broadcaster already knows when it starts. */
  stamps(articleId: number): Promise<{ id: number; updatedAt: IsoDate }[]>;
  /** Moves the article's updated_at (its version is left alone: no open form goes stale). */
  touchArticle(articleId: number, at: IsoDate): Promise<void>;
}

function toCoverage(row: Selectable<LiveCoverageTable>): LiveCoverage {
  return {
    articleId: row.article_id,
    state: (LIVE_STATES as readonly string[]).includes(row.state) ? (row.state as LiveState) : 'ended',
    startedAt: row.started_at,
    endedAt: row.ended_at,
  };
}

function toEntry(row: Selectable<LiveEntriesTable>): LiveEntry {
  return {
    id: row.id,
    articleId: row.article_id,
    bodyHtml: row.body_html,
    personId: row.person_id,
    pinned: isSet(row.pinned),
    edited: isSet(row.edited),
    deleted: isSet(row.deleted),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

// Every article page asks whether it is live (see reusable-query.ts).
const coverageOf = reusableQuery((db: Kysely<Database>, articleId: number) =>
  db.selectFrom('live_coverage').selectAll().where('article_id', '=', articleId),
);

export function createLiveRepository(db: Kysely<Database>): LiveRepository {
  const entries = () => db.selectFrom('live_entries').selectAll();
  return {
    async coverage(articleId) {
      const [row] = await coverageOf(db, articleId);
      return row ? toCoverage(row) : null;
    },

    async coverages(articleIds) {
      const out = new Map<number, LiveCoverage>();
      if (articleIds.length === 0) return out;
      const rows = await db
        .selectFrom('live_coverage')
        .selectAll()
        .where('article_id', 'in', [...new Set(articleIds)])
        .execute();
      for (const row of rows) out.set(row.article_id, toCoverage(row));
      return out;
    },

    async setCoverage(articleId, state, at) {
      const when = toIso(at, 'at');
      const existing = await db
        .selectFrom('live_coverage')
        .selectAll()
        .where('article_id', '=', articleId)
        .executeTakeFirst();
      if (!existing) {
        const row = await db
          .insertInto('live_coverage')
          .values({
            article_id: articleId,
            state,
            started_at: when,
            ended_at: state === 'ended' ? when : null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toCoverage(row);
      }
      // Starting again after an end keeps the first start: the coverage is one story.
      const row = await db
        .updateTable('live_coverage')
        .set({ state, ended_at: state === 'ended' ? when : null })
        .where('article_id', '=', articleId)
        .returningAll()
        .executeTakeFirstOrThrow();
      return toCoverage(row);
    },

    async createEntry(input) {
      const at = input.createdAt ? toIso(input.createdAt, 'createdAt') : nowIso();
      const key = input.idempotencyKey || null;
      const row = await db
        .insertInto('live_entries')
        .values({
          article_id: input.articleId,
          body_html: input.bodyHtml,
          person_id: input.personId,
          pinned: flag(input.pinned ?? false),
          idempotency_key: key,
          created_at: at,
          updated_at: at,
        })
        // The same key again (a double submit) stores nothing, on both engines.
        .onConflict((oc) => oc.columns(['article_id', 'idempotency_key']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (row) return { entry: toEntry(row), created: true };
      const earlier = await entries()
        .where('article_id', '=', input.articleId)
        .where('idempotency_key', '=', key)
        .executeTakeFirstOrThrow();
      return { entry: toEntry(earlier), created: false };
    },

    async entryById(id) {
      const row = await entries().where('id', '=', id).executeTakeFirst();
      return row ? toEntry(row) : null;
    },

    async entryByKey(articleId, idempotencyKey) {
      const row = await entries()
        .where('article_id', '=', articleId)
        .where('idempotency_key', '=', idempotencyKey)
        .executeTakeFirst();
      return row ? toEntry(row) : null;
    },

    async updateEntry(id, patch) {
      const set: { body_html?: string; pinned?: number; edited?: number; deleted?: number } = {};
      if (patch.bodyHtml !== undefined) set.body_html = patch.bodyHtml;
      if (patch.pinned !== undefined) set.pinned = flag(patch.pinned);
      if (patch.edited !== undefined) set.edited = flag(patch.edited);
      if (patch.deleted !== undefined) set.deleted = flag(patch.deleted);
      const row = await db
        .updateTable('live_entries')
        .set({ ...set, updated_at: nowIso() })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row ? toEntry(row) : null;
    },

    async listEntries(articleId, query = {}) {
      let q = entries().where('article_id', '=', articleId);
      if (!query.includeDeleted) q = q.where('deleted', '=', 0);
      if (query.afterId !== undefined) q = q.where('id', '>', query.afterId);
      const order = query.order ?? 'desc';
      q = q.orderBy('id', order);
      if (query.limit !== undefined) q = q.limit(query.limit);
      return (await q.execute()).map(toEntry);
    },

    async changedSince(articleId, since) {
      const rows = await entries()
        .where('article_id', '=', articleId)
        .where('updated_at', '>=', toIso(since, 'since'))
        .orderBy('updated_at', 'asc')
        .orderBy('id', 'asc')
        .execute();
      return rows.map(toEntry);
    },

    async stamps(articleId) {
      const rows = await db
        .selectFrom('live_entries')
        .select(['id', 'updated_at'])
        .where('article_id', '=', articleId)
        .execute();
      return rows.map((r) => ({ id: r.id, updatedAt: r.updated_at }));
    },

    async touchArticle(articleId, at) {
      await db
        .updateTable('articles')
        .set({ updated_at: toIso(at, 'updatedAt') })
        .where('id', '=', articleId)
        .execute();
    },
  };
}
