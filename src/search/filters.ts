// The article conditions every search shares: live for readers, plus the reader's filters.
// Written once as Kysely SQL fragments, which compile for SQLite and PostgreSQL alike.
import { type RawBuilder, sql } from 'kysely';
import type { EngineQuery } from './contract.ts';

/** Conditions on the articles table, aliased `a`. */
export function articleConditions(q: EngineQuery): RawBuilder<unknown> {
  const where: RawBuilder<unknown>[] = [sql`a.status = 'published'`, sql`a.published_at <= ${q.now}`];
  const f = q.filters;
  if (f.lang !== undefined) where.push(sql`a.lang = ${f.lang}`);
  if (f.sectionIds !== undefined) {
    where.push(
      f.sectionIds.length > 0
        ? sql`a.section_id IN (${sql.join(f.sectionIds.map((id) => sql`${id}`))})`
        : sql`1 = 0`,
    );
  }
  if (f.authorId !== undefined) {
    where.push(
      sql`EXISTS (SELECT 1 FROM article_authors aa WHERE aa.article_id = a.id AND aa.person_id = ${f.authorId})`,
    );
  }
  if (f.from !== undefined) where.push(sql`a.published_at >= ${f.from}`);
  if (f.to !== undefined) where.push(sql`a.published_at <= ${f.to}`);
  return sql.join(where, sql` AND `);
}
