// Feeds and sitemaps are XML read by feed readers and crawlers, not by the browser: a payload in
// them is harmless as long as the document stays well-formed and the payload stays text. This
// reads one with a strict XML parser and lists every element that looks like HTML (a feed has
// none of its own: article HTML travels escaped), with the payload marks inside it.
import { SaxesParser } from 'saxes';
import { MARK } from './xss-payloads.ts';

const HTML_NAMES = new Set(
  (
    'script img svg iframe object embed a p div span style meta base body html math form input ' +
    'details video audio marquee table noscript xmp textarea select frameset frame applet portal ' +
    'isindex keygen template button source animate set image mtext mglyph plaintext noembed ' +
    'blockquote foreignobject br b i'
  ).split(' '),
);

export interface FeedCheck {
  /** The parser's first complaint, or null for a well-formed document. */
  error: string | null;
  /** HTML-like elements: their name and the marks in their attributes and text. */
  foreign: { name: string; marks: string[] }[];
}

export function checkFeed(xml: string): FeedCheck {
  const parser = new SaxesParser({ xmlns: false });
  const foreign: { name: string; marks: string[] }[] = [];
  const open: { name: string; text: string }[] = [];
  let error: string | null = null;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.on('opentag', (tag) => {
    const local = tag.name.slice(tag.name.indexOf(':') + 1).toLowerCase();
    if (HTML_NAMES.has(local)) open.push({ name: tag.name, text: Object.values(tag.attributes).join(' ') });
    else open.push({ name: '', text: '' });
  });
  parser.on('text', (t) => {
    for (const o of open) if (o.name) o.text += t;
  });
  parser.on('closetag', () => {
    const o = open.pop();
    if (o?.name) foreign.push({ name: o.name, marks: [...new Set(o.text.match(MARK) ?? [])] });
  });
  parser.write(xml).close();
  return { error, foreign };
}
