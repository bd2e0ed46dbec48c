// What the newsroom's sections page shows: every section in its order.
import type { Section } from '../../core/types.ts';
import type { Services } from '../context.ts';

export function listSections(services: Pick<Services, 'repos'>): Promise<Section[]> {
  return services.repos.sections.list();
}
