// What an article page costs a reader's data plan, figured on the server: the HTML and every
// stylesheet and script it names, compressed as the server sends them, plus the images it
// shows from the media library at the size of their fallback file. Images from other hosts
// are not counted (their size is not known here). An estimate ("≈"), cheap enough per render.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Edition } from '../../../core/types.ts';
import { assetWireSize } from '../../assets.ts';

const NUMBER_LOCALE: Record<string, string> = { ar: 'ar-u-nu-latn', fr: 'fr', en: 'en-GB' };

/** Media files never change under a name (variants are new files), so a size is kept once read. */
const mediaSizes = new Map<string, number>();
const MEDIA_SIZES_KEPT = 20_000;

export function mediaFileSize(mediaRoot: string, url: string): number {
  const known = mediaSizes.get(url);
  if (known !== undefined) return known;
  let size = 0;
  try {
    const relative = decodeURIComponent(url.slice('/media/'.length).split(/[?#]/)[0] ?? '');
    const file = path.resolve(mediaRoot, relative);
    if (file.startsWith(path.resolve(mediaRoot) + path.sep)) size = fs.statSync(file).size;
  } catch {
    size = 0;
  }
  if (mediaSizes.size >= MEDIA_SIZES_KEPT) mediaSizes.clear();
  mediaSizes.set(url, size);
  return size;
}

const unescapeAttr = (value: string) => value.replace(/&amp;/g, '&');

// A browser takes AVIF or WebP from a <picture> when offered: it costs its lightest file at the
// fallback's width (pictureSize).
const PARTS =
  /<(?:link rel="stylesheet" href|script src)="(\/assets\/[^"]+)"|<picture\b[^>]*>([\s\S]*?)<\/picture>|<img\b[^>]*?\ssrc="(\/media\/[^"]+)"/g;

/** The HTML's compressed size. Level 1 is within a few percent of what the server sends. */
export function compressedHtmlBytes(html: string): number {
  return gzipSync(html, { level: 1 }).length;
}

/** Bytes of the page as served: the HTML compressed, its stylesheets and scripts, its images. */
export function pageWeight(
  html: string,
  mediaRoot: string,
  htmlBytes: (html: string) => number = compressedHtmlBytes,
): number {
  let bytes = htmlBytes(html);
  // One pass over the page: its stylesheets and scripts, its <picture>s (each counted once, at
  // its lightest file), and the <img>s outside them. A picture's own <img> is inside the
  // picture's match, so it is not met again.
  for (const match of html.matchAll(PARTS)) {
    if (match[1] !== undefined) bytes += assetWireSize(unescapeAttr(match[1])) ?? 0;
    else if (match[2] !== undefined) bytes += pictureSize(match[2], mediaRoot);
    else if (match[3] !== undefined) bytes += mediaFileSize(mediaRoot, unescapeAttr(match[3]));
  }
  return bytes;
}

function pictureSize(inner: string, mediaRoot: string): number {
  const fallback = /<img\b[^>]*?\ssrc="(\/media\/[^"]+)"/.exec(inner)?.[1];
  if (!fallback) return 0;
  const width = /-(\d+)\.\w+$/.exec(fallback)?.[1];
  let best = mediaFileSize(mediaRoot, unescapeAttr(fallback));
  if (!width) return best;
  for (const srcset of inner.matchAll(/<source\b[^>]*?\ssrcset="([^"]+)"/g))
    for (const candidate of (srcset[1] ?? '').split(',')) {
      const url = unescapeAttr(candidate.trim().split(/\s+/)[0] ?? '');
      if (!url.startsWith('/media/') || /-(\d+)\.\w+$/.exec(url)?.[1] !== width) continue;
      const size = mediaFileSize(mediaRoot, url);
      if (size > 0 && size < best) best = size;
    }
  return best;
}

/**
 * The weight of a page rendered before: `key` names the page and its length (the same article
 * rendered to the same number of characters is the same page), so an uncached render pays for the
 * compression once per version of a page, not on every request.
 */
const weights = new Map<string, number>();
const WEIGHTS_KEPT = 10_000;

export function rememberedPageWeight(key: string, html: string, mediaRoot: string): number {
  const full = `${key}:${html.length}`;
  const known = weights.get(full);
  if (known !== undefined) return known;
  const bytes = pageWeight(html, mediaRoot, sampledHtmlBytes);
  if (weights.size >= WEIGHTS_KEPT) weights.clear();
  weights.set(full, bytes);
  return bytes;
}

/**
 * Compressing a page a second time only to print its size cost as much as the compression the
 * reader receives (a zlib context is set up per call). Pages of one site compress alike, so one
 * page in SAMPLE_EVERY is compressed to learn the ratio and the others are weighed with it: the
 * figure is printed as "≈ N KB" and the HTML is a small part of it beside images and assets.
 */
const SAMPLE_EVERY = 16;
let ratio = 0;
let sinceSample = SAMPLE_EVERY;

function sampledHtmlBytes(html: string): number {
  const bytes = Buffer.byteLength(html);
  if (ratio > 0 && ++sinceSample < SAMPLE_EVERY) return Math.round(bytes * ratio);
  sinceSample = 0;
  const exact = compressedHtmlBytes(html);
  // A moving average: one unusual page (a long table, a poem) does not set it alone.
  ratio = ratio === 0 ? exact / bytes : ratio * 0.75 + (exact / bytes) * 0.25;
  return exact;
}

/** "42" (kilobytes, rounded up, digits as the reader site writes them in that language). */
export function formatKilobytes(bytes: number, lang: Edition): string {
  return numberFormat(lang).format(Math.max(1, Math.ceil(bytes / 1024)));
}

// Building a NumberFormat costs more than the rest of this line on every page: one per language.
const numberFormats = new Map<Edition, Intl.NumberFormat>();
function numberFormat(lang: Edition): Intl.NumberFormat {
  let format = numberFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(NUMBER_LOCALE[lang] ?? lang);
    numberFormats.set(lang, format);
  }
  return format;
}
