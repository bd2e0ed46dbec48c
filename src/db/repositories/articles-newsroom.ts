// The newsroom's view of articles: every status, filtered and searched by title.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { hydrate } from './article-rows.ts';
import type { ArticlesRepository, NewsroomArticleQuery } from './contract.ts';
import { toCount } from './support.ts';

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
      if (q.titleContains) {
        // Titles are matched as typed, case-insensitively; the reader search handles Arabic folding.
        const needle = `%${q.titleContains.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        base = base.where(sql<boolean>`lower(title) like ${needle} escape '\\'`);
      }
      const [rows, total] = await Promise.all([
        base
          .selectAll()
          .orderBy('updated_at', 'desc')
          .orderBy('id', 'desc')
          .limit(q.limit)
          .offset(q.offset ?? 0)
          .execute(),
        base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst(),
      ]);
      return { items: await hydrate(db, rows), total: toCount(total?.n) };
    },
  };
}
