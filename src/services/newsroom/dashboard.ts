// What the newsroom's frame and dashboard show: counts a person can act on.
import { can } from '../../core/policies/index.ts';
import type { Person } from '../../core/types.ts';
import type { Services } from '../context.ts';

export interface DashboardCounts {
  published: number;
  drafts: number;
  pendingComments: number;
}

export async function dashboardCounts(services: Pick<Services, 'repos'>): Promise<DashboardCounts> {
  const { repos } = services;
  const [pendingComments, published, drafts] = await Promise.all([
    repos.comments.count({ status: 'pending' }),
    repos.articles.count({ status: 'published' }),
    repos.articles.count({ status: 'draft' }),
  ]);
  return { published, drafts, pendingComments };
}

/** Comments waiting for the person, shown as a badge in the menu: only to those who moderate. */
export function pendingCommentsFor(
  services: Pick<Services, 'repos'>,
  person: Person | null,
): Promise<number> {
  if (!person || !can(person, { kind: 'comment.moderate' })) return Promise.resolve(0);
  return services.repos.comments.count({ status: 'pending' });
}
