// The most-read block of a page: loaded (from a short memo), declared to the page cache so a
// 'most-read' event refreshes the page when the list moves, and turned into plain links.
// Nothing while counting is off: a list frozen at the moment counting stopped would mislead.
import type { FastifyReply } from 'fastify';
import type { Edition } from '../../core/types.ts';
import type { Services } from '../../services/context.ts';
import { loadMostRead } from '../../services/readership/most-read.ts';
import type { SiteSettings } from '../../services/settings.ts';
import { dependsOn } from '../cache/dependencies.ts';
import { showsArticles, tags } from '../cache/tags.ts';
import { articlePath } from './urls.ts';
import type { MostReadItemView } from './view-models.ts';

export async function mostReadBlock(
  services: Services,
  reply: FastifyReply,
  settings: Pick<SiteSettings, 'readership'>,
  lang: Edition,
  /** The article the page shows, left out of its own list. */
  exceptId?: number,
): Promise<MostReadItemView[]> {
  if (!settings.readership) return [];
  const articles = (await loadMostRead(services, lang)).filter((a) => a.id !== exceptId);
  dependsOn(reply, tags.mostRead(lang), showsArticles(articles));
  return articles.map((a) => ({ href: articlePath(a), title: a.title, lang: a.textLang }));
}
