// Image ingest: check an upload by its content, normalise it (orientation applied, metadata
// stripped), keep an original and write responsive AVIF, WebP and JPEG variants beside it.
import type { AvifOptions, JpegOptions, Metadata, PngOptions, WebpOptions } from 'sharp';
import { Invalid } from '../core/errors.ts';
import type { Media, MediaVariant } from '../core/types.ts';
import type { MediaRepository } from '../db/repositories/contract.ts';
import { LocalMediaStorage, type MediaStorage, newMediaStem } from './storage.ts';

export const VARIANT_WIDTHS = [320, 640, 960, 1280] as const;
export const WEBP_QUALITY = 72;
export const JPEG_QUALITY = 78;
export const AVIF_QUALITY = 50;
const ORIGINAL_JPEG_QUALITY = 86;
/** Refuse decompression bombs: 60 megapixels is more than any newsroom camera needs. */
export const MAX_INPUT_PIXELS = 60_000_000;
export const MAX_INPUT_BYTES = 30 * 1024 * 1024;

/**
 * libvips is loaded on the first upload, not at start: a process that only serves readers
 * (most of them, with several processes) keeps its 20 MB for the page cache.
 */
async function loadSharp(): Promise<typeof import('sharp').default> {
  return (await import('sharp')).default;
}

const ACCEPTED = ['jpeg', 'png', 'webp', 'avif', 'gif'] as const;
type AcceptedFormat = (typeof ACCEPTED)[number];

export interface ImageInput {
  buffer: Buffer;
  alt?: string;
  caption?: string;
  credit?: string;
}

export interface IngestDeps {
  /** Ingest only creates the row; a narrow type lets tests and imports pass a small stand-in. */
  repos: { media: Pick<MediaRepository, 'create'> };
  mediaRoot: string;
  /** Defaults to local disk under mediaRoot. */
  storage?: MediaStorage;
  /** Picks the year/month folder; defaults to the current time. */
  now?: Date;
  /** Defaults to "standard". */
  speed?: EncodeSpeed;
  /** The site's upload limit in bytes; defaults to MAX_INPUT_BYTES. */
  maxBytes?: number;
}

/** Reads the image format from the bytes themselves; the file name and declared type are never trusted. */
export async function detectImageFormat(
  buffer: Buffer,
  maxBytes: number = MAX_INPUT_BYTES,
): Promise<{
  format: AcceptedFormat;
  width: number;
  height: number;
}> {
  if (!Buffer.isBuffer(buffer) || buffer.length === 0) {
    throw new Invalid('The upload is empty.', { file: 'empty' });
  }
  if (buffer.length > maxBytes) {
    throw new Invalid(`The image is larger than ${maxBytes / 1024 / 1024} MB.`, { file: 'too_large' });
  }
  const sharp = await loadSharp();
  let metadata: Metadata;
  try {
    // Reading the header decodes no pixels; with sharp's own limit here a bomb would pass for a
    // file that is not an image, so the pixel count is checked below with its own message.
    metadata = await sharp(buffer, { limitInputPixels: false }).metadata();
  } catch {
    throw new Invalid('The file is not an image this site can read (JPEG, PNG, WebP, AVIF or GIF).', {
      file: 'not_image',
    });
  }
  const format = acceptedFormat(metadata);
  if (!format) {
    throw new Invalid(
      `Images in ${metadata.format ?? 'this'} format are not accepted; use JPEG, PNG, WebP, AVIF or GIF.`,
      { file: 'unsupported_format' },
    );
  }
  const { width, height } = metadata;
  if (!width || !height) {
    throw new Invalid('The image has no dimensions.', { file: 'not_image' });
  }
  if (width * height > MAX_INPUT_PIXELS) {
    // A small file that decodes to a huge canvas (a decompression bomb) is told apart from a big file.
    throw new Invalid('The image has too many pixels.', { file: 'too_many_pixels' });
  }
  return { format, width, height };
}

