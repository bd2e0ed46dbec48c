// Shapes media rows for the library pages and for the editor's picker. Never queries.
import { displayDate } from '../../../core/dates.ts';
import { clockDuration } from '../../../core/duration.ts';
import { Invalid } from '../../../core/errors.ts';
import { format } from '../../../core/i18n.ts';
import type { Lang, Media, MediaVariant } from '../../../core/types.ts';
import { bestFallback, mediaUrl, srcsetFor } from '../../../media/images.ts';
import { MEDIA_PREFIX } from '../../reader/urls.ts';
import type { NewsroomMessages } from '../messages.ts';

export interface ImageRefView {
  src: string;
  width: number;
  height: number;
}

export interface LibraryItemView {
  id: number;
  href: string;
  /** Null for a document. */
  thumb: ImageRefView | null;
  alt: string;
  fileUrl: string;
  isDocument: boolean;
  /** What a tile without a picture says it holds: "PDF", "MP3", "MP4", "VTT". */
  badge: string;
  /** Audio and video: the playing time, "3:07". */
  durationText: string | null;
  /** What a tile without alt text says it is. */
  placeholder: string;
  sizeText: string;
  dateText: string;
}

export interface PresentCtx {
  lang: Lang;
  t: NewsroomMessages;
  timezone: string;
}

// Latin digits in Arabic too, as on the rest of the site (core/dates.ts).
const NUMBER_LOCALE: Record<Lang, string> = { ar: 'ar-u-nu-latn', fr: 'fr', en: 'en-GB' };

export function formatBytes(bytes: number, lang: Lang): string {
  const mb = bytes >= 1024 * 1024;
  return new Intl.NumberFormat(NUMBER_LOCALE[lang], {
    style: 'unit',
    unit: mb ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: mb ? 1 : 0,
  }).format(mb ? bytes / 1024 / 1024 : Math.max(1, Math.round(bytes / 1024)));
}

export const isImage = (media: Media): boolean => media.mime.startsWith('image/');

/** The stored file's extension in capitals: what kind of file a tile without a picture holds. */
export function badgeOf(media: Media): string {
  return (/\.([a-z0-9]+)$/i.exec(media.path)?.[1] ?? '').toUpperCase();
}

/** The narrowest WebP (else JPEG) variant: what a grid of small tiles needs. */
export function thumbOf(media: Media): ImageRefView | null {
  if (!isImage(media)) return null;
  const pick = (fmt: MediaVariant['format']) =>
    media.variants.filter((v) => v.format === fmt).sort((a, b) => a.width - b.width)[0];
  const v = pick('webp') ?? pick('jpeg');
  if (v) return { src: mediaUrl(MEDIA_PREFIX, v.path), width: v.width, height: v.height };
  return { src: mediaUrl(MEDIA_PREFIX, media.path), width: media.width ?? 0, height: media.height ?? 0 };
}

export function presentLibraryItem(media: Media, ctx: PresentCtx): LibraryItemView {
  return {
    id: media.id,
    href: `/newsroom/media/${media.id}`,
    thumb: thumbOf(media),
    alt: media.alt,
    fileUrl: mediaUrl(MEDIA_PREFIX, media.path),
    isDocument: !isImage(media),
    badge: badgeOf(media),
    durationText: media.durationMs ? clockDuration(media.durationMs) : null,
    placeholder:
      media.kind === 'audio'
        ? ctx.t.mediaAudio
        : media.kind === 'video'
          ? ctx.t.mediaVideo
          : isImage(media)
            ? ctx.t.mediaNoAlt
            : ctx.t.mediaDocument,
    sizeText: formatBytes(media.size, ctx.lang),
    dateText: displayDate(media.createdAt, ctx.lang, ctx.timezone).gregorian,
  };
}

/** The variants of one width: one row on the item's page, with a link per format. */
export interface VariantView {
  width: number;
  height: number;
  files: { format: string; url: string }[];
}

export function presentVariants(media: Media): VariantView[] {
  const order = ['avif', 'webp', 'jpeg', 'png'];
  const rows = new Map<number, VariantView>();
  for (const v of [...media.variants].sort((a, b) => order.indexOf(a.format) - order.indexOf(b.format))) {
    const row = rows.get(v.width) ?? { width: v.width, height: v.height, files: [] };
    row.files.push({ format: v.format.toUpperCase(), url: mediaUrl(MEDIA_PREFIX, v.path) });
    rows.set(v.width, row);
  }
  return [...rows.values()].sort((a, b) => a.width - b.width);
}

/** One item as the article editor's picker wants it. */
export interface PickerItem {
  id: number;
  mime: string;
  thumb: string | null;
  src: string;
  srcset: string;
  width: number | null;
  height: number | null;
  alt: string;
  caption: string;
  credit: string;
}

export function presentPickerItem(media: Media): PickerItem {
  if (!isImage(media)) {
    const url = mediaUrl(MEDIA_PREFIX, media.path);
    return { ...common(media), thumb: null, src: url, srcset: '', width: null, height: null };
  }
  // JPEG for the srcset an <img> carries alone: every browser reads it, and the reader page
  // rebuilds <picture> sources with AVIF and WebP from the stored variants.
  const fallback = bestFallback(media, MEDIA_PREFIX);
  return {
    ...common(media),
    thumb: thumbOf(media)?.src ?? null,
    src: fallback.src,
    srcset: srcsetFor(media, 'jpeg', MEDIA_PREFIX),
    width: fallback.width,
    height: fallback.height,
  };
}

function common(media: Media) {
  return {
    id: media.id,
    mime: media.mime,
    alt: media.alt,
    caption: media.caption,
    credit: media.credit,
    // The featured-image picker shows where crops of it are centred.
    focal: media.focal ?? null,
  };
}

/** An upload refusal in the interface language, from the stable field code ingest gives it. */
export function uploadErrorText(
  error: unknown,
  t: NewsroomMessages,
  maxBytes: number,
  maxAvBytes = maxBytes,
): string | null {
  const mb = Math.round((maxBytes / 1024 / 1024) * 100) / 100;
  if (!(error instanceof Invalid)) return null;
  switch (error.fields.file) {
    case 'too_large_av':
      return format(t.mediaTooLargeAv, { mb: Math.round((maxAvBytes / 1024 / 1024) * 100) / 100 });
    case 'unreadable_media':
      return t.mediaUnreadableAv;
    case 'not_audio_video':
      return t.mediaNotAudioVideo;
    case 'bad_captions':
      return t.mediaBadCaptions;
    case 'empty':
      return t.mediaEmptyUpload;
    case 'too_large':
      return format(t.mediaTooLarge, { mb });
    case 'too_many_pixels':
      return t.mediaTooManyPixels;
    case 'unsupported_format':
      return t.mediaUnsupported;
    case 'not_image':
      return t.mediaNotImage;
    case 'too_many_files':
      return t.mediaOneFile;
    case 'fields':
      return t.mediaTooLong;
    default:
      return null;
  }
}
