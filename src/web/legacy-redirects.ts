// Old URLs of an imported site. Paths are looked up in the normal form the importer stored
// them in (decoded, so upper- and lower-case percent-encoding match alike; no trailing slash);
// WordPress's id links (/?p=12, /?page_id=3, /?cat=4) are caught before the home page answers.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../services/context.ts';
import { findLegacyRedirect } from '../services/redirects.ts';

const ID_QUERY = /[?&](p|page_id|attachment_id|cat|tag|author)=/;

export function registerLegacyQueryRedirects(app: FastifyInstance, services: Services): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const path = request.url.split('?')[0];
    if ((path !== '/' && path !== '/index.php') || !ID_QUERY.test(request.url)) return;
    const redirect = await findLegacyRedirect(services, request.url);
    if (redirect && redirect.statusCode !== 410) return reply.redirect(redirect.toPath, redirect.statusCode);
  });
}

/**
 * Fastify refuses a path whose percent-encoding does not decode (400) before any handler runs.
 * WordPress produced such paths itself when it cut an Arabic slug mid-character, so an old
 * link of that kind is looked up leniently first; anything else gets Fastify's own answer.
 */
/**
 * `headers`: the security headers, which this answer must carry itself: a malformed URL is
 * refused before Fastify runs the hooks that would add them.
 */
export function legacyBadUrlHandler(services: Services, headers: Record<string, string> = {}) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const status = error.statusCode ?? 400;
    reply.headers(headers);
    // The shape of every other refusal (web/errors.ts), with a stable code of ours.
    const code = error.code === 'FST_ERR_BAD_URL' ? 'bad_url' : 'bad_request';
    const plain = () => reply.code(status).send({ error: { code, message: error.message } });
    if (error.code !== 'FST_ERR_BAD_URL' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      plain();
      return;
    }
    findLegacyRedirect(services, request.url).then(
      (redirect) => {
        if (redirect && redirect.statusCode !== 410) reply.redirect(redirect.toPath, redirect.statusCode);
        else plain();
      },
      () => plain(),
    );
  };
}
