// WordPress audio and video as Midad's stored players (core/story-blocks/media.ts), and the
// post's links to files of the old uploads folder pointed at their imported copies.
//
// Three forms are read: the shortcodes [audio mp3=… | src=…] and [video mp4=… poster=…] (with
// or without a closing tag, the address possibly between the tags), Gutenberg's audio and
// video blocks (<figure class="wp-block-audio|video"> with their figcaption and tracks), and a
// player written as HTML. Each first becomes a block naming the old addresses; retargetMedia
// then swaps in the imported files (their duration, size, poster, tracks). A player whose file
// was not imported becomes a link to its old address, with a warning: nothing silently lost.
import { escapeHtml } from '../../../core/html-policy.ts';
import { type MediaBlock, type MediaTrackBlock, mediaBlockHtml } from '../../../core/story-blocks/media.ts';
import type { MediaKind } from '../../../core/types.ts';
import type { ContentWarning } from './galleries.ts';

/** An imported file, as the article should name it. */
export interface UploadTarget {
  /** Its address on this site: "/media/2026/12/….mp3". */
  src: string;
  kind: MediaKind;
  durationSeconds: number | null;
  width: number | null;
  height: number | null;
  /** The poster set on the imported video, if any. */
  posterSrc: string | null;
  tracks: MediaTrackBlock[];
}

export interface MediaContext {
  /** The imported file for an old uploads URL, or null when it was not imported. */
  upload?(url: string): UploadTarget | null;
}

const AUDIO_ATTRS = ['src', 'mp3', 'm4a', 'ogg', 'oga', 'wav', 'wma', 'flac'];
const VIDEO_ATTRS = ['src', 'mp4', 'm4v', 'webm', 'ogv', 'wmv', 'flv', 'mov'];

