// The visible text of an HTML fragment, for reading time, excerpts, descriptions and search.
// Every article page and every indexed article needs it, so it is one streaming pass of the
// HTML parser collecting text (entities decoded once), not a sanitiser run that escapes the
// text again and a chain of replacements that decode it back (which also decoded `&amp;lt;`
// twice, into `<`).
import { Parser } from 'htmlparser2';

/** Elements whose end is a break between words: "<p>end</p><p>start" must not read "endstart". */
const BREAKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'blockquote', 'figcaption']);

/** Elements whose content is never shown as text. */
const HIDDEN = new Set(['script', 'style', 'textarea', 'option']);

export function htmlToText(html: string): string {
  let text = '';
  let hidden = 0;
  const parser = new Parser(
    {
      onopentagname(name) {
        if (HIDDEN.has(name)) hidden++;
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
        else if (BREAKS.has(name)) text += ' ';
      },
      ontext(chunk) {
        if (hidden === 0) text += chunk;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
  return text.replace(/\s+/g, ' ').trim();
}