function acceptedFormat(metadata: Metadata): AcceptedFormat | null {
  switch (metadata.format) {
    case 'jpeg':
    case 'png':
    case 'webp':
    case 'gif':
      return metadata.format;
    case 'heif':
      // AVIF is HEIF with AV1 compression; HEIC (HEVC) is refused.
      return metadata.compression === 'av1' ? 'avif' : null;
    default:
      return null;
  }
}

/** Widths to produce for an image of this (oriented) width: never upscale, always at least one. */
export function variantWidths(originalWidth: number): number[] {
  const widths: number[] = VARIANT_WIDTHS.filter((w) => w <= originalWidth);
  return widths.length > 0 ? widths : [originalWidth];
}

export async function ingestImage(input: ImageInput, deps: IngestDeps): Promise<Media> {
  await detectImageFormat(input.buffer, deps.maxBytes);
  const storage = deps.storage ?? new LocalMediaStorage(deps.mediaRoot);
  const stem = newMediaStem(deps.now);

  let rendered: Rendered;
  try {
    rendered = await render(input.buffer, stem, deps.speed ?? 'standard');
  } catch {
    throw new Invalid('The image could not be decoded; it may be damaged.', { file: 'not_image' });
  }
  const { original, originalPath, hasAlpha, width, height, outputs } = rendered;

  const written: string[] = [];
  try {
    for (const file of [{ path: originalPath, data: original }, ...outputs]) {
      await storage.save(file.path, file.data);
      written.push(file.path);
    }
    return await deps.repos.media.create({
      path: originalPath,
      mime: hasAlpha ? 'image/png' : 'image/jpeg',
      size: original.length,
      width,
      height,
      alt: input.alt?.trim() ?? '',
      caption: input.caption?.trim() ?? '',
      credit: input.credit?.trim() ?? '',
      variants: outputs.map((o) => o.variant),
    });
  } catch (error) {
    await Promise.allSettled(written.map((p) => storage.remove(p)));
    throw error;
  }
}

interface Rendered {
  original: Buffer;
  originalPath: string;
  hasAlpha: boolean;
  width: number;
  height: number;
  outputs: { path: string; data: Buffer; variant: MediaVariant }[];
}

/**
 * Encoder settings. "standard" squeezes files hardest (mozjpeg, WebP effort 4) and adds AVIF;
 * "fast" keeps the same quality numbers with cheaper encoders, several times quicker, for bulk
 * work such as imports and demo content, at the cost of files a little larger, and skips AVIF:
 * its encoder costs seconds per image where WebP costs milliseconds, and browsers that take AVIF
 * all take WebP too.
 */
export type EncodeSpeed = 'standard' | 'fast';

function encoders(speed: EncodeSpeed) {
  const fast = speed === 'fast';
  const jpeg = (quality: number): JpegOptions =>
    fast ? { quality, progressive: true, optimiseCoding: true } : { quality, mozjpeg: true };
  return {
    original: jpeg(ORIGINAL_JPEG_QUALITY),
    variant: jpeg(JPEG_QUALITY),
    webp: { quality: WEBP_QUALITY, effort: fast ? 1 : 4 } satisfies WebpOptions,
    png: { compressionLevel: fast ? 4 : 9 } satisfies PngOptions,
    // Effort 2 keeps a 1280-pixel photo to about a second on two cores; higher efforts cost
    // tens of seconds for a few percent.
    avif: fast ? null : ({ quality: AVIF_QUALITY, effort: 2 } satisfies AvifOptions),
  };
}

