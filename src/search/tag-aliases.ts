// Tags the site linked across languages (تمبكتو, Tombouctou, Timbuktu) are spellings of one
// another for search: a query for one finds articles with any. Only one-word names become
// aliases, as the built-in place names are (core/text/aliases.ts).
import type { Kysely } from 'kysely';
import { normalizeText } from '../core/text/normalize.ts';
import { tokenize } from '../core/text/tokenize.ts';
import type { Database } from '../db/schema.ts';

function singleWord(name: string): string | null {
  const words = tokenize(name);
  return words.length === 1 ? (words[0]?.norm ?? null) : null;
}

/** Normalized word → the normalized words of the tags linked to it. */
export async function loadTagAliases(db: Kysely<Database>): Promise<Map<string, string[]>> {
  const rows = await db
    .selectFrom('tag_links')
    .innerJoin('tags', 'tags.id', 'tag_links.tag_id')
    .select(['tag_links.link_group as linkGroup', 'tags.name'])
    .execute();
  const groups = new Map<number, string[]>();
  for (const r of rows) {
    const word = singleWord(r.name) ?? normalizeText(r.name).trim();
    if (word === '') continue;
    groups.set(r.linkGroup, [...(groups.get(r.linkGroup) ?? []), word]);
  }
  const aliases = new Map<string, string[]>();
  for (const words of groups.values()) {
    for (const word of words) {
      const others = words.filter((w) => w !== word && !w.includes(' '));
      if (others.length > 0 && !word.includes(' '))
        aliases.set(word, [...new Set([...(aliases.get(word) ?? []), ...others])]);
    }
  }
  return aliases;
}
