// What the site's languages need from storage: how many articles are written in each language
// (a language with articles cannot be switched off), and tags linked across languages.
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.ts';
import { unique } from './support.ts';

export interface LanguagesRepository {
  /** Articles of any status by the language their text is written in. */
  articleCounts(): Promise<Map<string, number>>;
  /** How many articles (any status) each edition holds, by `articles.lang`. */
  editionCounts(): Promise<Map<string, number>>;
  /** Articles whose text is in `tag` (exactly) but that are published in another edition. */
  elsewhereIds(tag: string): Promise<number[]>;
  /** Puts two tags (and the tags already linked to either) in one group. */
  linkTags(a: number, b: number): Promise<void>;
  /** Takes a tag out of its group; a group left with one tag is dissolved. */
  unlinkTag(id: number): Promise<void>;
  /** The tags linked to each of these (the tag itself not included); unlinked tags are absent. */
  linkedTags(ids: readonly number[]): Promise<Map<number, number[]>>;
}

export function createLanguagesRepository(db: Kysely<Database>): LanguagesRepository {
  const groupOf = async (id: number) =>
    (await db.selectFrom('tag_links').select('link_group').where('tag_id', '=', id).executeTakeFirst())
      ?.link_group ?? null;

  return {
    async articleCounts() {
      const language = sql<string>`coalesce(text_lang, lang)`;
      const rows = await db
        .selectFrom('articles')
        .select([language.as('language'), db.fn.countAll<number | string>().as('n')])
        .groupBy(language)
        .execute();
      return new Map(rows.map((r) => [r.language, Number(r.n)]));
    },

    async editionCounts() {
      const rows = await db
        .selectFrom('articles')
        .select(['lang', db.fn.countAll<number | string>().as('n')])
        .groupBy('lang')
        .execute();
      return new Map(rows.map((r) => [r.lang, Number(r.n)]));
    },

    async elsewhereIds(tag) {
      const rows = await db
        .selectFrom('articles')
        .select('id')
        .where('text_lang', '=', tag)
        .where('lang', '!=', tag)
        .orderBy('id')
        .execute();
      return rows.map((r) => r.id);
    },

    async linkTags(a, b) {
      if (a === b) return;
      const groups = unique([await groupOf(a), await groupOf(b)].filter((g): g is number => g !== null));
      const members = groups.length
        ? (await db.selectFrom('tag_links').select('tag_id').where('link_group', 'in', groups).execute()).map(
            (r) => r.tag_id,
          )
        : [];
      const all = unique([a, b, ...members]);
      const group = Math.min(...all);
      await db.deleteFrom('tag_links').where('tag_id', 'in', all).execute();
      await db
        .insertInto('tag_links')
        .values(all.map((tag_id) => ({ tag_id, link_group: group })))
        .execute();
    },

    async unlinkTag(id) {
      const group = await groupOf(id);
      if (group === null) return;
      await db.deleteFrom('tag_links').where('tag_id', '=', id).execute();
      const rest = await db
        .selectFrom('tag_links')
        .select('tag_id')
        .where('link_group', '=', group)
        .execute();
      if (rest.length <= 1) {
        await db.deleteFrom('tag_links').where('link_group', '=', group).execute();
        return;
      }
      // The group keeps the smallest id of its members as its name.
      const next = Math.min(...rest.map((r) => r.tag_id));
      if (next !== group)
        await db.updateTable('tag_links').set({ link_group: next }).where('link_group', '=', group).execute();
    },

    async linkedTags(ids) {
      const out = new Map<number, number[]>();
      if (ids.length === 0) return out;
      const rows = await db
        .selectFrom('tag_links as mine')
        .innerJoin('tag_links as other', 'other.link_group', 'mine.link_group')
        .select(['mine.tag_id as tag', 'other.tag_id as linked'])
        .where('mine.tag_id', 'in', unique(ids))
        .whereRef('other.tag_id', '!=', 'mine.tag_id')
        .orderBy('other.tag_id')
        .execute();
      for (const r of rows) out.set(r.tag, [...(out.get(r.tag) ?? []), r.linked]);
      return out;
    },
  };
}
