// Newsroom sessions and CSRF. The session cookie holds a random token (the database keeps its
// hash); every state-changing form carries the session's CSRF token, and the sign-in form,
// which comes before any session, a double-submit token.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CsrfRejected } from '../../core/errors.ts';
import type { Session } from '../../core/auth.ts';
import type { Person } from '../../core/types.ts';
import { type Actor, actorFrom, ipHashOf } from '../../services/actor.ts';
import type { Services } from '../../services/context.ts';
import { resolveSession } from '../../services/auth/sessions.ts';

export const SESSION_COOKIE = 'midad_session';
export const PRE_CSRF_COOKIE = 'midad_csrf';

export interface Staff {
  person: Person;
  session: Session;
}

declare module 'fastify' {
  interface FastifyRequest {
    staff: Staff | null;
    /** The session waiting for its second factor, if any. */
    pendingStaff: Staff | null;
  }
}

export function cookieOptions(secure: boolean, maxAgeSeconds?: number) {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure,
    ...(maxAgeSeconds !== undefined ? { maxAge: maxAgeSeconds } : {}),
  };
}

export function registerSessionLoading(app: FastifyInstance, services: Services): void {
  app.decorateRequest('staff', null);
  app.decorateRequest('pendingStaff', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/newsroom')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const resolved = await resolveSession(services, token);
    if (!resolved) return;
    if (resolved.session.stage === 'full') request.staff = resolved;
    else request.pendingStaff = resolved;
  });
}

/** Rejects a POST whose CSRF token does not match the session's (or the pre-session cookie). */
export function checkCsrf(request: FastifyRequest): void {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const given = typeof body._csrf === 'string' ? body._csrf : '';
  const expected =
    request.staff?.session.csrfToken ??
    request.pendingStaff?.session.csrfToken ??
    request.cookies[PRE_CSRF_COOKIE] ??
    '';
  if (!safeEqual(given, expected)) throw new CsrfRejected();
}

/** The token for a form shown before any session: set as a cookie and echoed in the form. */
export function preSessionCsrf(request: FastifyRequest, reply: FastifyReply, secure: boolean): string {
  const existing = request.cookies[PRE_CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{32}$/.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  reply.setCookie(PRE_CSRF_COOKIE, token, cookieOptions(secure));
  return token;
}

export { authorize } from '../../core/policies/index.ts';

/** The signed-in person acting through this request, as commands take them. */
export function actorOf(services: Services, request: FastifyRequest): Promise<Actor> {
  const person = request.staff?.person ?? request.pendingStaff?.person;
  if (!person) throw new CsrfRejected();
  return actorFrom(services, person, request.ip);
}

export function clientIpHash(services: Services, request: FastifyRequest): Promise<string> {
  return ipHashOf(services, request.ip);
}

function safeEqual(a: string, b: string): boolean {
  if (a === '' || b === '') return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
