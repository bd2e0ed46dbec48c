// Who is calling the write API: the person behind the `Authorization: Bearer` token, never a
// cookie (so no form token is needed: a browser never sends the header by itself).
import type { FastifyRequest } from 'fastify';
import { Unauthorized } from '../../../core/errors.ts';
import type { Actor } from '../../../services/actor.ts';
import { actorForApiToken } from '../../../services/api-tokens/authenticate.ts';
import type { Services } from '../../../services/context.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the write API's gate; null elsewhere. */
    apiActor: Actor | null;
  }
}

/** The secret in `Authorization: Bearer <secret>`, or null when the header holds none. */
export function bearerSecret(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  return match?.[1] ?? null;
}

export async function authenticate(services: Services, request: FastifyRequest): Promise<Actor> {
  const secret = bearerSecret(request);
  if (secret === null) {
    throw new Unauthorized('Send a personal API token: Authorization: Bearer <token>.', 'missing');
  }
  return actorForApiToken(services, secret, request.ip);
}

/** The actor the gate found; routes run only after it. */
export function apiActorOf(request: FastifyRequest): Actor {
  if (!request.apiActor) throw new Unauthorized('No API token.', 'missing');
  return request.apiActor;
}
