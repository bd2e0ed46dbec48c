// One article body from WordPress to Midad: block comments out, shortcodes converted,
// paragraphs restored for classic content, images pointed at imported media, and the result
// passed through Midad's allowlist. Everything removed or left unconverted is counted.
import { sanitizeArticleHtml } from '../../../core/html-policy.ts';
import { autop } from './autop.ts';
import { hasBlocks, stripBlocks } from './blocks.ts';
import { convertEmbeds } from './embeds.ts';
import { type ContentWarning, convertGutenbergGalleries } from './galleries.ts';
import { convertClassicPullquotes, convertGutenbergQuotes } from './quotes.ts';
import { convertGutenbergMedia, type MediaContext, retargetMedia } from './media.ts';
import { convertShortcodes, type ShortcodeContext } from './shortcodes.ts';

export interface ImageTarget {
  src: string;
  srcset: string;
  width: number | null;
  height: number | null;
}

export interface CleanContext extends ShortcodeContext, MediaContext {
  /** The imported media for an image URL of the old site, or null to keep the URL. */
  image(url: string): ImageTarget | null;
}

export interface CleanResult {
  html: string;
  /** Elements and attributes the allowlist removed (scripts, event handlers, inline styles…). */
  removed: number;
  unknownShortcodes: string[];
  /** What the operator should know about this body; line counts from 1 at the content's start. */
  warnings: { message: string; line: number }[];
}

/** The line (from 1) of the content where `near` was written; 1 when it cannot be found. */
function lineOf(content: string, near: string): number {
  const at = content.indexOf(near);
  return at < 0 ? 1 : content.slice(0, at).split('\n').length;
}

const IMG = /<img\b[^>]*>/gi;
const ATTR = (name: string) => new RegExp(`\\s${name}\\s*=\\s*("[^"]*"|'[^']*'|[^\\s>]+)`, 'i');

function attrValue(tag: string, name: string): string | null {
  const m = ATTR(name).exec(tag);
  if (!m?.[1]) return null;
  return m[1].replace(/^["']|["']$/g, '').replace(/&amp;/g, '&');
}

function setAttr(tag: string, name: string, value: string): string {
  const encoded = value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  const re = ATTR(name);
  return re.test(tag)
    ? tag.replace(re, ` ${name}="${encoded}"`)
    : tag.replace(/^<img\b/i, `<img ${name}="${encoded}"`);
}

function retargetImages(html: string, ctx: CleanContext): string {
  return html.replace(IMG, (tag) => {
    const src = attrValue(tag, 'src');
    const target = src ? ctx.image(src) : null;
    if (!target) return tag;
    let out = setAttr(tag, 'src', target.src).replace(ATTR('srcset'), '').replace(ATTR('sizes'), '');
    if (target.srcset) out = setAttr(out, 'srcset', target.srcset);
    if (target.width && target.height) {
      out = setAttr(setAttr(out, 'width', String(target.width)), 'height', String(target.height));
    }
    return out;
  });
}

export function cleanBody(content: string, ctx: CleanContext): CleanResult {
  const blocks = hasBlocks(content);
  const warnings: ContentWarning[] = [];
  // Embeds first, while their block comments, shortcodes and frames are as written.
  const embeds = convertEmbeds(content);
  warnings.push(...embeds.warnings);
  let forms = embeds.html;
  if (blocks) {
    // Galleries and quotes are read with their block comments, which stripBlocks removes.
    const galleries = convertGutenbergGalleries(forms);
    warnings.push(...galleries.warnings);
    forms = convertGutenbergQuotes(galleries.html);
  }
  const withoutBlocks = convertClassicPullquotes(blocks ? stripBlocks(forms) : forms);
  const shortcodes = convertShortcodes(withoutBlocks, ctx);
  warnings.push(...shortcodes.warnings);
  const paragraphs = blocks ? shortcodes.html : autop(shortcodes.html);
  // Audio and video players (and links to uploaded files) point at the imported copies.
  const media = retargetMedia(convertGutenbergMedia(paragraphs), ctx);
  warnings.push(...media.warnings);
  const { html, removed } = sanitizeArticleHtml(retargetImages(media.html, ctx));
  return {
    html: html.trim(),
    removed,
    unknownShortcodes: shortcodes.unknown,
    warnings: warnings.map((w) => ({ message: w.message, line: lineOf(content, w.near) })),
  };
}

/** A WordPress comment (limited HTML) as the plain text Midad stores for comments. */
export function commentText(content: string): string {
  return content
    .replace(/\r\n?/g, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
