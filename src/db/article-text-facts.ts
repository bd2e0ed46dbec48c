// Fills articles.body_words and body_lead (core/article-text.ts) where they are missing: for every
// article when migration 033 adds them, and for the articles an export brings in (exports leave
// them out, as they leave out the search index: they are worked out from the body). In batches
// of 500 by id; `inBatch` may wrap each batch (in a transaction of its own, say).
import { type QueryExecutorProvider, sql } from 'kysely';
import { bodyTextFacts } from '../core/article-text.ts';

const BATCH = 500;

export async function fillArticleTextFacts(
  db: QueryExecutorProvider,
  inBatch: (work: () => Promise<void>) => Promise<void> = (work) => work(),
): Promise<void> {
  for (let after = 0; ; ) {
    const rows = await sql<{ id: number; body_html: string }>`
      select id, body_html from articles where id > ${after} and body_words is null
      order by id limit ${BATCH}`.execute(db);
    if (rows.rows.length === 0) return;
    await inBatch(async () => {
      for (const row of rows.rows) {
        const facts = bodyTextFacts(row.body_html);
        await sql`update articles set body_words = ${facts.words}, body_lead = ${facts.lead}
          where id = ${row.id}`.execute(db);
      }
    });
    after = rows.rows.at(-1)!.id;
  }
}
