// Old URLs of an imported site. Paths are looked up in the normal form the importer stored
// them in (decoded, so upper- and lower-case percent-encoding match alike; no trailing slash);
// WordPress's id links (/?p=12, /?page_id=3, /?cat=4) are caught before the home page answers.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Redirect } from '../core/types.ts';
import type { Repositories } from '../db/repositories/contract.ts';
import { redirectKey } from '../services/import-paths.ts';

const ID_QUERY = /[?&](p|page_id|attachment_id|cat|tag|author)=/;

export async function findLegacyRedirect(
  repos: Pick<Repositories, 'redirects'>,
  url: string,
): Promise<Redirect | null> {
  const key = redirectKey(url);
  return key === null ? null : repos.redirects.byFromPath(key);
}

export function registerLegacyQueryRedirects(
  app: FastifyInstance,
  repos: Pick<Repositories, 'redirects'>,
): void {
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const path = request.url.split('?')[0];
    if ((path !== '/' && path !== '/index.php') || !ID_QUERY.test(request.url)) return;
    const redirect = await findLegacyRedirect(repos, request.url);
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
export function legacyBadUrlHandler(
  repos: Pick<Repositories, 'redirects'>,
  headers: Record<string, string> = {},
) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const status = error.statusCode ?? 400;
    reply.headers(headers);
    const plain = () =>
      reply
        .code(status)
        .send({ statusCode: status, code: error.code, error: 'Bad Request', message: error.message });
    if (error.code !== 'FST_ERR_BAD_URL' || (request.method !== 'GET' && request.method !== 'HEAD')) {
      plain();
      return;
    }
    findLegacyRedirect(repos, request.url).then(
      (redirect) => {
        if (redirect && redirect.statusCode !== 410) reply.redirect(redirect.toPath, redirect.statusCode);
        else plain();
      },
      () => plain(),
    );
  };
}
