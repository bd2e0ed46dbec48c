// JSON-LD goes inside <script type="application/ld+json">, where the HTML parser ends the
// element at the first "</script" whatever the JSON means. Escaping <, > and & as JSON \u
// escapes keeps the data identical for JSON parsers while leaving nothing the HTML parser can
// act on; U+2028/U+2029 are escaped too so the text is also valid JavaScript.

export type JsonLdValue = string | number | boolean | null | JsonLdValue[] | JsonLdObject;
export interface JsonLdObject {
  [key: string]: JsonLdValue | undefined;
}

const UNSAFE: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

export function serializeJsonLd(doc: JsonLdObject): string {
  return JSON.stringify(doc).replace(/[<>&\u2028\u2029]/g, (c) => UNSAFE[c] ?? c);
}
