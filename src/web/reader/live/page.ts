// What live coverage adds to its article's page: the entries under the body, a LiveBlogPosting
// JSON-LD document, and (while the coverage runs) the small script that brings new entries in.
// The page depends on the article's cache tag already, which every live change evicts.
import { LIVE_ENTRIES_IN_JSON_LD, LIVE_TEXT } from '../../../core/live.ts';
import type { Article } from '../../../core/types.ts';
import { loadLive } from '../../../services/live/queries.ts';
import type { ReaderContext, ReaderDeps } from '../context.ts';
import { serializeJsonLd } from '../meta/json-ld.ts';
import { excerptOf } from '../presenters.ts';
import { articlePath } from '../urls.ts';
import type { HeadView } from '../view-models.ts';
import { liveBlogLd } from './json-ld.ts';
import { presentLive } from './present.ts';
import type { LiveView } from './view.tsx';

type HeadPart = Pick<HeadView, 'jsonLd' | 'liveJs'>;

export interface LiveOnPage {
  view: LiveView;
  head<T extends HeadPart>(meta: T): T;
}

export async function liveOnPage(
  deps: ReaderDeps,
  ctx: ReaderContext,
  article: Article,
): Promise<LiveOnPage | null> {
  const live = await loadLive(deps.services, article);
  if (!live) return null;
  const view = presentLive(live, { ...ctx.present, lang: article.lang });
  const published = article.publishedAt ?? article.createdAt;
  const ld = liveBlogLd({
    url: `${ctx.present.baseUrl}${articlePath(article)}`,
    headline: article.title,
    description: excerptOf(article) || LIVE_TEXT[ctx.present.ui].heading,
    lang: article.lang,
    published,
    modified: [article.updatedAt, published].sort()[1]!,
    coverage: live.coverage,
    entries: live.entries.slice(0, LIVE_ENTRIES_IN_JSON_LD),
    publisherName: ctx.settings.name,
  });
  return {
    view,
    head: (meta) => ({
      ...meta,
      jsonLd: [...(meta.jsonLd ?? []), serializeJsonLd(ld)],
      ...(live.coverage.state === 'live' ? { liveJs: deps.assets.liveJs } : {}),
    }),
  };
}

export function withLive<T extends HeadPart>(live: LiveOnPage | null, meta: T): T {
  return live ? live.head(meta) : meta;
}
