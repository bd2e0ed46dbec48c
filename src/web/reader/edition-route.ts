// Where a reader route is mounted, once per kind of edition. Arabic, French and English have
// fixed prefixes ('' , '/fr', '/en'); every further edition the admin switches on (Persian at
// /fa, Hausa at /ha) shares one parametric mount, `/:edition`, resolved on each request against
// the settings, so an edition switched on at run time is served without a restart. A first
// segment that is no edition of the site (an imported site's old /about/ page) goes to the
// not-found handler, which serves recorded redirects.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LANGUAGES, type Edition } from '../../core/types.ts';
import { loadReaderFrame } from '../../services/reader.ts';
import { furtherEditions } from '../../services/settings.ts';
import type { ReaderDeps } from './context.ts';
import { editionPrefix } from './urls.ts';

export interface EditionMount {
  /** The route prefix: '', '/fr', '/en', or the parametric one. */
  prefix: string;
  /** The edition a request is for; null when its prefix names no edition of the site. */
  resolve(deps: ReaderDeps, request: FastifyRequest): Promise<Edition | null>;
}

// Lower-case tags as prefixes have them ("fa", "ha-arab"); find-my-way accepts only simple patterns.
const FURTHER_PREFIX = '/:edition(^[a-z][a-z0-9-]{1,34}$)';

function fixed(edition: Edition): EditionMount {
  return { prefix: editionPrefix(edition), resolve: async () => edition };
}

const further: EditionMount = {
  prefix: FURTHER_PREFIX,
  async resolve(deps, request) {
    const segment = (request.params as { edition?: string }).edition;
    if (segment === undefined) return null;
    const { settings } = await loadReaderFrame(deps.services);
    return furtherEditions(settings).find((e) => editionPrefix(e) === `/${segment}`) ?? null;
  },
};

/** Every mount: the three built-in editions, then the one for further editions. */
export const EDITION_MOUNTS: readonly EditionMount[] = [...LANGUAGES.map(fixed), further];

/**
 * A route handler that receives its edition; a request under a prefix that is no edition of the
 * site is handed to the not-found handler (recorded redirects, then the 404 page).
 */
export function forEdition<R extends FastifyRequest>(
  deps: ReaderDeps,
  mount: EditionMount,
  handler: (request: R, reply: FastifyReply, edition: Edition) => Promise<unknown>,
): (request: R, reply: FastifyReply) => Promise<unknown> {
  return async (request, reply) => {
    const edition = await mount.resolve(deps, request);
    if (edition === null) return reply.callNotFound();
    return handler(request, reply, edition);
  };
}
