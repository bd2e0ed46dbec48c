// What the newsroom's sections page shows: every section in its order, and the further editions
// (beyond ar/fr/en) a section can be named in.
import { editionName } from '../../core/languages/tags.ts';
import type { Section } from '../../core/types.ts';
import type { Services } from '../context.ts';
import { furtherEditions, loadSiteSettings } from '../settings.ts';

export function listSections(services: Pick<Services, 'repos'>): Promise<Section[]> {
  return services.repos.sections.list();
}

/** The further editions, each named in itself ("فارسی"), with its direction for the name field. */
export async function sectionEditions(
  services: Pick<Services, 'repos'>,
): Promise<{ tag: string; name: string }[]> {
  return furtherEditions(await loadSiteSettings(services.repos)).map((tag) => ({
    tag,
    name: editionName(tag),
  }));
}
