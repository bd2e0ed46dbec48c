// Pull quotes and info boxes.
//
// Stored formats:
//
//   <figure data-block="pullquote">
//     <blockquote><p>the sentence lifted from the story</p></blockquote>
//     <figcaption>who said it</figcaption>              (optional)
//   </figure>
//
//   <aside data-block="infobox">
//     <h3>title</h3>
//     <p>…</p> <ul><li>…</li></ul>                       (paragraphs and lists)
//   </aside>
//
// A quotation with its attribution in a figcaption is how HTML itself marks a quote and its
// source, so feeds and API clients read both right without knowing Midad. The info box is an
// <aside>: content beside the story, which a screen reader can skip; its heading names it.
// Neither stores a direction or a quotation mark: the reader page draws the marks and the
// border on the start side with logical CSS properties, so Arabic gets them on the right.
import { escapeText as escapeHtml } from './html-text.ts';
import type { PolicyFragment } from './policy-fragment.ts';

export const calloutPolicy: PolicyFragment = {
  tags: ['aside'],
  attributes: { figure: ['data-block'], aside: ['data-block'] },
};

export const PULLQUOTE_MARK = 'data-block="pullquote"';
export const INFOBOX_MARK = 'data-block="infobox"';

/** quoteHtml: the quotation's paragraphs (or inline text, wrapped in one); citeHtml: inline HTML. */
export function pullQuoteHtml(quoteHtml: string, citeHtml = ''): string {
  const quote = quoteHtml.trim();
  const paragraphs = /^<p[\s>]/i.test(quote) ? quote : `<p>${quote}</p>`;
  const cite = citeHtml.trim() ? `<figcaption>${citeHtml.trim()}</figcaption>` : '';
  return `<figure ${PULLQUOTE_MARK}><blockquote>${paragraphs}</blockquote>${cite}</figure>`;
}

/** An info box from a plain-text title and block HTML. */
export function infoBoxHtml(title: string, bodyHtml: string): string {
  return `<aside ${INFOBOX_MARK}><h3>${escapeHtml(title.trim())}</h3>${bodyHtml.trim()}</aside>`;
}
