// Between article rows and Article objects: the mapping, the column patch, and the authors and
// tags that live in their own tables (read in batches, written in byline order).
import type { Kysely, Updateable } from 'kysely';
import { bodyTextFacts, rememberBodyFacts } from '../../core/article-text.ts';
import type { Article, ArticleStatus, ArticleSummary } from '../../core/types.ts';
import type { ArticleRow, ArticlesTable, Database } from '../schema.ts';
import type { NewArticle } from './contract.ts';
import { flag, guardWrite, isSet, toIso, toIsoOrNull, unique } from './support.ts';
import { reusableQuery } from '../reusable-query.ts';

// Every card and article page reads its bylines and tags (see reusable-query.ts).
const authorsOf = reusableQuery((db: Kysely<Database>, ids: number[]) =>
  db
    .selectFrom('article_authors')
    .select(['article_id', 'person_id'])
    .where('article_id', 'in', ids)
    .orderBy('article_id')
    .orderBy('position'),
);

const tagsOf = reusableQuery((db: Kysely<Database>, ids: number[]) =>
  db
    .selectFrom('article_tags')
    .select(['article_id', 'tag_id'])
    .where('article_id', 'in', ids)
    .orderBy('article_id')
    .orderBy('tag_id'),
);

/** Every article column but the text (body and search text): what a summary reads. */
export const SUMMARY_COLUMNS = [
  'articles.id',
  'articles.translation_group',
  'articles.lang',
  'articles.text_lang',
  'articles.status',
  'articles.title',
  'articles.slug',
  'articles.dek',
  'articles.featured_media_id',
  'articles.section_id',
  'articles.is_featured',
  'articles.is_breaking',
  'articles.comments_open',
  'articles.seo_title',
  'articles.seo_description',
  'articles.published_at',
  'articles.created_at',
  'articles.updated_at',
  'articles.version',
] as const;

export type SummaryRow = Omit<ArticleRow, 'body_html' | 'search_text' | 'body_words' | 'body_lead'>;

export function toSummary(row: SummaryRow, authorIds: number[], tagIds: number[]): ArticleSummary {
  return {
    id: row.id,
    translationGroup: row.translation_group,
    lang: row.lang,
    textLang: row.text_lang ?? row.lang,
    status: row.status as ArticleStatus,
    title: row.title,
    slug: row.slug,
    dek: row.dek,
    featuredMediaId: row.featured_media_id,
    sectionId: row.section_id,
    isFeatured: isSet(row.is_featured),
    isBreaking: isSet(row.is_breaking),
    commentsOpen: isSet(row.comments_open),
    seoTitle: row.seo_title,
    seoDescription: row.seo_description,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    authorIds,
    tagIds,
  };
}

export function toArticle(row: ArticleRow, authorIds: number[], tagIds: number[]): Article {
  const article = {
    ...toSummary(row, authorIds, tagIds),
    bodyHtml: row.body_html,
    searchText: row.search_text,
  };
  if (row.body_words !== null && row.body_lead !== null) {
    rememberBodyFacts(article, { words: row.body_words, lead: row.body_lead });
  }
  return article;
}

/** Adds authors and tags to rows with one query each, whatever the number of rows. */
export function hydrate(db: Kysely<Database>, rows: readonly ArticleRow[]): Promise<Article[]> {
  return withLinks(db, rows, toArticle);
}

/** The same for rows read without their text. */
export function hydrateSummaries(
  db: Kysely<Database>,
  rows: readonly SummaryRow[],
): Promise<ArticleSummary[]> {
  return withLinks(db, rows, toSummary);
}

