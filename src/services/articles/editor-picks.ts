// What the editor shows for the choices in its form: the featured image it previews and the
// names of tags picked by id. The form may hold choices not yet saved (a refused save shows
// them again), so these are looked up from the form's values, not from the article.
import type { Media, Tag } from '../../core/types.ts';
import type { Services } from '../context.ts';

export async function editorPicks(
  services: Pick<Services, 'repos'>,
  form: { featuredMediaId: number | null; tagIds: readonly number[] },
): Promise<{ featured: Media | null; tags: Tag[] }> {
  const [featured, tags] = await Promise.all([
    form.featuredMediaId === null ? null : services.repos.media.byId(form.featuredMediaId),
    services.repos.tags.byIds(form.tagIds),
  ]);
  return { featured: featured?.width ? featured : null, tags };
}
