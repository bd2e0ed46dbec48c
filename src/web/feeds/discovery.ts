// <link rel="alternate"> entries that let browsers and feed readers find a page's feeds: the
// page's own feed (section, tag, author) first, then the feed of the whole language site.
import type { Edition } from '../../core/types.ts';
import type { FeedScope } from '../../services/syndication.ts';
import type { FeedLinkView } from '../reader/view-models.ts';
import { FEED_TYPES, type FeedFormat } from './model.ts';
import { feedPath } from './paths.ts';

const FORMAT_NAMES: Record<FeedFormat, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };

function linksFor(lang: Edition, scope: FeedScope, title: string): FeedLinkView[] {
  return (Object.keys(FORMAT_NAMES) as FeedFormat[]).map((format) => ({
    type: FEED_TYPES[format] as FeedLinkView['type'],
    title: `${title} (${FORMAT_NAMES[format]})`,
    href: feedPath(lang, scope, format),
  }));
}

export function feedDiscovery(
  lang: Edition,
  siteName: string,
  page?: { scope: Exclude<FeedScope, { kind: 'site' }>; title: string },
): FeedLinkView[] {
  return [
    ...(page ? linksFor(lang, page.scope, `${page.title} – ${siteName}`) : []),
    ...linksFor(lang, { kind: 'site' }, siteName),
  ];
}
