// WordPress galleries → Midad's stored gallery (core/story-blocks/gallery.ts), captions kept:
// - [gallery ids="…"] (or include="…"): the listed attachments, in the listed order; ids the
//   export does not hold are left out and named in a warning;
// - [gallery] without ids: the images attached to the post;
// - Gutenberg wp:gallery, old form (<ul class="blocks-gallery-grid"><li><figure><img>
//   <figcaption>) and new form (nested wp:image blocks, WordPress 5.9+), with the gallery's
//   own caption. Their images keep their old URL here; the body cleaner then points every image
//   of the old site at the imported media, with srcset, width and height (clean.ts).
// A gallery left with no image is dropped, with a warning.
import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { type GalleryImage, galleryHtml } from '../../../core/story-blocks/gallery.ts';
import { escapeText } from '../../../core/story-blocks/html-text.ts';

/** An image as the import knows it: imported media (srcset, size) or the old URL. */
export interface GallerySourceImage {
  src: string;
  alt: string;
  caption: string;
  srcset?: string;
  width?: number | null;
  height?: number | null;
}

export interface GalleryLookup {
  attachment(id: string): GallerySourceImage | null;
  attachedImages(): GallerySourceImage[];
}

/** Something the operator should know, with the source text it is about (to find its line). */
export interface ContentWarning {
  message: string;
  /** The text as written in the post (a shortcode, a block's opening comment). */
  near: string;
}

export interface Converted {
  html: string;
  warnings: ContentWarning[];
}

const idList = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');

function fromLibrary(image: GallerySourceImage): GalleryImage {
  return {
    src: image.src,
    srcset: image.srcset ?? '',
    alt: image.alt,
    width: image.width ?? null,
    height: image.height ?? null,
    captionHtml: escapeText(image.caption.trim()),
  };
}

/** One [gallery …] shortcode; `raw` is its text as written, for the warnings. */
export function galleryShortcode(attrs: Record<string, string>, raw: string, ctx: GalleryLookup): Converted {
  const warnings: ContentWarning[] = [];
  const ids = idList(attrs.ids ?? attrs.include);
  let images: GallerySourceImage[];
  if (ids.length > 0) {
    const missing = ids.filter((id) => ctx.attachment(id) === null);
    if (missing.length > 0) {
      warnings.push({
        message: `gallery: image${missing.length > 1 ? 's' : ''} ${missing.join(', ')} not in the export; left out`,
        near: raw,
      });
    }
    images = ids.flatMap((id) => ctx.attachment(id) ?? []);
  } else {
    images = ctx.attachedImages();
  }
  const html = galleryHtml(images.map(fromLibrary));
  if (html === '')
    warnings.push({ message: 'gallery: no image to show; the gallery is left out', near: raw });
  return { html, warnings };
}

// ---- Gutenberg -------------------------------------------------------------------------

const GUTENBERG_GALLERY = /<!--\s*wp:gallery\b[\s\S]*?-->([\s\S]*?)<!--\s*\/wp:gallery\s*-->/g;
const BLOCK_COMMENT = /<!--[\s\S]*?-->/g;

const isElement = (n: ChildNode): n is Element => n.type === 'tag';

function elements(nodes: ChildNode[], name: string, out: Element[] = []): Element[] {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    if (node.name === name) out.push(node);
    elements(node.children, name, out);
  }
  return out;
}

function inner(source: string, el: Element): string {
  const first = el.children[0];
  const last = el.children.at(-1);
  if (!first || !last || first.startIndex === null || last.endIndex === null) return '';
  return source.slice(first.startIndex, last.endIndex + 1).trim();
}

function closestFigure(el: Element, root: Element | null): Element | null {
  let at = el.parent;
  while (at && at !== root && isElement(at as ChildNode)) {
    const candidate = at as Element;
    if (candidate.name === 'figure') return candidate;
    at = candidate.parent;
  }
  return null;
}

const number = (v: string | undefined) => (v && /^\d{1,5}$/.test(v) ? Number(v) : null);

/** The images and captions of one wp:gallery block's HTML. */
export function gutenbergGallery(blockHtml: string): { images: GalleryImage[]; captionHtml: string } {
  const source = blockHtml.replace(BLOCK_COMMENT, '');
  const doc = parseDocument(source, { withStartIndices: true, withEndIndices: true });
  const top = doc.children.filter(isElement);
  // The gallery's outer figure (new and old forms); the first forms were a bare <ul>.
  const root = top.find((el) => el.name === 'figure') ?? null;
  const images = elements(doc.children, 'img').flatMap((img): GalleryImage[] => {
    const src = img.attribs.src || img.attribs['data-full-url'];
    if (!src) return [];
    const figure = closestFigure(img, root);
    const caption = figure
      ? figure.children.filter(isElement).find((c) => c.name === 'figcaption')
      : undefined;
    return [
      {
        src,
        srcset: '',
        alt: img.attribs.alt ?? '',
        width: number(img.attribs.width),
        height: number(img.attribs.height),
        captionHtml: caption ? inner(source, caption) : '',
      },
    ];
  });
  const own = root?.children.filter(isElement).find((c) => c.name === 'figcaption');
  return { images, captionHtml: own ? inner(source, own) : '' };
}

/** Every wp:gallery block of a post's content, converted in place (block comments included). */
export function convertGutenbergGalleries(content: string): Converted {
  const warnings: ContentWarning[] = [];
  const html = content.replace(GUTENBERG_GALLERY, (whole, body: string) => {
    const { images, captionHtml } = gutenbergGallery(body);
    const out = galleryHtml(images, captionHtml);
    if (out === '') {
      warnings.push({
        message: 'gallery block: no image to show; the gallery is left out',
        near: whole.slice(0, whole.indexOf('-->') + 3),
      });
    }
    return out;
  });
  return { html, warnings };
}
