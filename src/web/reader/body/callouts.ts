// Pull quotes and info boxes (core/story-blocks/callout.ts) as readers get them. A pull quote
// needs nothing more than the stylesheet (large marks and a border on the start side). An info
// box becomes a note (role="note": content beside the story, not a landmark of its own, since
// it sits inside the article) named by its heading, so a screen reader says "note, <title>".
import { INFOBOX_MARK } from '../../../core/story-blocks/callout.ts';
import { escapeText } from '../../../core/story-blocks/html-text.ts';
import { type Element, innerHtml, isElement, replaceElements } from './html-blocks.ts';
import type { BodyRenderContext } from './render-body.ts';

const isInfoBox = (el: Element) => el.name === 'aside' && el.attribs['data-block'] === 'infobox';

function renderInfoBox(el: Element, source: string, index: number): string {
  const first = el.children.find((c) => isElement(c) || (c.type === 'text' && c.data.trim() !== ''));
  const titled = first !== undefined && isElement(first) && /^h[2-4]$/.test(first.name);
  const id = `infobox-${index + 1}`;
  const keep = ['dir', 'lang']
    .filter((name) => el.attribs[name])
    .map((name) => ` ${name}="${escapeText(el.attribs[name] ?? '')}"`)
    .join('');
  const inner = innerHtml(source, el);
  if (!titled || first.startIndex === null) {
    return `<aside class="infobox" ${INFOBOX_MARK} role="note"${keep}>${inner}</aside>`;
  }
  // The heading gets the id that names the note; the rest of the box is passed on as written.
  const headingOpen = /^<h[2-4]\b[^>]*>/i.exec(source.slice(first.startIndex))?.[0] ?? '';
  const headingWithId = headingOpen.replace(/^<(h[2-4])/i, `<$1 id="${id}"`);
  const rest = source.slice(first.startIndex + headingOpen.length, (el.children.at(-1)?.endIndex ?? 0) + 1);
  return `<aside class="infobox" ${INFOBOX_MARK} role="note" aria-labelledby="${id}"${keep}>${headingWithId}${rest}</aside>`;
}

export function renderCallouts(html: string, _ctx: BodyRenderContext): string {
  if (!html.includes(INFOBOX_MARK)) return html;
  return replaceElements(html, isInfoBox, renderInfoBox);
}
