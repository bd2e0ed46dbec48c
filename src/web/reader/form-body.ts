// The comment form's body, decoded strictly (web/form-encoding.ts): a broken escape is a 400
// naming the field, never stored as literal text. Scoped to the reader's forms for as long as
// the site-wide form parser (web/app.ts) is the lenient one.
import type { FastifyInstance } from 'fastify';
import { parseFormEncoded } from '../form-encoding.ts';

/** As the site-wide form parser allows (web/app.ts). */
const FORM_BODY_LIMIT = 64 * 1024;

/** Registers routes in a context of their own whose urlencoded bodies are decoded strictly. */
export function withStrictForms(app: FastifyInstance, routes: (scope: FastifyInstance) => void): void {
  app.register(async (scope) => {
    scope.removeContentTypeParser('application/x-www-form-urlencoded');
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: FORM_BODY_LIMIT },
      (_request, body, done) => {
        try {
          done(null, parseFormEncoded(body as string));
        } catch (err) {
          done(err as Error, undefined);
        }
      },
    );
    routes(scope);
  });
}