async function withLinks<R extends SummaryRow, T>(
  db: Kysely<Database>,
  rows: readonly R[],
  build: (row: R, authorIds: number[], tagIds: number[]) => T,
): Promise<T[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [authors, tags] = await Promise.all([authorsOf(db, ids), tagsOf(db, ids)]);
  const authorIds = new Map<number, number[]>(ids.map((id) => [id, []]));
  const tagIds = new Map<number, number[]>(ids.map((id) => [id, []]));
  for (const a of authors) authorIds.get(a.article_id)?.push(a.person_id);
  for (const t of tags) tagIds.get(t.article_id)?.push(t.tag_id);
  return rows.map((row) => build(row, authorIds.get(row.id) ?? [], tagIds.get(row.id) ?? []));
}

export function writeLinks(
  trx: Kysely<Database>,
  articleId: number,
  patch: Pick<Partial<NewArticle>, 'authorIds' | 'tagIds'>,
  replace: boolean,
): Promise<void> {
  return guardWrite(
    () => replaceLinks(trx, articleId, patch, replace),
    () => 'An author or tag is listed twice on this article.',
    'An author or tag of this article does not exist.',
  );
}

async function replaceLinks(
  trx: Kysely<Database>,
  articleId: number,
  patch: Pick<Partial<NewArticle>, 'authorIds' | 'tagIds'>,
  replace: boolean,
): Promise<void> {
  if (patch.authorIds !== undefined) {
    if (replace) await trx.deleteFrom('article_authors').where('article_id', '=', articleId).execute();
    const authorIds = unique(patch.authorIds);
    if (authorIds.length > 0) {
      await trx
        .insertInto('article_authors')
        .values(
          authorIds.map((personId, position) => ({ article_id: articleId, person_id: personId, position })),
        )
        .execute();
    }
  }
  if (patch.tagIds !== undefined) {
    if (replace) await trx.deleteFrom('article_tags').where('article_id', '=', articleId).execute();
    const tagIds = unique(patch.tagIds);
    if (tagIds.length > 0) {
      await trx
        .insertInto('article_tags')
        .values(tagIds.map((tagId) => ({ article_id: articleId, tag_id: tagId })))
        .execute();
    }
  }
}

/** The article columns a patch sets; authors and tags live in their own tables. */
export function columnsOf(patch: Partial<NewArticle>): Updateable<ArticlesTable> {
  const set: Updateable<ArticlesTable> = {};
  if (patch.lang !== undefined) set.lang = patch.lang;
  // Stored only when it differs from the edition, so a change of edition carries it along.
  if (patch.textLang !== undefined) set.text_lang = patch.textLang;
  if (patch.status !== undefined) set.status = patch.status;
  if (patch.title !== undefined) set.title = patch.title;
  if (patch.slug !== undefined) set.slug = patch.slug;
  if (patch.dek !== undefined) set.dek = patch.dek;
  if (patch.bodyHtml !== undefined) {
    set.body_html = patch.bodyHtml;
    const facts = bodyTextFacts(patch.bodyHtml);
    set.body_words = facts.words;
    set.body_lead = facts.lead;
  }
  if (patch.searchText !== undefined) set.search_text = patch.searchText;
  if (patch.featuredMediaId !== undefined) set.featured_media_id = patch.featuredMediaId;
  if (patch.sectionId !== undefined) set.section_id = patch.sectionId;
  if (patch.isFeatured !== undefined) set.is_featured = flag(patch.isFeatured);
  if (patch.isBreaking !== undefined) set.is_breaking = flag(patch.isBreaking);
  if (patch.commentsOpen !== undefined) set.comments_open = flag(patch.commentsOpen);
  if (patch.seoTitle !== undefined) set.seo_title = patch.seoTitle;
  if (patch.seoDescription !== undefined) set.seo_description = patch.seoDescription;
  if (patch.publishedAt !== undefined) set.published_at = toIsoOrNull(patch.publishedAt, 'publishedAt');
  if (patch.translationGroup !== undefined) set.translation_group = patch.translationGroup;
  if (patch.createdAt !== undefined) set.created_at = toIso(patch.createdAt, 'createdAt');
  return set;
}
