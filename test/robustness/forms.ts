// Reads the forms and links out of our own pages (server-rendered, regular markup), and makes
// the malformed variants of a form that a hand-made request can send.

export interface Form {
  action: string;
  method: 'GET' | 'POST';
  multipart: boolean;
  /** Every field with the value the page gives it, in order; a name may repeat (checkboxes). */
  fields: [string, string][];
}

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decodeEntities(m[1]!) : undefined;
};

function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function formsOf(html: string, pageUrl: string): Form[] {
  const forms: Form[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const tag = m[1]!;
    const inner = m[2]!;
    const fields: [string, string][] = [];
    for (const f of inner.matchAll(/<(input|textarea|select)\b([^>]*)>([\s\S]*?<\/(?:textarea|select)>)?/g)) {
      const kind = f[1]!;
      const ftag = f[2]!;
      const name = attr(ftag, 'name');
      if (!name) continue;
      const type = attr(ftag, 'type') ?? 'text';
      if (type === 'file' || type === 'submit' || type === 'button') continue;
      if ((type === 'checkbox' || type === 'radio') && !/\schecked/.test(ftag)) continue;
      let value = attr(ftag, 'value') ?? '';
      if (kind === 'textarea') value = decodeEntities(/^([\s\S]*?)<\/textarea>/.exec(f[3] ?? '')?.[1] ?? '');
      if (kind === 'select') {
        const options = [...(f[3] ?? '').matchAll(/<option\b([^>]*)>/g)].map((o) => o[1]!);
        const chosen = options.find((o) => /\sselected/.test(o)) ?? options[0];
        value = chosen ? (attr(chosen, 'value') ?? '') : '';
      }
      fields.push([name, value]);
    }
    const action = attr(tag, 'action') ?? pageUrl;
    const method = (attr(tag, 'method') ?? 'get').toUpperCase() === 'POST' ? 'POST' : 'GET';
    forms.push({ action, method, multipart: /multipart\/form-data/.test(tag), fields });
  }
  return forms;
}

/** Names a page lets a person send several values under (checkboxes, multiple selects). */
export function multiValuedNames(html: string): string[] {
  const names: string[] = [];
  for (const m of html.matchAll(/<(input|select)\b([^>]*)>/g)) {
    const tag = m[2]!;
    const many = m[1] === 'select' ? /\smultiple/.test(tag) : attr(tag, 'type') === 'checkbox';
    const name = attr(tag, 'name');
    if (many && name) names.push(name);
  }
  return names;
}

/** Same-site links of a page, without fragments. */
export function linksOf(html: string): string[] {
  const links = new Set<string>();
  for (const m of html.matchAll(/<a\b[^>]*\shref="(\/[^"#]*)/g)) links.add(decodeEntities(m[1]!));
  return [...links].filter((href) => !href.startsWith('//'));
}

/** A field's value as a hand-made request may send it; `raw` parts are written as they are. */
export type Value = { text: string } | { raw: string };

export interface Variant {
  label: string;
  /** Name/value pairs of an urlencoded body (or query string). */
  pairs: [string, Value][];
}

const LONG = 'ح'.repeat(12_000);

/** For each field: given twice, empty, over-long and badly percent-encoded (three ways). */
export function variantsOf(fields: [string, string][], keep: (name: string) => boolean): Variant[] {
  const names = [...new Set(fields.map(([n]) => n))].filter(keep);
  const base = (without: string): [string, Value][] =>
    fields.filter(([n]) => n !== without).map(([n, v]): [string, Value] => [n, { text: v }]);
  const variants: Variant[] = [];
  for (const name of names) {
    const value = fields.find(([n]) => n === name)?.[1] ?? '';
    const repeated = fields.filter(([n]) => n === name).length > 1;
    if (!repeated) {
      variants.push({
        label: `${name} given twice`,
        pairs: [...base(name), [name, { text: value || 'a' }], [name, { text: `${value}b` }]],
      });
    }
    variants.push({ label: `${name} empty`, pairs: [...base(name), [name, { text: '' }]] });
    variants.push({ label: `${name} over-long`, pairs: [...base(name), [name, { text: LONG }]] });
    for (const raw of ['%E0%A4%A', '%ZZ%', '%C3%28%FF']) {
      variants.push({ label: `${name} badly encoded (${raw})`, pairs: [...base(name), [name, { raw }]] });
    }
  }
  return variants;
}

export function encodePairs(pairs: [string, Value][]): string {
  return pairs
    .map(([n, v]) => `${encodeURIComponent(n)}=${'raw' in v ? v.raw : encodeURIComponent(v.text)}`)
    .join('&');
}

/** The same fields as a JSON body, with one field as an array, an object or a number. */
export function jsonVariantsOf(fields: [string, string][], keep: (name: string) => boolean) {
  const object: Record<string, unknown> = {};
  for (const [n, v] of fields) object[n] = v;
  const out: { label: string; body: Record<string, unknown> }[] = [];
  for (const name of Object.keys(object).filter(keep)) {
    out.push({ label: `${name} as an array (JSON)`, body: { ...object, [name]: ['a', 'b'] } });
    out.push({ label: `${name} as an object (JSON)`, body: { ...object, [name]: { a: 1 } } });
    out.push({ label: `${name} as a number (JSON)`, body: { ...object, [name]: 1e21 } });
  }
  return out;
}

export function multipartOf(pairs: [string, string][]): { body: string; type: string } {
  const boundary = '----midad-malformed-7f3a';
  const parts = pairs.map(
    ([n, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`,
  );
  return { body: `${parts.join('')}--${boundary}--\r\n`, type: `multipart/form-data; boundary=${boundary}` };
}
