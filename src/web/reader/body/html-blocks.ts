// Finding a story form's element in a stored body and putting something else in its place.
// The body is parsed once with htmlparser2 (a real HTML parser, not patterns); each element
// found is replaced by its offsets in the original text, so the rest of the body is passed on
// byte for byte.
import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';

export type { Element };

export function isElement(node: ChildNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function childElements(el: Element, name?: string): Element[] {
  return el.children.filter((c): c is Element => isElement(c) && (name === undefined || c.name === name));
}

/** The first element named `name` below `el`, depth first. */
export function findFirst(el: Element, name: string): Element | null {
  for (const child of childElements(el)) {
    if (child.name === name) return child;
    const inner = findFirst(child, name);
    if (inner) return inner;
  }
  return null;
}

/** The element's content as written in the source (its inner HTML). */
export function innerHtml(source: string, el: Element): string {
  const first = el.children[0];
  const last = el.children.at(-1);
  if (!first || !last || first.startIndex === null || last.endIndex === null) return '';
  return source.slice(first.startIndex, last.endIndex + 1);
}

/** Visible text of an element (for labels). */
export function textOf(el: ChildNode): string {
  if (el.type === 'text') return el.data;
  if (!isElement(el)) return '';
  return el.children.map(textOf).join('');
}

/**
 * Replaces each outermost element for which `matches` holds with what `render` returns for it.
 * `render` gets the element and the source it came from (for innerHtml).
 */
export function replaceElements(
  html: string,
  matches: (el: Element) => boolean,
  render: (el: Element, source: string, index: number) => string,
): string {
  const doc = parseDocument(html, { withStartIndices: true, withEndIndices: true });
  const found: Element[] = [];
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (!isElement(node)) continue;
      if (matches(node)) found.push(node);
      else walk(node.children);
    }
  };
  walk(doc.children);
  if (found.length === 0) return html;
  let out = '';
  let at = 0;
  found.forEach((el, index) => {
    if (el.startIndex === null || el.endIndex === null) return;
    out += html.slice(at, el.startIndex) + render(el, html, index);
    at = el.endIndex + 1;
  });
  return out + html.slice(at);
}
