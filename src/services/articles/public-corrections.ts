// The public corrections page of one language: the newest corrections of published articles,
// a page at a time. Updates are not listed: they add news, they do not admit a mistake.
import type { Edition } from '../../core/types.ts';
import type { RecentCorrection } from '../../db/repositories/corrections.ts';
import type { Services } from '../context.ts';

export const CORRECTIONS_PER_PAGE = 20;

export interface CorrectionsPage {
  items: RecentCorrection[];
  page: number;
  pages: number;
}

export async function loadCorrectionsPage(
  services: Pick<Services, 'repos'>,
  lang: Edition,
  page: number,
): Promise<CorrectionsPage> {
  const { items, total } = await services.repos.corrections.listRecent({
    lang,
    limit: CORRECTIONS_PER_PAGE,
    offset: (page - 1) * CORRECTIONS_PER_PAGE,
  });
  return { items, page, pages: Math.max(1, Math.ceil(total / CORRECTIONS_PER_PAGE)) };
}
