// The reader's forms, decoded strictly. The site-wide parser leaves a value whose
// percent-encoding does not decode as the raw text, so "%E0%A4%A" would be stored as a name; no
// browser sends that, so here it is refused (400, naming the field) before anything runs. A field
// given twice still arrives as an array, for the route's schema to refuse.
import type { FastifyInstance } from 'fastify';
import { Malformed } from '../../core/errors.ts';

/** As the site-wide form parser allows (web/app.ts). */
const FORM_BODY_LIMIT = 64 * 1024;

export type FormBody = Record<string, string | string[]>;

export function parseFormBody(text: string): FormBody {
  const out: FormBody = Object.create(null);
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const rawName = at === -1 ? pair : pair.slice(0, at);
    const rawValue = at === -1 ? '' : pair.slice(at + 1);
    const name = decode(rawName, rawName);
    const value = decode(rawValue, name);
    const known = out[name];
    out[name] = known === undefined ? value : [...[known].flat(), value];
  }
  return out;
}

function decode(raw: string, field: string): string {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    throw new Malformed(`Malformed input (${field}: invalid).`, { [field]: 'invalid' });
  }
}

/** Registers routes in a context of their own whose urlencoded bodies are decoded strictly. */
export function withStrictForms(app: FastifyInstance, routes: (scope: FastifyInstance) => void): void {
  app.register(async (scope) => {
    scope.removeContentTypeParser('application/x-www-form-urlencoded');
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
      (_request, body, done) => {
        try {
          done(null, parseFormBody(body as string));
        } catch (err) {
          done(err as Error, undefined);
        }
      },
    );
    routes(scope);
  });
}
