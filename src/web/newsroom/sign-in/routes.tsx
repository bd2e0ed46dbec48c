// Sign-in (password, then the second factor when enrolled) and sign-out: parse the form, call
// the command, set or clear the cookie, redirect (or show the form again with why).
import type { FastifyInstance } from 'fastify';
import { parseInput } from '../../../core/validation.ts';
import { SESSION_DAYS } from '../../../services/auth/sessions.ts';
import { completeSecondFactor, signIn, signOut } from '../../../services/auth/sign-in.ts';
import type { SignInThrottles } from '../../../services/auth/throttle.ts';
import { awaitingFirstAdmin } from '../../../services/setup/setup-link.ts';
import { actorOf, checkCsrf, cookieOptions, preSessionCsrf, SESSION_COOKIE } from '../auth.ts';
import { languageOf, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { setupMessages } from '../setup/messages.ts';
import { signInMessages } from './messages.ts';
import { SecondFactorBody, SignInBody } from './schema.ts';
import { SecondFactorForm, SignInForm } from './views.tsx';

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
    const t = signInMessages(languageOf(request));
    const next = safeNext((request.query as Record<string, unknown>).next);
    const csrf = preSessionCsrf(request, reply, secure);
    // A new site has nobody to sign in as: say where its first admin comes from.
    const notice = (await awaitingFirstAdmin(services))
      ? { kind: 'error' as const, text: setupMessages(languageOf(request)).noAdminYet }
      : null;
    return sendNewsroomPage(deps, request, reply, {
      title: t.signInTitle,
      notice,
      body: <SignInForm t={t} csrf={csrf} email="" next={next} />,
    });
  });

  app.post('/sign-in', async (request, reply) => {
    checkCsrf(request);
    const form = parseInput(SignInBody, request.body);
    const t = signInMessages(languageOf(request));
    const next = safeNext(form.next);
    const result = await signIn(services, throttles, {
      email: form.email,
      password: form.password,
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? '',
    });
    if (!result.ok) {
      const csrf = preSessionCsrf(request, reply, secure);
      return sendNewsroomPage(deps, request, reply, {
        title: t.signInTitle,
        status: result.reason === 'throttled' ? 429 : 401,
        notice: { kind: 'error', text: result.reason === 'throttled' ? t.signInThrottled : t.signInFailed },
        body: <SignInForm t={t} csrf={csrf} email={form.email} next={next} />,
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
    const t = signInMessages(languageOf(request));
    const csrf = request.pendingStaff.session.csrfToken;
    return sendNewsroomPage(deps, request, reply, {
      title: t.secondFactorTitle,
      csrf,
      body: (
        <SecondFactorForm
          t={t}
          csrf={csrf}
          next={safeNext((request.query as Record<string, unknown>).next)}
        />
      ),
    });
  });

  app.post('/sign-in/code', async (request, reply) => {
    const pending = request.pendingStaff;
    if (!pending) return reply.redirect('/newsroom/sign-in', 303);
    checkCsrf(request);
    const form = parseInput(SecondFactorBody, request.body);
    const t = signInMessages(languageOf(request));
    const result = await completeSecondFactor(services, throttles, pending, {
      code: form.code,
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? '',
    });
    if (!result.ok) {
      return sendNewsroomPage(deps, request, reply, {
        title: t.secondFactorTitle,
        status: result.reason === 'throttled' ? 429 : 401,
        csrf: pending.session.csrfToken,
        notice: { kind: 'error', text: result.reason === 'throttled' ? t.signInThrottled : t.codeInvalid },
        body: <SecondFactorForm t={t} csrf={pending.session.csrfToken} next={safeNext(form.next)} />,
      });
    }
    reply.setCookie(SESSION_COOKIE, result.session.token, cookieOptions(secure, SESSION_DAYS * 86_400));
    return reply.redirect(safeNext(form.next), 303);
  });

  app.post('/sign-out', async (request, reply) => {
    const current = request.staff ?? request.pendingStaff;
    if (current) {
      checkCsrf(request);
      await signOut(services, await actorOf(services, request), { sessionIdHash: current.session.idHash });
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/newsroom/sign-in', 303);
  });
}
