// Form bodies and query strings, decoded strictly. A browser always percent-encodes what it
// sends; a body or query with a broken escape (`%ZZ`, a cut-off `%E0%A4`, bytes that are not
// UTF-8) was made by hand or damaged on the way, and is refused with a 400 naming the field,
// rather than stored as the literal text. A name given several times becomes an array, as in
// Fastify's own parser, so a schema can refuse it where one value is expected.
import { Malformed } from '../core/errors.ts';

export function parseFormEncoded(text: string): Record<string, string | string[]> {
  const fields: Record<string, string | string[]> = Object.create(null);
  if (text === '') return fields;
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawName = eq === -1 ? part : part.slice(0, eq);
    const rawValue = eq === -1 ? '' : part.slice(eq + 1);
    const name = decodePart(rawName, rawName);
    const value = decodePart(rawValue, name);
    const existing = fields[name];
    if (existing === undefined) fields[name] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else fields[name] = [existing, value];
  }
  return fields;
}

function decodePart(raw: string, field: string): string {
  const spaced = raw.includes('+') ? raw.replace(/\+/g, ' ') : raw;
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    throw new Malformed(`The field "${field}" is not correctly percent-encoded.`, { [field]: 'invalid' });
  }
}

/** Refuses a URL whose query string has a broken escape (the path has its own check in routing). */
export function checkQueryEncoding(url: string): void {
  const start = url.indexOf('?');
  if (start === -1 || !url.includes('%', start)) return;
  parseFormEncoded(url.slice(start + 1));
}