async function render(buffer: Buffer, stem: string, speed: EncodeSpeed): Promise<Rendered> {
  // Every pipeline applies the EXIF orientation, and sharp writes no metadata unless asked,
  // so EXIF (GPS included), XMP and IPTC are dropped.
  const sharp = await loadSharp();
  const base = sharp(buffer, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).autoOrient();
  const metadata = await base.metadata();
  // An alpha channel that is opaque everywhere does not make a PNG worth keeping.
  const hasAlpha = metadata.hasAlpha === true && !(await base.clone().stats()).isOpaque;
  const enc = encoders(speed);

  // Variants come from one decoded copy no wider than the largest variant, kept as 8-bit sRGB
  // pixels: each encoder then starts from a small buffer instead of decoding the upload again.
  const widths = variantWidths(metadata.autoOrient.width);
  const pixels = await base
    .clone()
    .resize({ width: Math.max(...widths), withoutEnlargement: true })
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true });
  const raw = { width: pixels.info.width, height: pixels.info.height, channels: pixels.info.channels };

  const variantJobs = widths.flatMap((targetWidth) => {
    const resized = () =>
      sharp(pixels.data, { raw }).resize({ width: targetWidth, withoutEnlargement: true });
    const avif = enc.avif;
    return [
      ...(avif ? [{ ext: 'avif', format: 'avif' as const, job: resized().avif(avif) }] : []),
      { ext: 'webp', format: 'webp' as const, job: resized().webp(enc.webp) },
      {
        ext: 'jpg',
        format: 'jpeg' as const,
        job: resized().flatten({ background: '#ffffff' }).jpeg(enc.variant),
      },
    ].map(({ ext, format, job }) => ({ path: `${stem}-${targetWidth}.${ext}`, format, job }));
  });

  // The variant buffers are small, so the encoders may all run at once.
  const [original, ...encoded] = await Promise.all([
    (hasAlpha ? base.clone().png(enc.png) : base.clone().jpeg(enc.original)).toBuffer({
      resolveWithObject: true,
    }),
    ...variantJobs.map((v) => v.job.toBuffer({ resolveWithObject: true })),
  ]);
  const outputs = variantJobs.map((v, i) => {
    const out = encoded[i]!;
    return {
      path: v.path,
      data: out.data,
      variant: { width: out.info.width, height: out.info.height, format: v.format, path: v.path },
    };
  });
  return {
    original: original.data,
    originalPath: `${stem}.${hasAlpha ? 'png' : 'jpg'}`,
    hasAlpha,
    width: original.info.width,
    height: original.info.height,
    outputs,
  };
}

export function mediaUrl(urlPrefix: string, relPath: string): string {
  const prefix = urlPrefix.endsWith('/') ? urlPrefix : `${urlPrefix}/`;
  // Stored paths are plain ASCII; encoding still keeps a stray comma or space from breaking a srcset.
  return prefix + encodeURI(relPath).replace(/,/g, '%2C');
}

function variantsOf(media: Media, format: MediaVariant['format']): MediaVariant[] {
  const byWidth = new Map<number, MediaVariant>();
  for (const v of media.variants) {
    if (v.format === format && !byWidth.has(v.width)) byWidth.set(v.width, v);
  }
  return [...byWidth.values()].sort((a, b) => a.width - b.width);
}

/** "/media/2026/11/x-320.webp 320w, /media/2026/11/x-640.webp 640w", narrowest first; "" when none. */
export function srcsetFor(media: Media, format: 'avif' | 'webp' | 'jpeg', urlPrefix: string): string {
  return variantsOf(media, format)
    .map((v) => `${mediaUrl(urlPrefix, v.path)} ${v.width}w`)
    .join(', ');
}

export interface ImageRef {
  src: string;
  width: number | null;
  height: number | null;
}

/**
 * The image for a plain <img src>: the JPEG variant closest to 960 pixels wide without going
 * over (or the narrowest if all are wider); the original when there are no JPEG variants.
 */
export function bestFallback(media: Media, urlPrefix: string, targetWidth = 960): ImageRef {
  const jpegs = variantsOf(media, 'jpeg');
  const notWider = jpegs.filter((v) => v.width <= targetWidth);
  const pick = notWider.at(-1) ?? jpegs[0];
  if (pick) return { src: mediaUrl(urlPrefix, pick.path), width: pick.width, height: pick.height };
  return { src: mediaUrl(urlPrefix, media.path), width: media.width, height: media.height };
}