const URL_ONLY = /^\s*(https?:\/\/[^\s<>"']+)\s*$/i;

function decodeAttr(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'");
}

/** [audio …] and [video …]: a stored player naming the old addresses ("" when none is given). */
export function audioVideoShortcode(
  kind: 'audio' | 'video',
  attrs: Record<string, string>,
  body = '',
): string {
  const names = kind === 'audio' ? AUDIO_ATTRS : VIDEO_ATTRS;
  const src = names.map((n) => attrs[n]).find((v) => v?.trim()) ?? URL_ONLY.exec(body)?.[1] ?? '';
  if (!/^https?:\/\//i.test(src.trim())) return '';
  const size = (v: string | undefined) => (v && /^\d{1,5}$/.test(v) ? Number(v) : null);
  return oldPlayer({
    kind,
    src: src.trim(),
    poster: kind === 'video' ? (attrs.poster?.trim() ?? null) : null,
    width: size(attrs.width),
    height: size(attrs.height),
    durationSeconds: null,
    tracks: [],
  });
}

/** A block with old addresses; escaped like the final one, so retargetMedia reads both alike. */
function oldPlayer(block: MediaBlock): string {
  return mediaBlockHtml(block);
}

const TAG_ATTR = /([\w-]+)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/g;

function attributesOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(TAG_ATTR))
    out[(m[1] ?? '').toLowerCase()] = decodeAttr(m[3] ?? m[4] ?? m[5] ?? '');
  return out;
}

const GUTENBERG_FIGURE =
  /<figure\b[^>]*\bclass="[^"]*\bwp-block-(audio|video)\b[^"]*"[^>]*>([\s\S]*?)<\/figure>/gi;
const PLAYER_TAG = /<(audio|video)\b([^>]*)>/i;
const TRACK_TAG = /<track\b([^>]*?)\/?>/gi;
const SOURCE_TAG = /<source\b([^>]*?)\/?>/gi;
const FIGCAPTION = /<figcaption\b[^>]*>([\s\S]*?)<\/figcaption>/i;

function tracksIn(html: string): MediaTrackBlock[] {
  return [...html.matchAll(TRACK_TAG)].flatMap((m) => {
    const a = attributesOf(m[1] ?? '');
    if (!a.src) return [];
    return [
      {
        src: a.src,
        lang: a.srclang ?? '',
        label: a.label ?? '',
        kind: a.kind === 'subtitles' ? ('subtitles' as const) : ('captions' as const),
      },
    ];
  });
}

/** A player's block from its HTML (Gutenberg's figure or a bare element), old addresses kept. */
function playerBlock(kind: 'audio' | 'video', inner: string, captionHtml: string): MediaBlock | null {
  const tag = PLAYER_TAG.exec(inner);
  const a = attributesOf(tag?.[2] ?? '');
  const source = [...inner.matchAll(SOURCE_TAG)].map((m) => attributesOf(m[1] ?? '').src).find(Boolean);
  const src = a.src || source || '';
  if (!src) return null;
  const size = (v: string | undefined) => (v && /^\d{1,5}$/.test(v) ? Number(v) : null);
  return {
    kind,
    src,
    poster: a.poster ?? null,
    width: size(a.width),
    height: size(a.height),
    durationSeconds: null,
    tracks: tracksIn(inner),
    captionHtml,
  };
}

/** Gutenberg's audio and video blocks, figcaption kept (its text, not its class). */
export function convertGutenbergMedia(html: string): string {
  return html.replace(GUTENBERG_FIGURE, (all, kind: string, inner: string) => {
    const caption = FIGCAPTION.exec(inner)?.[1]?.trim() ?? '';
    const block = playerBlock(kind.toLowerCase() as 'audio' | 'video', inner, caption);
    return block ? mediaBlockHtml(block) : all;
  });
}

const STORED_BLOCK = /<figure data-block="(audio|video)">([\s\S]*?)<\/figure>/g;
const BARE_PLAYER = /<(audio|video)\b[^>]*>[\s\S]*?<\/\1>/gi;

export interface RetargetResult {
  html: string;
  warnings: ContentWarning[];
}

function missingLink(url: string): string {
  return `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`;
}

/**
 * Points every player, poster, track and link at the imported files. A player whose file was
 * not imported becomes a link to the old address (and a warning); a poster or track that was
 * not imported is left out (and said).
 */
export function retargetMedia(html: string, ctx: MediaContext): RetargetResult {
  const warnings: ContentWarning[] = [];
  const lookup = (url: string) => ctx.upload?.(url) ?? null;
  const rebuild = (all: string, kind: 'audio' | 'video', inner: string, captionHtml: string) => {
    const block = playerBlock(kind, inner, captionHtml);
    if (!block) return all;
    const file = lookup(block.src);
    if (!file || (file.kind !== 'audio' && file.kind !== 'video')) {
      warnings.push({
        message: `${kind} file not imported (not in the uploads folder): ${block.src}`,
        near: block.src,
      });
      return missingLink(block.src);
    }
    const poster = block.poster ? lookup(block.poster) : null;
    if (block.poster && !poster)
      warnings.push({ message: `video poster not imported: ${block.poster}`, near: block.poster });
    const tracks = block.tracks?.flatMap((t) => {
      const target = lookup(t.src);
      if (!target) warnings.push({ message: `caption track not imported: ${t.src}`, near: t.src });
      return target ? [{ ...t, src: target.src }] : [];
    });
    return mediaBlockHtml({
      kind: file.kind,
      src: file.src,
      poster: file.kind === 'video' ? (poster?.src ?? file.posterSrc) : null,
      width: file.width ?? block.width ?? null,
      height: file.height ?? block.height ?? null,
      durationSeconds: file.durationSeconds,
      tracks: tracks && tracks.length > 0 ? tracks : file.tracks,
      captionHtml,
    });
  };
  let out = html.replace(STORED_BLOCK, (all, kind: 'audio' | 'video', inner: string) =>
    rebuild(all, kind, inner, FIGCAPTION.exec(inner)?.[1]?.trim() ?? ''),
  );
  // Players written as HTML, outside any block (the stored blocks above no longer match: their
  // figure is rebuilt, and a rebuilt player's address is already local).
  out = out.replace(BARE_PLAYER, (all, kind: string) => {
    if (/^<(audio|video)\b[^>]*\ssrc="\/media\//i.test(all)) return all;
    return rebuild(all, kind.toLowerCase() as 'audio' | 'video', all, '');
  });
  // Links to uploaded files (a PDF, the MP3 "download" link, an image's full size).
  out = out.replace(/(<a\b[^>]*?\shref=")([^"]+)(")/gi, (all, open: string, href: string, close: string) => {
    const target = lookup(decodeAttr(href));
    return target ? `${open}${escapeHtml(target.src)}${close}` : all;
  });
  return { html: out, warnings };
}
