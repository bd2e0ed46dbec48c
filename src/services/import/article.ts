// How one WordPress post or page reads in Midad: status, flags, dates, people, section, tags,
// SEO fields and custom fields. Pure: the writing is in items.ts.
import { htmlToText } from '../../core/html-policy.ts';
import type { ArticleStatus } from '../../core/types.ts';
import type { WxrItem } from '../../importers/wordpress/types.ts';
import { metaValue } from './scan.ts';

const STATUS: Record<string, ArticleStatus> = {
  publish: 'published',
  future: 'scheduled',
  draft: 'draft',
  pending: 'pending',
  private: 'private',
  trash: 'trashed',
};

export interface StatusDecision {
  status: ArticleStatus | null;
  warning?: string;
}

export function articleStatus(item: WxrItem): StatusDecision {
  if (item.status === 'auto-draft' || item.status === 'inherit') return { status: null };
  const mapped = STATUS[item.status];
  if (item.postPassword !== '' && (mapped === 'published' || mapped === 'scheduled')) {
    return {
      status: 'private',
      warning: `post ${item.postId} is password-protected; imported as private (Midad has no post passwords)`,
    };
  }
  if (!mapped)
    return {
      status: 'draft',
      warning: `post ${item.postId}: unknown status "${item.status}", imported as a draft`,
    };
  return { status: mapped };
}

const ENTITY = /&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos|nbsp|#039);/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * Titles are plain text in Midad; WordPress titles may carry entities and markup ("Title
 * <em>With</em> Markup"), which readers must not see as tags: markup is removed, entities decoded.
 */
export function plainTitle(title: string): string {
  const text = /<\/?[a-z][^>]*>/i.test(title) ? htmlToText(title.replace(/&(?!#?\w+;)/g, '&amp;')) : title;
  return text
    .replace(ENTITY, (all, name: string) => {
      const lower = name.toLowerCase();
      if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
      if (lower.startsWith('#')) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
      return NAMED[lower] ?? all;
    })
    .trim();
}

/** Yoast keeps its title as a template; the variables a reader can see are filled in. */
export function seoFields(
  item: WxrItem,
  title: string,
  siteName: string,
): { seoTitle: string; seoDescription: string } {
  const template = metaValue(item, '_yoast_wpseo_title');
  const seoTitle = template
    .replace(/%%title%%/g, title)
    .replace(/%%sitename%%/g, siteName)
    .replace(/%%sep%%/g, '-')
    .replace(/%%[a-z_]+%%/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s-]+|[\s-]+$/g, '');
  return { seoTitle, seoDescription: metaValue(item, '_yoast_wpseo_metadesc').trim() };
}

export function dekOf(item: WxrItem): string {
  return htmlToText(item.excerpt);
}

/** Custom fields worth keeping: the site's own (WordPress hides its internal ones behind "_"). */
export function keptMeta(item: WxrItem): { key: string; value: string }[] {
  const out = item.meta.filter((m) => !m.key.startsWith('_'));
  out.push({ key: 'wp:post_id', value: item.postId });
  if (item.guid) out.push({ key: 'wp:guid', value: item.guid });
  if (item.postType !== 'post') out.push({ key: 'wp:post_type', value: item.postType });
  for (const t of item.terms) {
    if (t.domain === 'post_format')
      out.push({ key: 'wp:post_format', value: t.nicename.replace(/^post-format-/, '') });
  }
  const categories = item.terms.filter((t) => t.domain === 'category').slice(1);
  for (const c of categories) out.push({ key: 'wp:category', value: c.name });
  return out;
}
