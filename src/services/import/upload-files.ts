// Files of the old site's uploads folder other than images: audio and video (checked by their
// bytes, duration read), PDFs and WebVTT captions are ingested like uploads; an article's links,
// players, posters and caption tracks that name them are then pointed at the imported copies.
// A file the export names but the uploads folder lacks keeps its old address and is reported.
import fs from 'node:fs';
import path from 'node:path';
import { Invalid } from '../../core/errors.ts';
import type { Media } from '../../core/types.ts';
import type { UploadTarget } from '../../importers/wordpress/content/media.ts';
import { ingestAudioVideo } from '../../media/audio-video.ts';
import { ingestCaptions, looksLikeVtt } from '../../media/captions.ts';
import { ingestDocument, isPdf } from '../../media/documents.ts';
import { ingestImage, mediaUrl } from '../../media/images.ts';
import type { WxrItem } from '../../importers/wordpress/types.ts';
import type { ImportContext, ImportRepos } from './context.ts';
import { attachmentIdForUrl, ensureMedia } from './media.ts';
import { maxAudioVideoBytes } from '../media/queries.ts';

const MEDIA_URL_PREFIX = '/media/';

/** Uploads paths imported without an attachment record (lower case) → media id (-1: not imported). */
const byPath = new WeakMap<ImportContext, Map<string, number>>();

function uploadsPathOf(url: string): string | null {
  const raw = /\/wp-content\/uploads\/([^?#]+)$/.exec(url)?.[1];
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function uploadsFile(ctx: ImportContext, relative: string): string | null {
  if (!ctx.uploadsDir || relative === '') return null;
  const root = path.resolve(ctx.uploadsDir);
  const file = path.resolve(root, relative);
  // A crafted export must not read files outside the uploads folder.
  if (!file.startsWith(root + path.sep)) return null;
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : null;
}

/** Ingests one file by what its bytes are; Invalid when they are nothing the library keeps. */
async function ingestFile(
  repos: ImportRepos,
  ctx: ImportContext,
  file: string,
  text: { alt?: string; caption?: string; credit?: string },
): Promise<Media> {
  const buffer = fs.readFileSync(file);
  const deps = { repos, mediaRoot: ctx.mediaRoot };
  if (isPdf(buffer)) return ingestDocument({ buffer, ...text }, deps);
  if (looksLikeVtt(buffer) || /\.vtt$/i.test(file)) return ingestCaptions({ buffer, ...text }, deps);
  const av = await ingestAudioVideo(
    { buffer, ...text },
    { ...deps, maxBytes: await maxAudioVideoBytes(repos) },
  );
  if (av) return av;
  return ingestImage({ buffer, ...text }, { ...deps, speed: 'fast' });
}

/**
 * An attachment that is not an image (its URL says so): ingested by its bytes, recorded in the
 * import map like an image. Null when it is missing or refused (reported either way).
 */
export async function ensureUploadFile(
  repos: ImportRepos,
  ctx: ImportContext,
  wpId: string,
): Promise<number | null> {
  const info = ctx.scan.attachments.get(wpId);
  if (!info) return null;
  const file = uploadsFile(ctx, info.file);
  if (!file || ctx.dryRun) {
    ctx.report.count('media', file ? 'imported' : 'skipped');
    if (!file) ctx.report.missing(info.url);
    ctx.media.set(wpId, -1);
    return null;
  }
  try {
    const media = await ingestFile(repos, ctx, file, {
      alt: info.alt,
      caption: info.caption,
      credit: info.credit,
    });
    await repos.imports.record(ctx.source, 'media', wpId, media.id);
    ctx.report.count('media', 'imported');
    ctx.media.set(wpId, media.id);
    return media.id;
  } catch (err) {
    if (!(err instanceof Invalid)) throw err;
    ctx.report.count('media', 'skipped');
    ctx.report.warn(`${info.file}: ${err.message}`);
    ctx.media.set(wpId, -1);
    return null;
  }
}

/** A file named only by URL (no attachment record), taken from the uploads folder by its path. */
async function ensureByPath(
  repos: ImportRepos,
  ctx: ImportContext,
  relative: string,
): Promise<number | null> {
  const known = byPath.get(ctx) ?? new Map<string, number>();
  byPath.set(ctx, known);
  const key = relative.toLowerCase();
  const seen = known.get(key);
  if (seen !== undefined) return seen > 0 ? seen : null;
  const file = uploadsFile(ctx, relative);
  if (!file || ctx.dryRun) {
    known.set(key, -1);
    return null;
  }
  try {
    const media = await ingestFile(repos, ctx, file, {});
    ctx.report.count('media', 'imported');
    known.set(key, media.id);
    return media.id;
  } catch (err) {
    if (!(err instanceof Invalid)) throw err;
    ctx.report.warn(`${relative}: ${err.message}`);
    known.set(key, -1);
    return null;
  }
}

const UPLOAD_URL = /https?:\/\/[^\s"'<>[\]]+\/wp-content\/uploads\/[^\s"'<>[\]]+/gi;

/**
 * Every uploads URL of the post (links, players, posters, tracks, shortcode attributes) with the
 * imported file it now names. URLs of the old site left out of the map are reported missing.
 */
export async function uploadsOf(
  repos: ImportRepos,
  ctx: ImportContext,
  item: Pick<WxrItem, 'content'>,
): Promise<Map<string, UploadTarget>> {
  const targets = new Map<string, UploadTarget>();
  const urls = new Set([...item.content.matchAll(UPLOAD_URL)].map((m) => m[0].replace(/&amp;/g, '&')));
  for (const url of urls) {
    const relative = uploadsPathOf(url);
    if (!relative) continue;
    const wpId = attachmentIdForUrl(ctx, url);
    // Resized copies ("-300x200") are the same attachment: the original is what a link means.
    const id = wpId ? await ensureMedia(repos, ctx, wpId) : await ensureByPath(repos, ctx, relative);
    const media = id !== null && id > 0 ? await repos.media.byId(id) : null;
    if (!media) continue;
    const tracks =
      media.kind === 'audio' || media.kind === 'video' ? await repos.media.tracksOf([media.id]) : [];
    const poster = media.posterMediaId ? await repos.media.byId(media.posterMediaId) : null;
    targets.set(url, {
      src: mediaUrl(MEDIA_URL_PREFIX, media.path),
      kind: media.kind ?? 'image',
      durationSeconds: media.durationMs ? media.durationMs / 1000 : null,
      width: media.width,
      height: media.height,
      posterSrc: poster ? mediaUrl(MEDIA_URL_PREFIX, poster.path) : null,
      tracks: tracks.map((t) => ({
        src: mediaUrl(MEDIA_URL_PREFIX, t.path),
        lang: t.lang,
        label: t.label,
        kind: t.kind,
      })),
    });
  }
  return targets;
}
