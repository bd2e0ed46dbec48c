// The first-run setup link, /newsroom/setup/TOKEN: reachable signed out (the newsroom's gate lets
// it through), it shows the form that makes the first admin, then signs them in and opens the
// newsroom. A dead link (unknown, altered, spent, expired, or a site that has an admin) is a
// page that says so and what to do; failed attempts are throttled per address as sign-in is.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { TooManyRequests } from '../../../core/errors.ts';
import { messages } from '../../../core/i18n.ts';
import { parseInput } from '../../../core/validation.ts';
import { SESSION_DAYS } from '../../../services/auth/sessions.ts';
import type { SignInThrottles } from '../../../services/auth/throttle.ts';
import { PersonInvalid } from '../../../services/people/rules.ts';
import { checkSetupLink, completeSetup, SetupLinkDead } from '../../../services/setup/complete-setup.ts';
import { cookieOptions, checkCsrf, preSessionCsrf, SESSION_COOKIE } from '../auth.ts';
import { languageOf, messagesFor, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { type SetupMessages, setupMessages } from './messages.ts';
import { SetupForm, SetupParams } from './schema.ts';
import { DeadLinkView, LanguageLinks, SetupFormView } from './views.tsx';

/** Problem codes from the service as text in the page language. */
function explain(request: FastifyRequest, problems: Record<string, string>): Record<string, string> {
  const t = setupMessages(languageOf(request));
  const own = t as Record<string, string>;
  const core = messages(languageOf(request)) as Record<string, string>;
  return Object.fromEntries(
    Object.entries(problems).map(([field, code]) => [field, own[code] ?? core[code] ?? t.fixErrors]),
  );
}

export function registerSetupRoutes(
  app: FastifyInstance,
  deps: NewsroomDeps,
  throttles: SignInThrottles,
): void {
  const { services } = deps;
  const secure = services.config.secureCookies;
  // MIDAD_ADMIN_EMAIL fills the e-mail in; the example.com default (a domain that can receive no
  // mail) is left out rather than offered as if it were an answer.
  const { adminEmail } = services.config;
  const suggestedEmail = /@example\.(com|org|net)$/i.test(adminEmail) ? '' : adminEmail;

  const tOf = (request: FastifyRequest): SetupMessages => setupMessages(languageOf(request));
  const pathOf = (request: FastifyRequest) => request.url.split('?')[0] ?? '/newsroom/setup';

  const dead = (request: FastifyRequest, reply: FastifyReply) => {
    const t = tOf(request);
    return sendNewsroomPage(deps, request, reply, {
      title: t.deadTitle,
      status: 404,
      notice: { kind: 'error', text: t.dead },
      body: <DeadLinkView t={t} signIn={messagesFor(request).signIn} />,
    });
  };

  const throttled = (request: FastifyRequest, reply: FastifyReply) => {
    const t = tOf(request);
    return sendNewsroomPage(deps, request, reply, {
      title: t.title,
      status: 429,
      notice: { kind: 'error', text: t.throttled },
      body: null,
    });
  };

  const form = (
    request: FastifyRequest,
    reply: FastifyReply,
    values: { name: string; email: string },
    errors: Record<string, string>,
    status = 200,
  ) => {
    const t = tOf(request);
    const csrf = preSessionCsrf(request, reply, secure);
    return sendNewsroomPage(deps, request, reply, {
      title: t.title,
      status,
      csrf,
      notice: Object.keys(errors).length > 0 ? { kind: 'error', text: t.fixErrors } : null,
      body: (
        <>
          <LanguageLinks t={t} lang={languageOf(request)} path={pathOf(request)} />
          <SetupFormView t={t} csrf={csrf} values={values} errors={errors} />
        </>
      ),
    });
  };

  /** Dead links and throttled addresses get their own pages; anything else is the error mapping's. */
  const refusal = (request: FastifyRequest, reply: FastifyReply, err: unknown) => {
    if (err instanceof SetupLinkDead) return dead(request, reply);
    if (err instanceof TooManyRequests) return throttled(request, reply);
    throw err;
  };

  app.get('/setup/:token', async (request, reply) => {
    // The link is a secret: keep it out of the Referer of anything the page links to.
    reply.header('referrer-policy', 'no-referrer');
    const { token } = parseInput(SetupParams, request.params);
    try {
      await checkSetupLink(services, throttles, { token, ip: request.ip });
    } catch (err) {
      return refusal(request, reply, err);
    }
    return form(request, reply, { name: '', email: suggestedEmail }, {});
  });

  app.post('/setup/:token', async (request, reply) => {
    reply.header('referrer-policy', 'no-referrer');
    checkCsrf(request);
    const { token } = parseInput(SetupParams, request.params);
    const body = parseInput(SetupForm, request.body);
    let session: { token: string };
    try {
      ({ session } = await completeSetup(services, throttles, {
        token,
        ...body,
        locale: languageOf(request),
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
      }));
    } catch (err) {
      if (err instanceof PersonInvalid) {
        return form(request, reply, body, explain(request, err.problems), 422);
      }
      return refusal(request, reply, err);
    }
    reply.setCookie(SESSION_COOKIE, session.token, cookieOptions(secure, SESSION_DAYS * 86_400));
    return reply.redirect('/newsroom', 303);
  });
}
