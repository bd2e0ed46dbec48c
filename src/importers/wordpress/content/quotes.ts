// WordPress quotations that are pull quotes → Midad's stored pull quote
// (core/story-blocks/callout.ts): the Gutenberg pullquote block, a Gutenberg quote block that
// names its source (<cite>), and the classic editor's <blockquote class="pullquote">. The
// quotation keeps its paragraphs; the <cite> becomes the figcaption. A quote block without a
// source stays an ordinary blockquote.
import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { pullQuoteHtml } from '../../../core/story-blocks/callout.ts';

const PULLQUOTE_BLOCK = /<!--\s*wp:pullquote\b[\s\S]*?-->([\s\S]*?)<!--\s*\/wp:pullquote\s*-->/g;
const QUOTE_BLOCK = /<!--\s*wp:quote\b[\s\S]*?-->([\s\S]*?)<!--\s*\/wp:quote\s*-->/g;
const BLOCK_COMMENT = /<!--[\s\S]*?-->/g;
const CLASSIC_PULLQUOTE =
  /<blockquote\b[^>]*\bclass\s*=\s*["'][^"']*\bpullquote\b[^"']*["'][^>]*>[\s\S]*?<\/blockquote>/gi;

const isElement = (n: ChildNode): n is Element => n.type === 'tag';

function find(nodes: ChildNode[], name: string): Element | null {
  for (const node of nodes) {
    if (!isElement(node)) continue;
    if (node.name === name) return node;
    const inner = find(node.children, name);
    if (inner) return inner;
  }
  return null;
}

const slice = (source: string, nodes: ChildNode[]) => {
  const first = nodes[0];
  const last = nodes.at(-1);
  if (!first || !last || first.startIndex === null || last.endIndex === null) return '';
  return source.slice(first.startIndex, last.endIndex + 1).trim();
};

/** The quotation and its source from the HTML of a quote; null when there is no blockquote. */
export function readQuote(html: string): { quoteHtml: string; citeHtml: string } | null {
  const source = html.replace(BLOCK_COMMENT, '');
  const doc = parseDocument(source, { withStartIndices: true, withEndIndices: true });
  const quote = find(doc.children, 'blockquote');
  if (!quote) return null;
  const cite = find(quote.children, 'cite');
  // Text and elements before the <cite> (WordPress puts it last); a cite inside a paragraph stays there.
  const body = quote.children.filter((c) => c !== cite);
  const quoteHtml = slice(source, body);
  return { quoteHtml, citeHtml: cite ? slice(source, cite.children) : '' };
}

function pullQuote(html: string, needsCite: boolean): string | null {
  const read = readQuote(html);
  if (!read || read.quoteHtml.replace(/<[^>]*>/g, '').trim() === '') return null;
  if (needsCite && read.citeHtml.replace(/<[^>]*>/g, '').trim() === '') return null;
  return pullQuoteHtml(read.quoteHtml, read.citeHtml);
}

/** Gutenberg pullquote blocks, and quote blocks with a source, converted in place. */
export function convertGutenbergQuotes(content: string): string {
  return content
    .replace(PULLQUOTE_BLOCK, (whole, body: string) => pullQuote(body, false) ?? whole)
    .replace(QUOTE_BLOCK, (whole, body: string) => pullQuote(body, true) ?? whole);
}

/** The classic editor's <blockquote class="pullquote">, converted in place. */
export function convertClassicPullquotes(html: string): string {
  return html.replace(CLASSIC_PULLQUOTE, (whole) => pullQuote(whole, false) ?? whole);
}
