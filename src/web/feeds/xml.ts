// A small XML writer for feeds and sitemaps. Documents are built as trees of plain objects and
// serialized in one place, so escaping cannot be forgotten at a call site: text and attribute
// values are always escaped, and characters XML 1.0 forbids (most C0 controls, lone
// surrogates, U+FFFE/U+FFFF) are dropped, because one stray control character from an imported
// post would make a whole feed unreadable to a strict parser.

export interface XmlElement {
  name: string;
  attrs: Record<string, string | number | undefined>;
  children: XmlNode[];
}

/** Text is escaped; `null`/`undefined`/`false` children are skipped so optional parts read naturally. */
export type XmlNode = XmlElement | string | number | null | undefined | false;

export function el(
  name: string,
  attrs: Record<string, string | number | undefined> = {},
  ...children: (XmlNode | XmlNode[])[]
): XmlElement {
  return { name, attrs, children: children.flat() };
}

/** An element holding only text, or nothing at all when the text is empty or missing. */
export function textEl(
  name: string,
  text: string | number | undefined | null,
  attrs: Record<string, string | number | undefined> = {},
): XmlElement | null {
  if (text === undefined || text === null || text === '') return null;
  return el(name, attrs, String(text));
}

// Everything outside XML 1.0's Char production: C0 controls except tab, LF, CR; surrogates
// not part of a pair; U+FFFE and U+FFFF.
const NOT_XML_CHAR =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its job.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML_CHAR, '');
}

export function escapeText(text: string): string {
  return xmlSafe(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(text: string): string {
  // Tabs and newlines are escaped too: a parser would otherwise normalize them to spaces.
  return escapeText(text)
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

function write(node: XmlNode, out: string[]): void {
  if (node === null || node === undefined || node === false) return;
  if (typeof node === 'string' || typeof node === 'number') {
    out.push(escapeText(String(node)));
    return;
  }
  out.push('<', node.name);
  for (const [key, value] of Object.entries(node.attrs)) {
    if (value !== undefined) out.push(' ', key, '="', escapeAttr(String(value)), '"');
  }
  const children = node.children.filter((c) => c !== null && c !== undefined && c !== false);
  if (children.length === 0) {
    out.push('/>');
    return;
  }
  out.push('>');
  for (const child of children) write(child, out);
  out.push('</', node.name, '>');
}

/** A complete document: the XML declaration, then the root element. */
export function renderXml(root: XmlElement): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  write(root, out);
  out.push('\n');
  return out.join('');
}
