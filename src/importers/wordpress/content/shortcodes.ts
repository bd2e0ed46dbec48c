// WordPress shortcodes turned into Midad HTML. Captions, galleries and media embeds have an
// equivalent; any other shortcode is left as text, exactly as written, and its name is
// reported so the editors can decide what to do with it.
import { escapeHtml } from '../../../core/html-policy.ts';
import { type ContentWarning, type GallerySourceImage, galleryShortcode } from './galleries.ts';
import { audioVideoShortcode } from './media.ts';

/** An image for a gallery: the imported media (with srcset and size) or the old URL. */
export type ShortcodeImage = GallerySourceImage;

export interface ShortcodeContext {
  /** An attachment by its WordPress id, for [gallery ids="…"]. */
  attachment(id: string): ShortcodeImage | null;
  /** Images attached to the post itself, for a [gallery] without ids. */
  attachedImages(): ShortcodeImage[];
}

export interface ShortcodeResult {
  html: string;
  /** Names of shortcodes kept as text, one entry per occurrence. */
  unknown: string[];
  warnings: ContentWarning[];
}

const WITH_BODY = /\[(caption|wp_caption|embed|audio|video)\b([^\]]*)\]([\s\S]*?)\[\/\1\]/g;
const SINGLE = /\[(gallery|audio|video|embed|playlist)\b([^\]]*?)\/?\]/g;
const ANY = /\[(\/?)([a-z][a-z0-9_-]*)(\s[^\]]*)?(\/?)\]/g;

/** Attributes of a shortcode: name="v", name='v', name=v, or positional values. */
export function parseAttributes(text: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)|"([^"]*)"|(\S+)/g;
  let position = 0;
  for (const m of text.matchAll(re)) {
    const name = m[1] ?? m[3] ?? m[5];
    if (name) attrs[name.toLowerCase()] = m[2] ?? m[4] ?? m[6] ?? '';
    else attrs[String(position++)] = m[7] ?? m[8] ?? '';
  }
  return attrs;
}

function mediaLink(url: string): string {
  const clean = url.trim();
  if (!/^https?:\/\//i.test(clean)) return '';
  return `<p><a href="${escapeHtml(clean)}">${escapeHtml(clean)}</a></p>`;
}

function caption(attrs: Record<string, string>, body: string): string {
  // The caption is the text after the image (or link-wrapped image); old exports put it in an attribute.
  const media = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(body);
  const text = (media?.[2] ?? '').trim() || escapeHtml(attrs.caption ?? '');
  const inner = media?.[1] ?? body;
  return `<figure>${inner}${text ? `<figcaption>${text}</figcaption>` : ''}</figure>`;
}

export function convertShortcodes(html: string, ctx: ShortcodeContext): ShortcodeResult {
  const withBody = (text: string): string =>
    text.replace(WITH_BODY, (_all, name: string, rawAttrs: string, body: string) => {
      const attrs = parseAttributes(rawAttrs);
      if (name === 'caption' || name === 'wp_caption') return caption(attrs, body);
      if (name === 'audio' || name === 'video') {
        // "[audio src=…]" standing alone, matched up to a later player's closing tag: it is
        // converted alone, and what followed it is read again with that closing tag.
        if (/\[(audio|video)\b/.test(body))
          return audioVideoShortcode(name, attrs) + withBody(`${body}[/${name}]`);
        return audioVideoShortcode(name, attrs, body);
      }
      return mediaLink(name === 'embed' ? body : (attrs.src ?? attrs.mp3 ?? attrs.mp4 ?? body));
    });
  let out = withBody(html);
  const warnings: ContentWarning[] = [];
  out = out.replace(SINGLE, (raw: string, name: string, rawAttrs: string) => {
    const attrs = parseAttributes(rawAttrs);
    if (name === 'gallery') {
      const converted = galleryShortcode(attrs, raw, ctx);
      warnings.push(...converted.warnings);
      return converted.html;
    }
    if (name === 'playlist') {
      // A playlist is a list of audio or video tracks, not pictures: said rather than shown wrong.
      warnings.push({
        message: `playlist (${attrs.type === 'video' ? 'video' : 'audio'}${attrs.ids ? `, ids ${attrs.ids}` : ''}): not converted; left out`,
        near: raw,
      });
      return '';
    }
    if (name === 'audio' || name === 'video') return audioVideoShortcode(name, attrs);
    return mediaLink(attrs.src ?? attrs.mp3 ?? attrs.mp4 ?? attrs.url ?? '');
  });
  const unknown: string[] = [];
  const closers = new Set([...out.matchAll(ANY)].filter((m) => m[1] === '/').map((m) => m[2]));
  for (const m of out.matchAll(ANY)) {
    const [, slash, name = '', attrs = '', selfClose] = m;
    if (slash) continue;
    // "[citation needed]" is prose; a shortcode has attributes, a closing tag or is one word.
    const looksLikeShortcode = attrs.includes('=') || selfClose === '/' || closers.has(name) || attrs === '';
    if (looksLikeShortcode) unknown.push(name);
  }
  return { html: out, unknown, warnings };
}
