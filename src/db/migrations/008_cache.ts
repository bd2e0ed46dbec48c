// Indexes for what an uncached reader page counts and lists. Every listing asks for the live
// articles of one language (of some sections, or flagged breaking or featured) and their total
// for pagination; with only (status, published_at) to go on, each total read every live row of
// the table: 15-20 ms at 10,000 articles, several times over for a home page. These answer the
// totals from the index alone.
import type { Kysely } from 'kysely';
import type { Dialect } from './helpers.ts';

export async function up(db: Kysely<unknown>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createIndex('articles_lang_live_idx')
    .on('articles')
    .columns(['lang', 'status', 'published_at'])
    .execute();
  await db.schema
    .createIndex('articles_section_live_idx')
    .on('articles')
    .columns(['section_id', 'lang', 'status', 'published_at'])
    .execute();
  for (const flag of ['is_breaking', 'is_featured']) {
    await db.schema
      .createIndex(`articles_${flag.slice(3)}_live_idx`)
      .on('articles')
      .columns([flag, 'lang', 'status', 'published_at'])
      .execute();
  }
}
