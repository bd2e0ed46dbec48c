// An image as it is announced away from the site (feeds, sitemaps, social tags, the content API
// and webhook payloads): one JPEG rendition with an absolute URL and its size.
import type { Media } from '../core/types.ts';
import { MEDIA_PREFIX } from '../core/urls.ts';
import { bestFallback } from './images.ts';

export interface AbsoluteImage {
  url: string;
  mime: string;
  width: number;
  height: number;
  alt: string;
}

const MIME_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
};

/** The largest JPEG rendition up to `width` (1200 suits previews), with an absolute URL. */
export function absoluteImage(media: Media | undefined, baseUrl: string, width = 1200): AbsoluteImage | null {
  if (!media) return null;
  const ref = bestFallback(media, MEDIA_PREFIX, width);
  const extension = ref.src.split('.').pop()?.toLowerCase() ?? '';
  return {
    url: baseUrl + ref.src,
    mime: MIME_BY_EXTENSION[extension] ?? media.mime,
    width: ref.width ?? media.width ?? 0,
    height: ref.height ?? media.height ?? 0,
    alt: media.alt,
  };
}
