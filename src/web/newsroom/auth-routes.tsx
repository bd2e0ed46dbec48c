// Sign-in (password, then the second factor when enrolled) and sign-out.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { completeSecondFactor, signIn } from '../../services/auth/sign-in.ts';
import { SESSION_DAYS } from '../../services/auth/sessions.ts';
import type { SignInThrottles } from '../../services/auth/throttle.ts';
import { checkCsrf, clientIpHash, cookieOptions, preSessionCsrf, SESSION_COOKIE } from './auth.ts';
import { messagesFor, type NewsroomDeps, sendNewsroomPage } from './page.ts';
import { SecondFactorForm, SignInForm } from './views/AuthPages.tsx';

const SignInBody = z.object({
  email: z.string().max(254).default(''),
  password: z.string().max(1024).default(''),
  next: z.string().default('/newsroom'),
});
const CodeBody = z.object({ code: z.string().max(64).default(''), next: z.string().default('/newsroom') });

/** Only a path inside the newsroom: never an open redirect to another site. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' &&
    /^\/newsroom(\/[^\s\\]*)?(\?[^\s\\]*)?$/.test(next) &&
    !next.startsWith('//')
    ? next
    : '/newsroom';
}

export function registerAuthRoutes(
  app: FastifyInstance,
  deps: NewsroomDeps,
  throttles: SignInThrottles,
): void {
  const { services } = deps;
  const secure = services.config.secureCookies;

  app.get('/sign-in', async (request, reply) => {
    if (request.staff) return reply.redirect('/newsroom', 303);
    const t = messagesFor(request);
    const next = safeNext((request.query as Record<string, unknown>).next);
    const csrf = preSessionCsrf(request, reply, secure);
    return sendNewsroomPage(deps, request, reply, {
      title: t.signInTitle,
      body: <SignInForm t={t} csrf={csrf} email="" next={next} />,
    });
  });

  app.post('/sign-in', async (request, reply) => {
    checkCsrf(request);
    const t = messagesFor(request);
    const body = SignInBody.parse(request.body ?? {});
    const next = safeNext(body.next);
    const result = await signIn(
      { repos: services.repos, throttles },
      {
        email: body.email,
        password: body.password,
        ipHash: await clientIpHash(services, request),
        userAgent: request.headers['user-agent'] ?? '',
      },
    );
    if (!result.ok) {
      const csrf = preSessionCsrf(request, reply, secure);
      return sendNewsroomPage(deps, request, reply, {
        title: t.signInTitle,
        status: result.reason === 'throttled' ? 429 : 401,
        notice: { kind: 'error', text: result.reason === 'throttled' ? t.signInThrottled : t.signInFailed },
        body: <SignInForm t={t} csrf={csrf} email={body.email} next={next} />,
      });
    }
    // A new token at every sign-in: a session id planted before sign-in is worth nothing.
    reply.setCookie(
      SESSION_COOKIE,
      result.session.token,
      cookieOptions(secure, result.needsSecondFactor ? undefined : SESSION_DAYS * 86_400),
    );
    return reply.redirect(
      result.needsSecondFactor ? `/newsroom/sign-in/code?next=${encodeURIComponent(next)}` : next,
      303,
    );
  });

  app.get('/sign-in/code', async (request, reply) => {
    if (request.staff) return reply.redirect('/newsroom', 303);
    if (!request.pendingStaff) return reply.redirect('/newsroom/sign-in', 303);
    const t = messagesFor(request);
    return sendNewsroomPage(deps, request, reply, {
      title: t.secondFactorTitle,
      csrf: request.pendingStaff.session.csrfToken,
      body: (
        <SecondFactorForm
          t={t}
          csrf={request.pendingStaff.session.csrfToken}
          next={safeNext((request.query as Record<string, unknown>).next)}
        />
      ),
    });
  });

  app.post('/sign-in/code', async (request, reply) => {
    const pending = request.pendingStaff;
    if (!pending) return reply.redirect('/newsroom/sign-in', 303);
    checkCsrf(request);
    const t = messagesFor(request);
    const body = CodeBody.parse(request.body ?? {});
    const result = await completeSecondFactor(
      { repos: services.repos, throttles },
      {
        pendingIdHash: pending.session.idHash,
        person: pending.person,
        code: body.code,
        ipHash: await clientIpHash(services, request),
        userAgent: request.headers['user-agent'] ?? '',
      },
    );
    if (!result.ok) {
      return sendNewsroomPage(deps, request, reply, {
        title: t.secondFactorTitle,
        status: result.reason === 'throttled' ? 429 : 401,
        csrf: pending.session.csrfToken,
        notice: { kind: 'error', text: result.reason === 'throttled' ? t.signInThrottled : t.codeInvalid },
        body: <SecondFactorForm t={t} csrf={pending.session.csrfToken} next={safeNext(body.next)} />,
      });
    }
    reply.setCookie(SESSION_COOKIE, result.session.token, cookieOptions(secure, SESSION_DAYS * 86_400));
    return reply.redirect(safeNext(body.next), 303);
  });

  app.post('/sign-out', async (request, reply) => {
    const current = request.staff ?? request.pendingStaff;
    if (current) {
      checkCsrf(request);
      await services.repos.sessions.delete(current.session.idHash);
      await services.repos.audit.record({
        personId: current.person.id,
        action: 'sign-out',
        targetType: 'person',
        targetId: String(current.person.id),
        details: {},
        ipHash: await clientIpHash(services, request),
      });
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/newsroom/sign-in', 303);
  });
}
