// The reading time's word count and the start of the text, kept with each article's body
// (core/article-text.ts): an article page and every feed item took them from the body by parsing
// it, 0.3-0.6 ms for a 20,000-character article, on every render. Saving an article sets them
// from now on; here every existing article gets them (about 3 s per 10,000 long articles).
// After the text on SQLite (032): a card never reads them.
import { type Kysely, sql } from 'kysely';
import { fillArticleTextFacts } from '../article-text-facts.ts';
import type { Dialect } from './helpers.ts';

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema.alterTable('articles').addColumn('body_words', 'integer').execute();
  await db.schema.alterTable('articles').addColumn('body_lead', 'text').execute();
  // PostgreSQL runs each migration in a transaction already; SQLite commits each batch at once
  // rather than each row (a commit waits for the disk).
  await fillArticleTextFacts(db, async (work) => {
    if (dialect !== 'sqlite') return work();
    await sql`begin`.execute(db);
    try {
      await work();
      await sql`commit`.execute(db);
    } catch (err) {
      await sql`rollback`.execute(db);
      throw err;
    }
  });
}
