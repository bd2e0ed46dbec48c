// What the newsroom's tag page shows: every tag with the number of articles carrying it.
import type { Tag } from '../../core/types.ts';
import type { Services } from '../context.ts';

export interface TagWithUsage extends Tag {
  articles: number;
}

export async function listTagsWithUsage(services: Pick<Services, 'repos'>): Promise<TagWithUsage[]> {
  const [tags, counts] = await Promise.all([services.repos.tags.list(), services.repos.tags.usageCounts()]);
  return tags.map((tag) => ({ ...tag, articles: counts.get(tag.id) ?? 0 }));
}

/**
 * Tags whose name contains `q` (case-insensitive), for the editor's tag suggestions: names that
 * start with it first, then the most used. The tag list of a newsroom is hundreds long at most,
 * so it is filtered here rather than with a LIKE that treats Arabic and Latin case unevenly.
 */
export async function suggestTags(
  services: Pick<Services, 'repos'>,
  q: string,
  limit = 10,
): Promise<{ id: number; name: string }[]> {
  const needle = q.normalize('NFC').trim().toLocaleLowerCase();
  const tags = await listTagsWithUsage(services);
  return tags
    .map((tag) => ({ tag, at: tag.name.normalize('NFC').toLocaleLowerCase().indexOf(needle) }))
    .filter((m) => needle === '' || m.at >= 0)
    .sort((a, b) => Number(a.at !== 0) - Number(b.at !== 0) || b.tag.articles - a.tag.articles)
    .slice(0, limit)
    .map(({ tag }) => ({ id: tag.id, name: tag.name }));
}
