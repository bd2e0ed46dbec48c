// Images kept at an address on another site (a WordPress import without its uploads folder
// keeps `https://example.files.wordpress.com/…`) become a link the reader may follow: the
// reader pages allow images only from the site itself (img-src 'self' data:, web/app.ts), so
// that reading an article tells no other site about the reader, and such an image would only
// show as an empty box. The link names the picture (its alt text, else its file name) and the
// other site, in the page's language. Images on this site, data: URLs and relative addresses
// stay; an image that stays loses any srcset candidate elsewhere, which the policy blocks too.
// It runs after renderGalleries, so a gallery of remote images becomes a list of such links.
import { format } from '../../../core/i18n.ts';
import { escapeText } from '../../../core/story-blocks/html-text.ts';
import { childElements, type Element, innerHtml, isElement, replaceElements } from './html-blocks.ts';
import type { BodyRenderContext } from './render-body.ts';

/** Most bodies have no absolute image address at all; they are passed on without parsing. */
const MAYBE_REMOTE = /<img\b[^>]*https?:\/\//i;

// Stand-ins for the values while the message is escaped; each value is then put in its own
// <bdi>, so a Latin host and file name keep their order inside an Arabic sentence.
const NAME = '\uE000';
const HOST = '\uE001';

interface Site {
  hostname: string;
  port: string;
}

function siteOf(baseUrl: string): Site | null {
  try {
    const url = new URL(baseUrl);
    return { hostname: url.hostname, port: url.port };
  } catch {
    return null;
  }
}

