// First pass over an export: reads the whole file once, so that a truncated or broken file is
// refused before anything is written, and keeps what the second pass needs to look up out of
// order (attachments used as featured images before they appear, terms and authors). Items
// themselves are not kept: the second pass streams them again.
import { createHash } from 'node:crypto';
import { fileSource, readWxr } from '../../importers/wordpress/reader.ts';
import type {
  WxrAuthor,
  WxrCategory,
  WxrChannel,
  WxrItem,
  WxrTag,
  WxrWarning,
} from '../../importers/wordpress/types.ts';

export interface AttachmentInfo {
  id: string;
  url: string;
  /** Path under wp-content/uploads ("2024/03/a.jpg"), from _wp_attached_file or the URL. */
  file: string;
  alt: string;
  caption: string;
  credit: string;
  parent: string;
  mime: string;
}

export interface ScanResult {
  channel: WxrChannel;
  authors: WxrAuthor[];
  categories: WxrCategory[];
  tags: WxrTag[];
  attachments: Map<string, AttachmentInfo>;
  items: number;
  comments: number;
  warnings: WxrWarning[];
}

/**
 * Items are matched across runs by their WordPress id; an export without ids (hand-made or
 * trimmed ones exist) falls back to a stable digest of the guid, the link or the title and date.
 */
export function withItemId(item: WxrItem): WxrItem {
  if (item.postId !== '') return item;
  const basis = item.guid || item.link || `${item.title}|${item.postDate}|${item.line}`;
  return { ...item, postId: `h${createHash('sha1').update(basis).digest('hex').slice(0, 12)}` };
}

export function metaValue(item: Pick<WxrItem, 'meta'>, key: string): string {
  return item.meta.find((m) => m.key === key)?.value ?? '';
}

function attachmentOf(item: WxrItem): AttachmentInfo {
  const url = item.attachmentUrl || item.guid;
  const fromUrl = /\/wp-content\/uploads\/(.+)$/.exec(url.split('?')[0] ?? '')?.[1] ?? '';
  const serialized = metaValue(item, '_wp_attachment_metadata');
  const credit =
    metaValue(item, '_media_credit') || (/s:6:"credit";s:\d+:"([^"]*)"/.exec(serialized)?.[1] ?? '');
  return {
    id: item.postId,
    url,
    file: metaValue(item, '_wp_attached_file') || decodeURIComponent(fromUrl),
    alt: metaValue(item, '_wp_attachment_image_alt'),
    caption: item.excerpt.trim(),
    credit,
    parent: item.postParent,
    mime: /\.(jpe?g|png|gif|webp|avif)$/i.test(url.split('?')[0] ?? '') ? 'image' : 'other',
  };
}

export async function scanExport(file: string, fileName: string): Promise<ScanResult> {
  const warnings: WxrWarning[] = [];
  const result: ScanResult = {
    channel: {
      version: '',
      title: '',
      link: '',
      language: '',
      description: '',
      baseSiteUrl: '',
      baseBlogUrl: '',
    },
    authors: [],
    categories: [],
    tags: [],
    attachments: new Map(),
    items: 0,
    comments: 0,
    warnings,
  };
  const categorySlugs = new Set<string>();
  const tagSlugs = new Set<string>();
  for await (const record of readWxr(fileSource(file), { fileName, warnings })) {
    switch (record.kind) {
      case 'channel':
        result.channel = record.channel;
        break;
      case 'author':
        result.authors.push(record.author);
        break;
      case 'category':
        categorySlugs.add(record.category.nicename.toLowerCase());
        result.categories.push(record.category);
        break;
      case 'tag':
        tagSlugs.add(record.tag.slug.toLowerCase());
        result.tags.push(record.tag);
        break;
      case 'term': {
        // Newer exports may list categories and tags as generic terms too.
        const { term } = record;
        if (term.taxonomy === 'category' && !categorySlugs.has(term.slug.toLowerCase())) {
          categorySlugs.add(term.slug.toLowerCase());
          result.categories.push({
            termId: term.termId,
            nicename: term.slug,
            parent: term.parent,
            name: term.name,
            description: '',
          });
        } else if (term.taxonomy === 'post_tag' && !tagSlugs.has(term.slug.toLowerCase())) {
          tagSlugs.add(term.slug.toLowerCase());
          result.tags.push({ termId: term.termId, slug: term.slug, name: term.name, description: '' });
        }
        break;
      }
      case 'item':
        result.items++;
        result.comments += record.item.comments.length;
        if (record.item.postType === 'attachment') {
          result.attachments.set(withItemId(record.item).postId, attachmentOf(withItemId(record.item)));
        }
        break;
    }
  }
  return result;
}
