// Readership counts: batched upserts adding to the stored views, the check that an id names a
// live article before anything is stored for it, and the most-read list.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { isLive } from './article-filters.ts';
import type { ReadershipRepository } from './readership-contract.ts';
import { toCount, unique } from './support.ts';

// Rows per INSERT: well under SQLite's bound-parameter limit (4 columns each).
const CHUNK = 200;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

export function createReadershipRepository(db: Kysely<Database>): ReadershipRepository {
  return {
    async add(batch) {
      for (const part of chunks(batch.hours)) {
        await db
          .insertInto('readership_hours')
          .values(part.map((c) => ({ article_id: c.articleId, hour: c.hour, lang: c.lang, views: c.views })))
          .onConflict((oc) =>
            oc.columns(['article_id', 'hour', 'lang']).doUpdateSet((eb) => ({
              views: eb(eb.ref('readership_hours.views'), '+', eb.ref('excluded.views')),
            })),
          )
          .execute();
      }
      for (const part of chunks(batch.referrers)) {
        await db
          .insertInto('readership_referrers')
          .values(
            part.map((c) => ({ article_id: c.articleId, day: c.day, domain: c.domain, views: c.views })),
          )
          .onConflict((oc) =>
            oc.columns(['article_id', 'day', 'domain']).doUpdateSet((eb) => ({
              views: eb(eb.ref('readership_referrers.views'), '+', eb.ref('excluded.views')),
            })),
          )
          .execute();
      }
      for (const part of chunks(batch.devices)) {
        await db
          .insertInto('readership_devices')
          .values(
            part.map((c) => ({ article_id: c.articleId, day: c.day, device: c.device, views: c.views })),
          )
          .onConflict((oc) =>
            oc.columns(['article_id', 'day', 'device']).doUpdateSet((eb) => ({
              views: eb(eb.ref('readership_devices.views'), '+', eb.ref('excluded.views')),
            })),
          )
          .execute();
      }
    },

    async liveArticleLangs(ids, now) {
      const wanted = unique(ids.filter((id) => Number.isSafeInteger(id) && id > 0));
      const out = new Map<number, string>();
      for (const part of chunks(wanted)) {
        const rows = await db
          .selectFrom('articles')
          .select(['articles.id', 'articles.lang'])
          .where('articles.id', 'in', part)
          .where((eb) => isLive(eb, now))
          .execute();
        for (const r of rows) out.set(r.id, r.lang);
      }
      return out;
    },

    async mostRead(q) {
      const rows = await db
        .selectFrom('readership_hours')
        .innerJoin('articles', 'articles.id', 'readership_hours.article_id')
        .select(['readership_hours.article_id as articleId'])
        .select((eb) => eb.fn.sum<string | number>('readership_hours.views').as('views'))
        .where('readership_hours.hour', '>=', q.sinceHour)
        .where('readership_hours.article_id', '>', 0)
        .where('articles.lang', '=', q.lang)
        .where((eb) => isLive(eb, q.now))
        .groupBy('readership_hours.article_id')
        .orderBy('views', 'desc')
        .orderBy('readership_hours.article_id', 'desc')
        .limit(q.limit)
        .execute();
      return rows.map((r) => ({ articleId: r.articleId, views: toCount(r.views) }));
    },
  };
}
