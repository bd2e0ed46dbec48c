// Stored galleries (core/story-blocks/gallery.ts) become an accessible grid of responsive
// images. The list is named with its count ("Photo gallery: 6 photos"), so a screen reader says
// what it is before the items; each picture links to its largest variant, which is the
// full-size view: it needs no script, works from the keyboard (Tab, Enter) and on every phone,
// and the browser's own image viewer zooms it. Anything else found inside a stored gallery is
// left out of the grid: only its images and their captions are shown.
import { format } from '../../../core/i18n.ts';
import { counted } from '../../../core/plural.ts';
import { GALLERY_MARK } from '../../../core/story-blocks/gallery.ts';
import { escapeText } from '../../../core/story-blocks/html-text.ts';
import { childElements, type Element, findFirst, innerHtml, replaceElements } from './html-blocks.ts';
import type { BodyRenderContext } from './render-body.ts';

/** Two columns on phones, three in the article column (at most about 45rem) on wider screens. */
export const GALLERY_SIZES = '(min-width: 48rem) 15rem, 50vw';

interface Picture {
  src: string;
  srcset: string;
  alt: string;
  width: string;
  height: string;
  full: string;
  captionHtml: string;
  captionAttrs: string;
}

/** The largest candidate of a srcset ("a.jpg 320w, b.jpg 1280w" → b.jpg), or the src. */
export function largestVariant(src: string, srcset: string): string {
  let best = src;
  let bestWidth = 0;
  for (const candidate of srcset.split(',')) {
    const [url, descriptor = ''] = candidate.trim().split(/\s+/);
    const width = Number.parseInt(descriptor, 10);
    if (url && descriptor.endsWith('w') && width > bestWidth) {
      best = url;
      bestWidth = width;
    }
  }
  return best;
}

const isGallery = (el: Element) => el.name === 'figure' && el.attribs['data-block'] === 'gallery';

const dimension = (v: string | undefined) => (v && /^\d{1,5}$/.test(v) ? v : '');

/** dir and lang are the only attributes a caption keeps (they say how its text reads). */
function textAttrs(el: Element): string {
  return ['dir', 'lang']
    .filter((name) => el.attribs[name])
    .map((name) => ` ${name}="${escapeText(el.attribs[name] ?? '')}"`)
    .join('');
}

function pictureOf(item: Element, source: string): Picture | null {
  const img = findFirst(item, 'img');
  const src = img?.attribs.src;
  if (!img || !src) return null;
  const caption = findFirst(item, 'figcaption');
  const srcset = img.attribs.srcset ?? '';
  return {
    src,
    srcset,
    alt: img.attribs.alt ?? '',
    width: dimension(img.attribs.width),
    height: dimension(img.attribs.height),
    full: largestVariant(src, srcset),
    captionHtml: caption ? innerHtml(source, caption).trim() : '',
    captionAttrs: caption ? textAttrs(caption) : '',
  };
}

function pictureHtml(p: Picture, n: number, total: number, ctx: BodyRenderContext): string {
  const size = p.width && p.height ? ` width="${p.width}" height="${p.height}"` : '';
  const srcset = p.srcset ? ` srcset="${escapeText(p.srcset)}" sizes="${GALLERY_SIZES}"` : '';
  const img = `<img src="${escapeText(p.src)}"${srcset} alt="${escapeText(p.alt)}"${size} loading="lazy" decoding="async">`;
  const open = escapeText(format(ctx.t.galleryOpen, { n, total }));
  const link = `<a class="gallery-open" href="${escapeText(p.full)}">${img}<span class="visually-hidden">${open}</span></a>`;
  const caption = p.captionHtml ? `<figcaption${p.captionAttrs}>${p.captionHtml}</figcaption>` : '';
  return `<li><figure>${link}${caption}</figure></li>`;
}

function renderGallery(el: Element, source: string, ctx: BodyRenderContext): string {
  const items = childElements(el, 'ul').flatMap((ul) => childElements(ul, 'li'));
  const pictures = items.flatMap((li) => pictureOf(li, source) ?? []);
  // An empty gallery shows nothing rather than an empty frame.
  if (pictures.length === 0) return '';
  const label = format(ctx.t.galleryLabel, { count: counted('photos', pictures.length, ctx.t) });
  const grid = pictures.map((p, i) => pictureHtml(p, i + 1, pictures.length, ctx)).join('');
  const captionEl = childElements(el, 'figcaption')[0];
  const caption = captionEl ? innerHtml(source, captionEl).trim() : '';
  const figcaption = caption ? `<figcaption${textAttrs(captionEl as Element)}>${caption}</figcaption>` : '';
  // role="list": Safari drops list semantics from a list styled without bullets.
  return `<figure class="gallery" ${GALLERY_MARK}${textAttrs(el)}><ul class="gallery-grid" role="list" aria-label="${escapeText(label)}">${grid}</ul>${figcaption}</figure>`;
}

export function renderGalleries(html: string, ctx: BodyRenderContext): string {
  if (!html.includes(GALLERY_MARK)) return html;
  return replaceElements(html, isGallery, (el, source) => renderGallery(el, source, ctx));
}
