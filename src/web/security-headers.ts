// The security headers of every answer (content security policy, HSTS, referrer policy,
// nosniff, frame and cross-origin rules), from helmet. Helmet's middleware writes the same
// headers for every request when nothing in its options depends on the request, as here: they
// are worked out once, when the app is built, and copied onto each answer. (@fastify/helmet built
// the whole middleware anew for every request: about 2% of an uncached article page's CPU.)
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/** The headers helmet sets for `options`, by name, as it would set them on a response. */
export function securityHeaders(options: Readonly<HelmetOptions>): [string, string][] {
  const set = new Map<string, string>();
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      set.set(name, Array.isArray(value) ? value.join(', ') : String(value));
    },
    removeHeader(name: string) {
      set.delete(name);
    },
    getHeader: () => undefined,
  };
  let failed: unknown = null;
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (err?: unknown) => {
    failed = err ?? null;
  });
  if (failed) throw failed;
  return [...set];
}

export function registerSecurityHeaders(app: FastifyInstance, options: Readonly<HelmetOptions>): void {
  const headers = securityHeaders(options);
  app.addHook('onRequest', (_request, reply, done) => {
    const raw = reply.raw;
    for (const [name, value] of headers) raw.setHeader(name, value);
    done();
  });
}
