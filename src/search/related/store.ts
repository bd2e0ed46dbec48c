// Reads and writes of the related-articles tables (migration 007), on either engine. No
// scoring here: related-index.ts decides, this file only moves rows.
import { type Kysely, sql } from 'kysely';
import { htmlToText } from '../../core/html-policy.ts';
import type { Dialect } from '../../db/migrations/helpers.ts';
import type { Database } from '../../db/schema.ts';
import type { RelatedFeatures, Scored, SectionParents } from './blend.ts';
import { decodeSignature, type Signature } from './minhash.ts';
import type { ArticleText, TermVector } from './terms.ts';

/** Rows per multi-row INSERT: far below either engine's limit on bound parameters. */
const CHUNK = 400;

export interface SourceArticle extends ArticleText {
  id: number;
  lang: string;
}

export interface Features extends RelatedFeatures {
  lang: string;
  signature: Signature | null;
}

export interface StoredDoc {
  lang: string;
  stems: string[];
}

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function relatedStore(db: Kysely<Database>, dialect: Dialect) {
  const insertTerms = async (items: readonly { id: number; vector: TermVector }[]): Promise<void> => {
    const rows = items.flatMap(({ id, vector }) =>
      [...vector].map(([stem, weight]) => ({ article_id: id, stem, weight })),
    );
    for (const part of chunks(rows)) await db.insertInto('related_terms').values(part).execute();
  };
  /** Each pair is stored once, the smaller id first. */
  const insertDuplicates = async (pairs: readonly (readonly [number, number, number])[]): Promise<void> => {
    const unique = new Map<string, { article_id: number; duplicate_id: number; similarity: number }>();
    for (const [a, b, similarity] of pairs) {
      const [first, second] = a < b ? [a, b] : [b, a];
      unique.set(`${first}:${second}`, { article_id: first, duplicate_id: second, similarity });
    }
    for (const part of chunks([...unique.values()])) {
      await db
        .insertInto('related_duplicates')
        .values(part)
        .onConflict((oc) => oc.columns(['article_id', 'duplicate_id']).doNothing())
        .execute();
    }
  };

  return {
    insertTerms,
    insertDuplicates,

    /**
     * Serializes work on one article across processes until the transaction ends, so two
     * refreshes of it cannot both take back its old stems. SQLite needs nothing: its writers
     * are serialized by the database lock.
     */
    async lock(id: number): Promise<void> {
      if (dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(7431, ${id})`.execute(db);
    },

    /** Text of the given articles that are published (the others are simply absent). */
    async sources(ids: readonly number[]): Promise<SourceArticle[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('articles')
        .select(['id', 'lang', 'title', 'dek', 'body_html'])
        .where('id', 'in', [...ids])
        .where('status', '=', 'published')
        .orderBy('id')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        lang: r.lang,
        title: r.title,
        dek: r.dek,
        body: htmlToText(r.body_html),
      }));
    },

    /** Published article ids after `afterId`, in id order. */
    async publishedIds(afterId: number, limit: number): Promise<number[]> {
      const rows = await db
        .selectFrom('articles')
        .select('id')
        .where('status', '=', 'published')
        .where('id', '>', afterId)
        .orderBy('id')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },

    async countPublished(): Promise<number> {
      const row = await db
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('status', '=', 'published')
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    /** What blending needs of each article, and its signature when it has been computed. */
    async features(ids: readonly number[]): Promise<Map<number, Features>> {
      const out = new Map<number, Features>();
      if (ids.length === 0) return out;
      const list = [...new Set(ids)];
      const [rows, tags, authors, docs] = await Promise.all([
        db
          .selectFrom('articles')
          .select(['id', 'lang', 'section_id', 'published_at'])
          .where('id', 'in', list)
          .execute(),
        db
          .selectFrom('article_tags')
          .select(['article_id', 'tag_id'])
          .where('article_id', 'in', list)
          .execute(),
        db
          .selectFrom('article_authors')
          .select(['article_id', 'person_id'])
          .where('article_id', 'in', list)
          .execute(),
        db
          .selectFrom('related_docs')
          .select(['article_id', 'signature'])
          .where('article_id', 'in', list)
          .execute(),
      ]);
      const tagIds = new Map<number, number[]>();
      const authorIds = new Map<number, number[]>();
      for (const t of tags) tagIds.set(t.article_id, [...(tagIds.get(t.article_id) ?? []), t.tag_id]);
      for (const a of authors)
        authorIds.set(a.article_id, [...(authorIds.get(a.article_id) ?? []), a.person_id]);
      const signatures = new Map(docs.map((d) => [d.article_id, decodeSignature(d.signature)]));
      for (const r of rows) {
        out.set(r.id, {
          id: r.id,
          lang: r.lang,
          sectionId: r.section_id,
          published: r.published_at === null ? null : Date.parse(r.published_at),
          tagIds: tagIds.get(r.id) ?? [],
          authorIds: authorIds.get(r.id) ?? [],
          signature: signatures.get(r.id) ?? null,
        });
      }
      return out;
    },

    /** For each of these tags, the number of published articles carrying it. */
    async tagCounts(tagIds: readonly number[]): Promise<Map<number, number>> {
      const out = new Map<number, number>();
      for (const part of chunks([...new Set(tagIds)])) {
        const rows = await db
          .selectFrom('article_tags')
          .innerJoin('articles', 'articles.id', 'article_tags.article_id')
          .select(['article_tags.tag_id as tagId', (eb) => eb.fn.countAll<number | string>().as('n')])
          .where('article_tags.tag_id', 'in', part)
          .where('articles.status', '=', 'published')
          .groupBy('article_tags.tag_id')
          .execute();
        for (const r of rows) out.set(r.tagId, Number(r.n));
      }
      return out;
    },

    async sectionParents(): Promise<SectionParents> {
      const rows = await db.selectFrom('sections').select(['id', 'parent_id']).execute();
      return new Map(rows.map((r) => [r.id, r.parent_id]));
    },

    async doc(id: number): Promise<StoredDoc | null> {
      const row = await db
        .selectFrom('related_docs')
        .select(['lang', 'stems'])
        .where('article_id', '=', id)
        .executeTakeFirst();
      return row ? { lang: row.lang, stems: row.stems === '' ? [] : row.stems.split(' ') } : null;
    },

    async saveDoc(id: number, lang: string, stems: readonly string[], signature: string): Promise<void> {
      await db
        .insertInto('related_docs')
        .values({ article_id: id, lang, stems: stems.join(' '), signature })
        .onConflict((oc) => oc.column('article_id').doUpdateSet({ lang, stems: stems.join(' '), signature }))
        .execute();
    },

    async saveDocs(rows: readonly { id: number; lang: string; stems: string[]; signature: string }[]) {
      for (const part of chunks(rows, 200)) {
        await db
          .insertInto('related_docs')
          .values(
            part.map((r) => ({
              article_id: r.id,
              lang: r.lang,
              stems: r.stems.join(' '),
              signature: r.signature,
            })),
          )
          .execute();
      }
    },

    /** Adds `delta` to the document frequency of each stem; rows that reach 0 go. */
    async adjustDf(lang: string, stems: readonly string[], delta: 1 | -1): Promise<void> {
      for (const part of chunks([...new Set(stems)])) {
        if (delta > 0) {
          await db
            .insertInto('related_df')
            .values(part.map((stem) => ({ lang, stem, df: 1 })))
            .onConflict((oc) => oc.columns(['lang', 'stem']).doUpdateSet({ df: sql`related_df.df + 1` }))
            .execute();
        } else {
          await db
            .updateTable('related_df')
            .set({ df: sql`df - 1` })
            .where('lang', '=', lang)
            .where('stem', 'in', part)
            .execute();
          await db
            .deleteFrom('related_df')
            .where('lang', '=', lang)
            .where('stem', 'in', part)
            .where('df', '<=', 0)
            .execute();
        }
      }
    },

    async writeDf(lang: string, df: ReadonlyMap<string, number>): Promise<void> {
      for (const part of chunks([...df])) {
        await db
          .insertInto('related_df')
          .values(part.map(([stem, n]) => ({ lang, stem, df: n })))
          .execute();
      }
    },

    async df(lang: string, stems: readonly string[]): Promise<Map<string, number>> {
      const out = new Map<string, number>();
      for (const part of chunks([...new Set(stems)])) {
        const rows = await db
          .selectFrom('related_df')
          .select(['stem', 'df'])
          .where('lang', '=', lang)
          .where('stem', 'in', part)
          .execute();
        for (const r of rows) out.set(r.stem, Number(r.df));
      }
      return out;
    },

    async docCount(lang: string): Promise<number> {
      const row = await db
        .selectFrom('related_docs')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('lang', '=', lang)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async vector(id: number): Promise<TermVector> {
      const rows = await db
        .selectFrom('related_terms')
        .select(['stem', 'weight'])
        .where('article_id', '=', id)
        .orderBy('weight', 'desc')
        .execute();
      return new Map(rows.map((r) => [r.stem, Number(r.weight)]));
    },

    async saveTerms(id: number, vector: TermVector): Promise<void> {
      await db.deleteFrom('related_terms').where('article_id', '=', id).execute();
      await insertTerms([{ id, vector }]);
    },

    /**
     * The `limit` articles of the language whose stored vectors have the largest dot product
     * with `vector`: exact cosines, summed by the engine over the postings of the vector's stems.
     * CROSS JOIN fixes SQLite's order (the few query stems, then their postings, then each
     * posting's doc); PostgreSQL reorders it freely.
     */
    async similar(id: number, lang: string, vector: TermVector, limit: number): Promise<Scored[]> {
      if (vector.size === 0) return [];
      const values = [...vector].map(([stem, w]) => sql`(${stem}, CAST(${w} AS DOUBLE PRECISION))`);
      const { rows } = await sql<{ id: number; score: number }>`
        WITH q (stem, weight) AS (VALUES ${sql.join(values)})
        SELECT t.article_id AS id, SUM(t.weight * q.weight) AS score
        FROM q CROSS JOIN related_terms t CROSS JOIN related_docs d
        WHERE t.stem = q.stem AND d.article_id = t.article_id AND d.lang = ${lang} AND t.article_id <> ${id}
        GROUP BY t.article_id
        ORDER BY score DESC, t.article_id DESC
        LIMIT ${limit}`.execute(db);
      return rows.map((r) => ({ id: Number(r.id), score: Number(r.score) }));
    },

    /** Stored lists, best first. */
    async lists(ids: readonly number[]): Promise<Map<number, Scored[]>> {
      const out = new Map<number, Scored[]>(ids.map((id) => [id, []]));
      for (const part of chunks([...new Set(ids)])) {
        const rows = await db
          .selectFrom('related_articles')
          .select(['article_id', 'related_id', 'score'])
          .where('article_id', 'in', part)
          .orderBy('article_id')
          .orderBy('position')
          .execute();
        for (const r of rows) out.get(r.article_id)?.push({ id: r.related_id, score: Number(r.score) });
      }
      return out;
    },

    /** Replaces the stored lists of the given articles. */
    async saveLists(lists: ReadonlyMap<number, readonly Scored[]>): Promise<void> {
      const ids = [...lists.keys()];
      for (const part of chunks(ids))
        await db.deleteFrom('related_articles').where('article_id', 'in', part).execute();
      const rows = [...lists].flatMap(([articleId, list]) =>
        list.map((x, position) => ({ article_id: articleId, related_id: x.id, score: x.score, position })),
      );
      for (const part of chunks(rows)) await db.insertInto('related_articles').values(part).execute();
    },

    /** Articles whose stored list holds `id`. */
    async pointingTo(id: number): Promise<number[]> {
      const rows = await db
        .selectFrom('related_articles')
        .select('article_id')
        .where('related_id', '=', id)
        .orderBy('article_id')
        .execute();
      return rows.map((r) => r.article_id);
    },

    /** Replaces the near-duplicate pairs of `id`. */
    async saveDuplicates(id: number, found: readonly Scored[]): Promise<void> {
      await db
        .deleteFrom('related_duplicates')
        .where((eb) => eb.or([eb('article_id', '=', id), eb('duplicate_id', '=', id)]))
        .execute();
      await insertDuplicates(found.map((d) => [id, d.id, d.score] as const));
    },

    /** Everything stored about the article; the lists that pointed at it keep their other entries. */
    async forget(id: number): Promise<void> {
      await db.deleteFrom('related_terms').where('article_id', '=', id).execute();
      await db.deleteFrom('related_docs').where('article_id', '=', id).execute();
      await db
        .deleteFrom('related_articles')
        .where((eb) => eb.or([eb('article_id', '=', id), eb('related_id', '=', id)]))
        .execute();
      await db
        .deleteFrom('related_duplicates')
        .where((eb) => eb.or([eb('article_id', '=', id), eb('duplicate_id', '=', id)]))
        .execute();
    },

    async clear(): Promise<void> {
      for (const table of [
        'related_articles',
        'related_duplicates',
        'related_terms',
        'related_df',
        'related_docs',
      ] as const) {
        await db.deleteFrom(table).execute();
      }
    },
  };
}

export type RelatedStore = ReturnType<typeof relatedStore>;
