// Streaming repair of the ways real WordPress exports break XML, applied before the strict
// parser sees the text. Each repair is one WordPress's own importer tolerates, and each is
// reported with its line so the operator can see what was read leniently:
//   - a raw "&" that starts no entity ("?a=1&b=2" in an attachment URL) becomes "&amp;";
//   - HTML entities XML does not define (&nbsp;) become numeric references;
//   - a literal "]]>" inside CDATA that does not end the section (WordPress writes content
//     verbatim) is re-encoded as "]]]]><![CDATA[>", the standard way to carry it;
//   - characters XML forbids (control characters) are dropped;
//   - blank space before the XML declaration is dropped.
// Text is consumed in chunks; a construct cut by a chunk boundary waits for the next chunk.
import type { WxrWarning } from './types.ts';

const HTML_ENTITIES: Record<string, number> = {
  nbsp: 160,
  hellip: 8230,
  mdash: 8212,
  ndash: 8211,
  lsquo: 8216,
  rsquo: 8217,
  ldquo: 8220,
  rdquo: 8221,
  laquo: 171,
  raquo: 187,
  copy: 169,
  reg: 174,
  trade: 8482,
  deg: 176,
  middot: 183,
  bull: 8226,
  times: 215,
  euro: 8364,
  zwnj: 8204,
  zwj: 8205,
  rlm: 8207,
  lrm: 8206,
};
const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding the control characters XML forbids is the point.
const TEXT_STOP = /[&<\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above.
const CDATA_STOP = /\]\]>|[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;
/** How far past a "]]>" to look for what decides whether it ends the section. */
const CDATA_LOOKAHEAD = 1024;
const MAX_WARNINGS = 200;

type State = 'text' | 'cdata' | 'comment' | 'pi' | 'doctype';

export class XmlRepair {
  private state: State = 'text';
  private carry = '';
  private started = false;
  private lastOpenTag = '';
  private cdataOwner = '';
  private line = 1;
  /** Number of warnings not kept because MAX_WARNINGS were already kept. */
  droppedWarnings = 0;

  constructor(private readonly warnings: WxrWarning[]) {}

  /** Repairs a chunk; returns the text that is safe to hand to the parser now. */
  push(chunk: string): string {
    return this.run(this.carry + chunk, false);
  }

  /** Flushes whatever waited for more text. */
  end(): string {
    return this.run(this.carry, true);
  }

  private run(text: string, final: boolean): string {
    if (!this.started) {
      const trimmed = text.replace(/^[\s\uFEFF]+/, '');
      if (trimmed === '' && !final) {
        this.carry = text;
        return '';
      }
      this.started = true;
      if (trimmed !== text && trimmed.startsWith('<?xml')) {
        this.warn(1, 'blank space before the XML declaration was ignored');
        this.line += countNewlines(text, 0, text.length - trimmed.length);
        text = trimmed;
      }
    }
    let out = '';
    let i = 0;
    let counted = 0;
    const lineAt = (pos: number): number => {
      this.line += countNewlines(text, counted, pos);
      counted = pos;
      return this.line;
    };
    while (i < text.length) {
      if (this.state === 'text') {
        TEXT_STOP.lastIndex = i;
        const m = TEXT_STOP.exec(text);
        const at = m ? m.index : text.length;
        out += text.slice(i, at);
        i = at;
        if (!m) break;
        const c = text[at];
        if (c === '&') {
          const step = this.entity(text, at, final, lineAt);
          if (step === null) break;
          out += step.out;
          i = step.next;
        } else if (c === '<') {
          const step = this.markup(text, at, final);
          if (step === null) break;
          out += text.slice(at, step);
          i = step;
        } else {
          this.warn(lineAt(at), `a control character (U+${hex(c)}) was removed`);
          i = at + 1;
        }
      } else if (this.state === 'cdata') {
        CDATA_STOP.lastIndex = i;
        const m = CDATA_STOP.exec(text);
        const at = m ? m.index : text.length;
        if (!m) {
          // Keep two characters back: they may begin a "]]>" cut by the chunk boundary.
          const keep = final ? text.length : Math.max(i, text.length - 2);
          out += text.slice(i, keep);
          i = keep;
          break;
        }
        out += text.slice(i, at);
        if (m[0] !== ']]>') {
          this.warn(lineAt(at), `a control character (U+${hex(m[0])}) was removed`);
          i = at + 1;
          continue;
        }
        const ends = this.cdataEnds(text, at + 3, final);
        if (ends === null) {
          i = at;
          break;
        }
        if (ends) {
          out += ']]>';
          this.state = 'text';
        } else {
          this.warn(lineAt(at), 'a literal "]]>" inside CDATA was kept as text, as WordPress does');
          out += ']]]]><![CDATA[>';
        }
        i = at + 3;
      } else {
        const close = this.state === 'comment' ? '-->' : '>';
        const at = text.indexOf(this.state === 'pi' ? '?>' : close, i);
        if (at < 0) {
          const keep = final ? text.length : Math.max(i, text.length - 2);
          out += text.slice(i, keep);
          i = keep;
          break;
        }
        const end = at + (this.state === 'comment' ? 3 : this.state === 'pi' ? 2 : 1);
        out += text.slice(i, end);
        i = end;
        this.state = 'text';
      }
    }
    this.line += countNewlines(text, counted, i);
    this.carry = text.slice(i);
    if (final && this.carry !== '') {
      out += this.carry;
      this.carry = '';
    }
    return out;
  }

  /** Handles "&" at `at`; null when more text is needed to decide. */
  private entity(
    text: string,
    at: number,
    final: boolean,
    lineAt: (pos: number) => number,
  ): { out: string; next: number } | null {
    const window = text.slice(at, at + 40);
    const m = /^&(#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/.exec(window);
    if (!m) {
      if (!final && window.length < 40 && /^&(#x?[0-9a-fA-F]*|[A-Za-z][A-Za-z0-9]*)?$/.test(window))
        return null;
      this.warn(lineAt(at), 'a raw "&" was read as "&amp;", as WordPress does');
      return { out: '&amp;', next: at + 1 };
    }
    const name = m[1] ?? '';
    const next = at + m[0].length;
    if (name.startsWith('#')) {
      const code = name.startsWith('#x')
        ? Number.parseInt(name.slice(2), 16)
        : Number.parseInt(name.slice(1), 10);
      if (isXmlChar(code)) return { out: m[0], next };
      this.warn(lineAt(at), `the character reference ${m[0]} names no allowed character and became U+FFFD`);
      return { out: '&#xFFFD;', next };
    }
    if (XML_ENTITIES.has(name)) return { out: m[0], next };
    const code = HTML_ENTITIES[name];
    if (code !== undefined) return { out: `&#${code};`, next };
    this.warn(lineAt(at), `the undefined entity ${m[0]} was kept as text`);
    return { out: `&amp;${name};`, next };
  }

  /** Handles "<" at `at` in text: returns where the copied markup ends, null to wait. */
  private markup(text: string, at: number, final: boolean): number | null {
    const head = text.slice(at, at + 9);
    if (head.length < 9 && !final && '<![CDATA['.startsWith(head)) return null;
    if (head === '<![CDATA[') {
      this.state = 'cdata';
      this.cdataOwner = this.lastOpenTag;
      return at + 9;
    }
    if (head.startsWith('<!--')) {
      this.state = 'comment';
      return at + 4;
    }
    if (head.length < 4 && !final) return null;
    if (head.startsWith('<?')) {
      this.state = 'pi';
      return at + 2;
    }
    if (head.startsWith('<!')) {
      this.state = 'doctype';
      return at + 2;
    }
    const name = /^<([^\s/>!?]+)/.exec(text.slice(at, at + 200));
    if (!name) {
      if (!final && text.length - at < 200 && !/[\s/>]/.test(text.slice(at + 1))) return null;
      return at + 1;
    }
    if (name[0].length === text.length - at && !final) return null;
    this.lastOpenTag = name[1] ?? '';
    return at + name[0].length;
  }

  /**
   * Whether a "]]>" ends its CDATA section: yes when the next thing is another CDATA section
   * (WordPress splits sections that way) or the end tag of the element holding it.
   */
  private cdataEnds(text: string, from: number, final: boolean): boolean | null {
    const rest = text.slice(from, from + CDATA_LOOKAHEAD);
    const ahead = rest.replace(/^\s+/, '');
    const endTag = `</${this.cdataOwner}`;
    for (const candidate of ['<![CDATA[', endTag]) {
      if (ahead.startsWith(candidate)) return true;
      if (candidate.startsWith(ahead) && !final && rest.length < CDATA_LOOKAHEAD) return null;
    }
    if (ahead === '' && (final || rest.length >= CDATA_LOOKAHEAD)) return true;
    if (ahead === '') return null;
    return false;
  }

  private warn(line: number, message: string): void {
    const last = this.warnings.at(-1);
    // Ten raw "&" in one URL are one thing to tell.
    if (last && last.line === line && last.message === message) return;
    if (this.warnings.length >= MAX_WARNINGS) {
      this.droppedWarnings++;
      return;
    }
    this.warnings.push({ line, message });
  }
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

function hex(c: string | undefined): string {
  return (c?.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  let i = text.indexOf('\n', from);
  while (i >= 0 && i < to) {
    n++;
    i = text.indexOf('\n', i + 1);
  }
  return n;
}
