// Stored audio and video (core/story-blocks/media.ts) become players: <audio controls> and
// <video controls> with preload="none", so a page with a recording costs the reader nothing
// until they press play, the poster and the caption tracks, and the playing time beside the
// caption. Only this site's media files play: an address elsewhere is dropped, and a block
// left without a file shows nothing. A player written by hand outside a block is treated alike.
import { clockDuration, isoDuration } from '../../../core/duration.ts';
import { isSiteMediaUrl } from '../../../core/story-blocks/media.ts';
import { escapeText } from '../../../core/story-blocks/html-text.ts';
import { childElements, type Element, findFirst, innerHtml, replaceElements } from './html-blocks.ts';
import type { BodyRenderContext } from './render-body.ts';

const KINDS = new Set(['audio', 'video']);

const isMediaBlock = (el: Element) =>
  (el.name === 'figure' && KINDS.has(el.attribs['data-block'] ?? '')) || KINDS.has(el.name);

const dimension = (v: string | undefined) => (v && /^\d{1,5}$/.test(v) && Number(v) > 0 ? v : '');

/** BCP 47 tags only; anything else is left out of srclang. */
const languageTag = (v: string | undefined) =>
  v && /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,3}$/.test(v) ? v : '';

function attr(name: string, value: string): string {
  return value ? ` ${name}="${escapeText(value)}"` : '';
}

function sourceOf(player: Element): string | null {
  if (isSiteMediaUrl(player.attribs.src)) return player.attribs.src;
  const source = childElements(player, 'source').find((s) => isSiteMediaUrl(s.attribs.src));
  return source?.attribs.src ?? null;
}

function tracksOf(player: Element): string {
  return childElements(player, 'track')
    .filter((t) => isSiteMediaUrl(t.attribs.src))
    .map((t) => {
      const kind = t.attribs.kind === 'subtitles' ? 'subtitles' : 'captions';
      return `<track kind="${kind}"${attr('src', t.attribs.src ?? '')}${attr('srclang', languageTag(t.attribs.srclang))}${attr('label', t.attribs.label ?? '')}>`;
    })
    .join('');
}

function durationHtml(player: Element, ctx: BodyRenderContext): string {
  const seconds = Number(player.attribs['data-duration']);
  if (!Number.isInteger(seconds) || seconds <= 0 || seconds > 100 * 3600) return '';
  const ms = seconds * 1000;
  return `<span class="media-duration"><span class="visually-hidden">${escapeText(ctx.t.mediaDuration)}: </span><time datetime="${isoDuration(ms)}" dir="ltr">${clockDuration(ms)}</time></span>`;
}

function captionOf(figure: Element, source: string): { html: string; attrs: string } | null {
  if (figure.name !== 'figure') return null;
  const caption = childElements(figure, 'figcaption')[0];
  if (!caption) return null;
  const attrs = ['dir', 'lang'].map((n) => attr(n, caption.attribs[n] ?? '')).join('');
  return { html: innerHtml(source, caption).trim(), attrs };
}

function renderPlayer(el: Element, source: string, ctx: BodyRenderContext): string {
  const player = KINDS.has(el.name) ? el : (findFirst(el, 'audio') ?? findFirst(el, 'video'));
  if (!player) return '';
  const src = sourceOf(player);
  if (!src) return '';
  const kind = player.name as 'audio' | 'video';
  const download = `<a href="${escapeText(src)}">${escapeText(kind === 'audio' ? ctx.t.mediaDownloadAudio : ctx.t.mediaDownloadVideo)}</a>`;
  let open = `<${kind} controls preload="none"${attr('src', src)}`;
  if (kind === 'video') {
    const poster = isSiteMediaUrl(player.attribs.poster) ? player.attribs.poster : '';
    const width = dimension(player.attribs.width);
    const height = dimension(player.attribs.height);
    open += attr('poster', poster) + (width && height ? ` width="${width}" height="${height}"` : '');
  }
  const playerHtml = `${open}>${tracksOf(player)}${download}</${kind}>`;
  const caption = captionOf(el, source);
  const duration = durationHtml(player, ctx);
  const figcaption =
    caption?.html || duration
      ? `<figcaption${caption?.attrs ?? ''}>${duration}${caption?.html ? ` ${caption.html}` : ''}</figcaption>`
      : '';
  return `<figure class="media-block media-${kind}" data-block="${kind}">${playerHtml}${figcaption}</figure>`;
}

export function renderMedia(html: string, ctx: BodyRenderContext): string {
  if (!/<(audio|video)\b/i.test(html)) return html;
  return replaceElements(html, isMediaBlock, (el, source) => renderPlayer(el, source, ctx));
}
