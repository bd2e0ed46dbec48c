// POST /hit: where reader pages' beacons land (see assets/count.js). Every beacon gets an empty
// 204 whatever it holds — counted, dropped as a repeat, a bot, a flood or malformed — so a
// page's script never sees an error and a forger learns nothing. The one exception is a body
// sent as a form with broken percent-encoding: the site-wide form parser refuses those on every
// route, this one included (no beacon is ever sent as a form). Counting itself lives in
// services/readership; this file only hands it the request. On a listening server beacons are
// answered before Fastify (hit-fast-path.ts); this route takes what that declines, and inject().
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/context.ts';
import { MAX_BEACON_BYTES } from '../../services/readership/beacon.ts';
import {
  createReadershipCounter,
  type ReadershipCounter,
  type ReadershipOptions,
} from '../../services/readership/record.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Page-view counting: `flush()` writes what is held (tests and shutdown). */
    readership: ReadershipCounter;
  }
}

export const HIT_PATH = '/hit';

export async function registerReadership(
  app: FastifyInstance,
  services: Services,
  options: ReadershipOptions,
): Promise<void> {
  const counter = createReadershipCounter(services, {
    onError: (err) => app.log.error({ err }, 'readership counts could not be written'),
    ...options,
  });
  app.decorate('readership', counter);
  app.addHook('onClose', async () => {
    await counter.close();
  });

  await app.register(async (scope) => {
    // The beacon is text (sendBeacon with a string) or JSON (the fetch fallback); any other type
    // is read as text too, and simply fails to be a beacon.
    scope.removeContentTypeParser(['application/json', 'text/plain']);
    scope.addContentTypeParser(
      ['application/json', 'text/plain', '*'],
      { parseAs: 'string', bodyLimit: MAX_BEACON_BYTES * 2 },
      (_request, body, done) => done(null, body),
    );
    scope.setErrorHandler(async (error, request, reply) => {
      // A badly encoded form is refused here as on every route (by the site's error handler).
      if (String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
        throw error;
      }
      return reply.code(204).header('cache-control', 'no-store').send();
    });
    scope.post(HIT_PATH, { bodyLimit: MAX_BEACON_BYTES * 2 }, async (request, reply) => {
      await counter.record({
        body: request.body,
        address: request.ip,
        userAgent: request.headers['user-agent'],
        fetchSite: header(request.headers['sec-fetch-site']),
      });
      return reply.code(204).header('cache-control', 'no-store').send();
    });
  });
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
