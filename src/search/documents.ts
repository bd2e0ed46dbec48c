// Reads what the index needs of articles: title, dek, body text, and the names attached to
// them (tags and authors), in batches, and the names the analyzer must protect.
import type { Kysely } from 'kysely';
import { htmlToText } from '../core/html-policy.ts';
import type { Database } from '../db/schema.ts';

export interface SourceDoc {
  id: number;
  /** Published articles go to the reader index, every other status to the newsroom's. */
  published: boolean;
  title: string;
  dek: string;
  body: string;
  names: string;
  /** The language the text is written in (BCP 47): it chooses the analysis. */
  lang: string;
}

/** Only published articles are in the reader index; the query still checks the publication date. */
const INDEXED_STATUS = 'published';

export async function loadDocs(db: Kysely<Database>, ids: readonly number[]): Promise<SourceDoc[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'status', 'title', 'dek', 'body_html', 'lang', 'text_lang'])
    .where('id', 'in', [...ids])
    .execute();
  if (rows.length === 0) return [];
  const found = rows.map((r) => r.id);
  const [tags, authors] = await Promise.all([
    db
      .selectFrom('article_tags')
      .innerJoin('tags', 'tags.id', 'article_tags.tag_id')
      .select(['article_tags.article_id as articleId', 'tags.name'])
      .where('article_tags.article_id', 'in', found)
      .execute(),
    db
      .selectFrom('article_authors')
      .innerJoin('people', 'people.id', 'article_authors.person_id')
      .select(['article_authors.article_id as articleId', 'people.name'])
      .where('article_authors.article_id', 'in', found)
      .execute(),
  ]);
  const names = new Map<number, string[]>();
  for (const { articleId, name } of [...tags, ...authors]) {
    const list = names.get(articleId) ?? [];
    list.push(name);
    names.set(articleId, list);
  }
  return rows.map((r) => ({
    id: r.id,
    published: r.status === INDEXED_STATUS,
    title: r.title,
    dek: r.dek,
    body: htmlToText(r.body_html),
    names: (names.get(r.id) ?? []).join(' ، '),
    lang: r.text_lang ?? r.lang,
  }));
}

/** Ids of articles (every status: each goes to one index) after `afterId`, in id order, for batched rebuilds. */
export async function nextIds(db: Kysely<Database>, afterId: number, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom('articles')
    .select('id')
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

/** Every article: published ones fill the reader index, the others the newsroom's. */
export async function countIndexable(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The names of tags and people, which the analyzer never stems. */
export async function loadProtectedNames(db: Kysely<Database>): Promise<string[]> {
  const [tags, people] = await Promise.all([
    db.selectFrom('tags').select('name').execute(),
    db.selectFrom('people').select('name').execute(),
  ]);
  return [...tags, ...people].map((r) => r.name);
}
