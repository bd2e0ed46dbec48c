// The reading time's word count and the start of the text, kept with each article's body
// (core/article-text.ts): an article page and every feed item took them from the body by parsing
// it, 0.3-0.6 ms for a 20,000-character article, on every render. Saving an article sets them
// from now on; here every existing article gets them, in batches of 500 (about 3 s per 10,000
// long articles). After the text on SQLite (032): a card never reads them.
import { type Kysely, sql } from 'kysely';
import { bodyTextFacts } from '../../core/article-text.ts';
import type { Dialect } from './helpers.ts';

const BATCH = 500;

export async function up(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema.alterTable('articles').addColumn('body_words', 'integer').execute();
  await db.schema.alterTable('articles').addColumn('body_lead', 'text').execute();
  for (let after = 0; ; ) {
    const rows = await sql<{ id: number; body_html: string }>`
      select id, body_html from articles where id > ${after} order by id limit ${BATCH}`.execute(db);
    if (rows.rows.length === 0) break;
    // PostgreSQL runs each migration in a transaction already; SQLite commits each batch at
    // once rather than each row (a commit waits for the disk).
    if (dialect === 'sqlite') await sql`begin`.execute(db);
    try {
      for (const row of rows.rows) {
        const facts = bodyTextFacts(row.body_html);
        await sql`update articles set body_words = ${facts.words}, body_lead = ${facts.lead}
          where id = ${row.id}`.execute(db);
      }
      if (dialect === 'sqlite') await sql`commit`.execute(db);
    } catch (err) {
      if (dialect === 'sqlite') await sql`rollback`.execute(db);
      throw err;
    }
    after = rows.rows.at(-1)!.id;
  }
}
