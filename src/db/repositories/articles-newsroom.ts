// The newsroom's view of articles: every status, filtered, searched (the ids come from the
// newsroom's search, src/search/staff.ts) and sorted by the list's columns.
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { hydrate } from './article-rows.ts';
import type { ArticlesRepository, NewsroomArticleQuery, NewsroomSort } from './contract.ts';
import { toCount } from './support.ts';

/** Sort keys as SQL; nulls (no date yet) last in either direction, alike on both engines. */
const SORT_SQL: Record<NewsroomSort, RawBuilder<unknown>> = {
  title: sql`lower(title)`,
  status: sql`status`,
  lang: sql`lang`,
  updated: sql`updated_at`,
  published: sql`published_at`,
  comments: sql`(SELECT count(*) FROM comments c WHERE c.article_id = articles.id AND c.status = 'approved')`,
};

export function newsroomQueries(db: Kysely<Database>): Pick<ArticlesRepository, 'listForNewsroom'> {
  return {
    async listForNewsroom(q: NewsroomArticleQuery) {
      let base = db.selectFrom('articles');
      if (q.status) base = base.where('status', '=', q.status);
      else base = base.where('status', '!=', 'trashed');
      if (q.lang) base = base.where('lang', '=', q.lang);
      if (q.sectionId !== undefined) base = base.where('section_id', '=', q.sectionId);
      if (q.authorId !== undefined) {
        const authorId = q.authorId;
        base = base.where('id', 'in', (eb) =>
          eb.selectFrom('article_authors').select('article_id').where('person_id', '=', authorId),
        );
      }
      // Search words go through the analyzer (idsIn); the text as typed also matches inside a
      // title, so a half-typed word still finds the story it begins.
      const needle = q.titleContains
        ? `%${q.titleContains.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
        : null;
      const inTitle = needle === null ? null : sql<boolean>`lower(title) like ${needle} escape '\\'`;
      if (q.idsIn && inTitle) base = base.where(sql<boolean>`(id IN (${q.idsIn}) OR ${inTitle})`);
      else if (q.idsIn) base = base.where(sql<boolean>`id IN (${q.idsIn})`);
      else if (inTitle) base = base.where(inTitle);
      const key = SORT_SQL[q.sort ?? 'updated'];
      const dir = sql.raw(q.descending === false ? 'ASC' : 'DESC');
      const [rows, total] = await Promise.all([
        base
          .selectAll()
          .orderBy(sql`CASE WHEN ${key} IS NULL THEN 1 ELSE 0 END`)
          .orderBy(sql`${key} ${dir}`)
          .orderBy('id', q.descending === false ? 'asc' : 'desc')
          .limit(q.limit)
          .offset(q.offset ?? 0)
          .execute(),
        base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst(),
      ]);
      return { items: await hydrate(db, rows), total: toCount(total?.n) };
    },
  };
}