/** The address when it is absolute http(s) on another host; the same host by http or https is this site. */
function remoteUrl(value: string | undefined, site: Site | null): URL | null {
  if (!value || !/^https?:\/\//i.test(value.trim())) return null;
  try {
    const url = new URL(value.trim());
    if (site && url.hostname === site.hostname && url.port === site.port) return null;
    return url;
  } catch {
    return null;
  }
}

/** srcset candidates ("a.jpg 320w, b.jpg 2x"); the policy writes them separated by ", ". */
function candidates(srcset: string): string[] {
  return srcset
    .split(/,\s+/)
    .map((c) => c.trim())
    .filter(Boolean);
}

const candidateUrl = (candidate: string) => candidate.split(/\s+/)[0] ?? '';

/**
 * The same picture, whatever size: WordPress links an image to its full-size file, which
 * differs from the shown one by a size suffix ("photo-300x200.jpg" → "photo.jpg", "-scaled").
 */
function pictureKey(url: URL): string {
  const path = url.pathname.replace(/-(?:\d{1,5}x\d{1,5}|scaled)(?=\.[A-Za-z0-9]+$)/, '');
  return `${url.hostname}:${url.port}${path}`;
}

function fileName(url: URL): string {
  const last = url.pathname.split('/').filter(Boolean).at(-1) ?? url.hostname;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** A long host ("wpthemetestdata.files.wordpress.com") may wrap after a dot, not inside a word. */
const hostHtml = (host: string) => escapeText(host).replace(/\./g, '.<wbr>');

/** "Image on {host}: {name}" as HTML, each value isolated for direction. */
function label(img: Element, url: URL, ctx: BodyRenderContext): string {
  const alt = (img.attribs.alt ?? '').replace(/\s+/g, ' ').trim();
  const name = alt || fileName(url);
  const text = escapeText(format(ctx.t.remoteImage, { name: NAME, host: HOST }));
  // A function, not a replacement string: "$&" in an alt text stays as written.
  return text.replace(/[\uE000\uE001]/g, (mark) =>
    mark === NAME ? `<bdi>${escapeText(name)}</bdi>` : `<bdi dir="ltr">${hostHtml(url.host)}</bdi>`,
  );
}

function remoteLink(href: string, text: string): string {
  return `<a class="remote-image" href="${escapeText(href)}" rel="nofollow noopener">${text}</a>`;
}

/** An image that stays, written again without its srcset candidates on other sites. */
function localImage(img: Element, site: Site | null): string {
  const srcset = img.attribs.srcset;
  if (srcset === undefined) return '';
  const kept = candidates(srcset).filter((c) => !remoteUrl(candidateUrl(c), site));
  const attribs: Record<string, string> = { ...img.attribs };
  if (kept.length > 0) attribs.srcset = kept.join(', ');
  else {
    delete attribs.srcset;
    delete attribs.sizes;
  }
  const attrs = Object.entries(attribs)
    .map(([name, value]) => ` ${name}="${escapeText(value)}"`)
    .join('');
  return `<img${attrs}>`;
}

const hasRemoteCandidate = (img: Element, site: Site | null) =>
  candidates(img.attribs.srcset ?? '').some((c) => remoteUrl(candidateUrl(c), site) !== null);

function needsWork(el: Element, site: Site | null): boolean {
  if (el.name === 'img') return remoteUrl(el.attribs.src, site) !== null || hasRemoteCandidate(el, site);
  return el.children.some((c) => isElement(c) && needsWork(c, site));
}

/** The link's only content is the image (a visually hidden hint aside) and it leads to that picture. */
function wrapsSamePicture(link: Element, img: Element, src: URL, site: Site | null): boolean {
  const others = link.children.filter(
    (c) =>
      c !== img &&
      !(c.type === 'text' && c.data.trim() === '') &&
      !(isElement(c) && c.name === 'span' && /\bvisually-hidden\b/.test(c.attribs.class ?? '')),
  );
  if (others.length > 0) return false;
  const href = remoteUrl(link.attribs.href, site);
  return href !== null && pictureKey(href) === pictureKey(src);
}

/** An image: a link when remote (a label alone inside another link), else cleaned of remote srcset. */
function renderImage(
  img: Element,
  source: string,
  ctx: BodyRenderContext,
  site: Site | null,
  inLink: boolean,
) {
  const src = remoteUrl(img.attribs.src, site);
  if (!src) return localImage(img, site) || source.slice(img.startIndex ?? 0, (img.endIndex ?? -1) + 1);
  // A link inside a link is not allowed: inside one, the image becomes its label.
  if (inLink) return `<span class="remote-image">${label(img, src, ctx)}</span>`;
  return remoteLink(src.href, label(img, src, ctx));
}

function renderElement(el: Element, source: string, ctx: BodyRenderContext, site: Site | null): string {
  if (el.name === 'img') return renderImage(el, source, ctx, site, false);
  const images = childElements(el, 'img');
  const only = images.length === 1 ? images[0] : undefined;
  const src = only ? remoteUrl(only.attribs.src, site) : null;
  // The link WordPress puts around an image to its full-size file gives way to the one link to it.
  if (only && src && wrapsSamePicture(el, only, src, site)) {
    const href = remoteUrl(el.attribs.href, site) ?? src;
    return remoteLink(href.href, label(only, src, ctx));
  }
  // Another link around the image is kept: the image becomes its text, its target unchanged.
  const first = el.children[0];
  const last = el.children.at(-1);
  if (!first || !last || el.startIndex === null || el.endIndex === null) return '';
  const inner = innerHtml(source, el);
  const open = source.slice(el.startIndex, first.startIndex ?? el.startIndex);
  const close = source.slice((last.endIndex ?? el.endIndex) + 1, el.endIndex + 1);
  const body = replaceElements(
    inner,
    (c) => c.name === 'img' && needsWork(c, site),
    (c, s) => renderImage(c, s, ctx, site, true),
  );
  return open + body + close;
}

export function renderRemoteImages(html: string, ctx: BodyRenderContext): string {
  if (!MAYBE_REMOTE.test(html)) return html;
  const site = siteOf(ctx.baseUrl);
  return replaceElements(
    html,
    (el) => (el.name === 'img' || el.name === 'a') && needsWork(el, site),
    (el, source) => renderElement(el, source, ctx, site),
  );
}
