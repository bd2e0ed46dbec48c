// Attachments: an image found in the old site's uploads folder is ingested like an upload
// (checked by content, variants written) and linked; a missing file or a non-image keeps its
// original URL and is listed in the report. Nothing is fetched over the network.
import fs from 'node:fs';
import path from 'node:path';
import { Invalid } from '../../core/errors.ts';
import type { Media } from '../../core/types.ts';
import { bestFallback, ingestImage, srcsetFor } from '../../media/images.ts';
import type { ImportContext, ImportRepos } from './context.ts';
import { ensureUploadFile } from './upload-files.ts';

/** Where the reader site serves media (web/reader/urls.ts MEDIA_PREFIX). */
const MEDIA_URL_PREFIX = '/media/';

function uploadsFile(ctx: ImportContext, relative: string): string | null {
  if (!ctx.uploadsDir || relative === '') return null;
  const root = path.resolve(ctx.uploadsDir);
  const file = path.resolve(root, relative);
  // A crafted export must not read files outside the uploads folder.
  if (!file.startsWith(root + path.sep)) return null;
  return fs.existsSync(file) ? file : null;
}

export async function ensureMedia(
  repos: ImportRepos,
  ctx: ImportContext,
  wpId: string,
): Promise<number | null> {
  const known = ctx.media.get(wpId);
  if (known !== undefined) return known > 0 ? known : null;
  const info = ctx.scan.attachments.get(wpId);
  if (!info) return null;
  // Audio, video, PDFs and captions are taken by their bytes (upload-files.ts).
  if (info.mime !== 'image') return ensureUploadFile(repos, ctx, wpId);
  const file = uploadsFile(ctx, info.file);
  if (!file) {
    ctx.report.count('media', 'skipped');
    ctx.report.missing(info.url);
    ctx.media.set(wpId, -1);
    return null;
  }
  if (ctx.dryRun) {
    ctx.report.count('media', 'imported');
    ctx.media.set(wpId, -1);
    return null;
  }
  let media: Media;
  try {
    media = await ingestImage(
      { buffer: fs.readFileSync(file), alt: info.alt, caption: info.caption, credit: info.credit },
      { repos, mediaRoot: ctx.mediaRoot, speed: 'fast' },
    );
  } catch (err) {
    if (!(err instanceof Invalid)) throw err;
    ctx.report.count('media', 'skipped');
    ctx.report.warn(`${info.file}: ${err.message}`);
    ctx.media.set(wpId, -1);
    return null;
  }
  await repos.imports.record(ctx.source, 'media', wpId, media.id);
  ctx.report.count('media', 'imported');
  ctx.media.set(wpId, media.id);
  return media.id;
}

/** The attachment id of an uploads URL, size suffix ("-300x200") ignored. */
export function attachmentIdForUrl(ctx: ImportContext, url: string): string | null {
  const file = /\/wp-content\/uploads\/([^?#]+)$/.exec(url)?.[1];
  if (!file) return null;
  const plain = decodeURIComponentSafe(file)
    .replace(/-\d+x\d+(\.\w+)$/, '$1')
    .toLowerCase();
  ctx.attachmentsByFile ??= new Map(
    [...ctx.scan.attachments.values()].map((a) => [a.file.toLowerCase(), a.id] as const),
  );
  return ctx.attachmentsByFile.get(plain) ?? null;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export interface ImageView {
  src: string;
  srcset: string;
  width: number | null;
  height: number | null;
  alt: string;
  caption: string;
}

export async function mediaView(
  repos: ImportRepos,
  ctx: ImportContext,
  wpId: string,
): Promise<ImageView | null> {
  const id = await ensureMedia(repos, ctx, wpId);
  const info = ctx.scan.attachments.get(wpId);
  if (!info) return null;
  const media = id !== null && id > 0 ? await repos.media.byId(id) : null;
  if (!media)
    return { src: info.url, srcset: '', width: null, height: null, alt: info.alt, caption: info.caption };
  const fallback = bestFallback(media, MEDIA_URL_PREFIX);
  return {
    src: fallback.src,
    srcset: srcsetFor(media, 'jpeg', MEDIA_URL_PREFIX),
    width: fallback.width,
    height: fallback.height,
    alt: media.alt,
    caption: media.caption,
  };
}
