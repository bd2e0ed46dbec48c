// Writes a compiled program in ASCII. esbuild escapes non-ASCII characters in strings and names
// but leaves them in regular expression literals, comments and tagged templates, and one such
// character (Midad has a few Arabic letters and a curly quote in its regular expressions) makes
// V8 keep the program's whole source text at two bytes per character: for dist/midad.mjs, 4 MB of
// every worker's heap instead of 2. In a regular expression \uXXXX stands for the same character
// (each half of a surrogate pair too, with or without the u flag), in a comment it changes
// nothing; in a tagged template it would change the raw text (String.raw), so there it is left,
// and then the whole text is.

const NON_ASCII = /[\u0080-\uffff]/g;
/** Words after which a `/` starts a regular expression rather than a division. */
const BEFORE_REGEX = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void']);
for (const word of ['throw', 'case', 'do', 'else', 'yield', 'await']) BEFORE_REGEX.add(word);
const PUNCTUATION_BEFORE_REGEX = /^[(,=:[!&|?{};+\-*%<>~^]$/;
const WORD = /[A-Za-z_$0-9]/;

const unicodeEscape = (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * The text with every non-ASCII character in a comment or a regular expression literal written as
 * \uXXXX; null when one stands anywhere else, or when the text could not be followed to its end.
 */
export function asciiSource(code) {
  let out = '';
  let i = 0;
  // One entry per open `${`: how many braces are open inside it, so that its `}` goes back to
  // the template.
  const templates = [];
  // The last character or word of code (comments aside), which tells a regular expression from
  // a division.
  let last = '';
  const copy = (end, escaping) => {
    const text = code.slice(i, end);
    out += escaping ? text.replace(NON_ASCII, unicodeEscape) : text;
    i = end;
  };
  // From inside a template: past its closing backtick, or past the next `${` (which opens a
  // nested count of braces).
  const template = (from) => {
    let j = from;
    while (j < code.length) {
      if (code[j] === '\\') j += 2;
      else if (code[j] === '`') break;
      else if (code[j] === '$' && code[j + 1] === '{') {
        copy(j + 2, false);
        templates.push(0);
        last = '{';
        return;
      } else j++;
    }
    copy(j + 1, false);
    last = '`';
  };
  while (i < code.length) {
    const c = code[i];
    if (c === '/' && code[i + 1] === '/') {
      const end = code.indexOf('\n', i);
      copy(end === -1 ? code.length : end, true);
    } else if (c === '/' && code[i + 1] === '*') {
      const end = code.indexOf('*/', i + 2);
      if (end === -1) return null;
      copy(end + 2, true);
    } else if (c === '/' && (last === '' || PUNCTUATION_BEFORE_REGEX.test(last) || BEFORE_REGEX.has(last))) {
      let j = i + 1;
      let inClass = false;
      while (j < code.length && (inClass || code[j] !== '/')) {
        if (code[j] === '\n') return null;
        if (code[j] === '\\') j++;
        else if (code[j] === '[') inClass = true;
        else if (code[j] === ']') inClass = false;
        j++;
      }
      j++;
      while (j < code.length && /[a-z]/.test(code[j])) j++;
      copy(j, true);
      last = '/';
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < code.length && code[j] !== c) j += code[j] === '\\' ? 2 : 1;
      copy(j + 1, false);
      last = c;
    } else if (c === '`') {
      template(i + 1);
    } else if (c === '}' && templates.at(-1) === 0) {
      templates.pop();
      template(i + 1);
    } else if (c === '{' || c === '}') {
      if (templates.length > 0) templates[templates.length - 1] += c === '{' ? 1 : -1;
      copy(i + 1, false);
      last = c;
    } else if (WORD.test(c)) {
      let j = i + 1;
      while (j < code.length && WORD.test(code[j])) j++;
      last = code.slice(i, j);
      copy(j, false);
    } else {
      if (!/\s/.test(c)) last = c;
      copy(i + 1, false);
    }
  }
  if (templates.length > 0 || /[\u0080-\uffff]/.test(out)) return null;
  return out;
}
