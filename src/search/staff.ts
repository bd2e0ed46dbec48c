// The newsroom's half of search: articles that readers must not find (drafts, pending,
// scheduled, private, trashed) in their own index, analyzed as the reader index is. Staff
// search asks both indexes, so a word only in a draft's body finds the draft in the newsroom
// while the reader index, and every reader query, never holds it.
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Dialect } from '../db/migrations/helpers.ts';
import type { Database } from '../db/schema.ts';
import type { IndexColumns, PlanWord, QueryPlan } from './contract.ts';
import { postgresDocTable, staffMatch } from './postgres.ts';
import { readerMatch } from './postgres-match.ts';
import { matchExpression, wordExpression } from './sqlite.ts';

export interface StaffEngine {
  write(id: number, columns: IndexColumns): Promise<void>;
  remove(id: number): Promise<void>;
  clear(): Promise<void>;
  /** Whether the word's main or stem forms occur in the newsroom's index. */
  exists(word: PlanWord): Promise<boolean>;
  /** A subquery of the ids, in either index, of articles holding every word of the plan. */
  matchingIds(plan: QueryPlan): RawBuilder<unknown>;
}

export function staffEngine(db: Kysely<Database>, dialect: Dialect): StaffEngine {
  return dialect === 'postgres' ? postgresStaff(db) : sqliteStaff(db);
}

function sqliteStaff(db: Kysely<Database>): StaffEngine {
  return {
    async write(id, c) {
      await sql`DELETE FROM staff_search_fts WHERE rowid = ${id}`.execute(db);
      await sql`INSERT INTO staff_search_fts (rowid, title, dek, body, names, stems, alt)
        VALUES (${id}, ${c.title}, ${c.dek}, ${c.body}, ${c.names}, ${c.stems}, ${c.alt})`.execute(db);
    },
    async remove(id) {
      await sql`DELETE FROM staff_search_fts WHERE rowid = ${id}`.execute(db);
    },
    async clear() {
      await sql`DELETE FROM staff_search_fts`.execute(db);
    },
    async exists(word) {
      const expr = wordExpression({ ...word, widen: false });
      const { rows } =
        await sql`SELECT 1 AS found FROM staff_search_fts WHERE staff_search_fts MATCH ${expr} LIMIT 1`.execute(
          db,
        );
      return rows.length > 0;
    },
    matchingIds(plan) {
      const match = matchExpression({ plan, mode: 'all' });
      return sql`SELECT rowid FROM search_fts WHERE search_fts MATCH ${match}
        UNION ALL SELECT rowid FROM staff_search_fts WHERE staff_search_fts MATCH ${match}`;
    },
  };
}

function postgresStaff(db: Kysely<Database>): StaffEngine {
  return {
    ...postgresDocTable(db, 'staff_search_docs'),
    matchingIds(plan) {
      const q = { plan, mode: 'all' } as const;
      return sql`SELECT d.article_id FROM search_docs d WHERE ${readerMatch(q)}
        UNION ALL SELECT d.article_id FROM staff_search_docs d WHERE ${staffMatch(q)}`;
    },
  };
}
