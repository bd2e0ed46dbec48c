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
