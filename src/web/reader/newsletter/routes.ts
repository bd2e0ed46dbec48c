// The newsletter's public routes, per language prefix (/newsletter, /fr/newsletter, …): the
// sign-up POST, the confirmation and unsubscribe links, and the bounce endpoint for the mail
// service. None needs a sign-in; none of their answers is cached (they say something about one
// address), except the plain form and the "check your inbox" page, which are the same for all.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { NotFound } from '../../../core/errors.ts';
import { type Lang, LANGUAGES } from '../../../core/types.ts';
import { parseInput } from '../../../core/validation.ts';
import {
  confirmSubscription,
  recordBounce,
  unsubscribe,
  unsubscribeLinkIsValid,
} from '../../../services/newsletters/links-actions.ts';
import { newsletterPath } from '../../../services/newsletters/links.ts';
import { SubscribeInput, subscribe } from '../../../services/newsletters/subscribe.ts';
import { memoryRateLimiter, type RateLimiter } from '../../../services/rate-limit.ts';
import type { RedisClient } from '../../../services/redis/client.ts';
import { redisRateLimiter } from '../../../services/redis/limits.ts';
import { type ReaderContext, type ReaderDeps, readerContext } from '../context.ts';
import { homePath } from '../urls.ts';
import { type NewsletterPageView, renderNewsletterPage } from './NewsletterPage.tsx';
import type { SignupFormState } from './SignupForm.tsx';
import { NEWSLETTER_TEXT } from './text.ts';

const TokenParams = z.object({ token: z.string().max(200) });
const BounceBody = z.object({ email: z.string().min(3).max(254), type: z.enum(['bounce', 'complaint']) });

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)];
const field = (v: unknown): string =>
  Array.isArray(v) ? String(v[0] ?? '') : v === undefined ? '' : String(v);

function send(
  reply: FastifyReply,
  ctx: ReaderContext,
  lang: Lang,
  status: number,
  page: Omit<NewsletterPageView, 'homeLink'>,
) {
  const t = NEWSLETTER_TEXT[lang];
  const site = ctx.site();
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .send(
      renderNewsletterPage(
        site,
        {
          title: `${page.title} – ${ctx.settings.name}`,
          description: t.intro,
          canonical: `${ctx.present.baseUrl}${newsletterPath(lang)}`,
        },
        { ...page, homeLink: { href: homePath(lang), label: t.backHome } },
      ),
    );
}

const privately = (reply: FastifyReply) => reply.header('cache-control', 'private, no-store');

export function registerNewsletterRoutes(
  app: FastifyInstance,
  deps: ReaderDeps & { newsletterLimiter: RateLimiter },
  lang: Lang,
): void {
  const { services } = deps;
  const base = newsletterPath(lang);
  const t = NEWSLETTER_TEXT[lang];

  app.get(base, async (_request, reply) => {
    const ctx = await readerContext(deps, lang);
    return send(reply, ctx, lang, 200, { title: t.title, message: t.intro, form: true });
  });

  app.post(`${base}/subscribe`, async (request, reply) => {
    const ctx = await readerContext(deps, lang);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const raw = {
      email: field(body.email).trim(),
      lang: field(body.lang) || lang,
      sections: list(body.sections)
        .filter((s) => /^\d{1,9}$/.test(s))
        .map(Number),
      digest: field(body.digest) || 'none',
      alerts: field(body.alerts) === '1',
    };
    const parsed = SubscribeInput.safeParse(raw);
    if (!parsed.success) {
      // The form again, with the reader's values and the reasons in the page's language.
      const errors = new Set<string>();
      for (const issue of parsed.error.issues)
        errors.add(
          issue.path[0] === 'email' ? t.badEmail : issue.path[0] === 'digest' ? t.chooseSomething : t.refused,
        );
      const state: SignupFormState = {
        email: raw.email.slice(0, 254),
        lang: (['ar', 'fr', 'en'] as const).find((l) => l === raw.lang) ?? lang,
        sections: raw.sections,
        digest: raw.digest,
        alerts: raw.alerts,
        errors: [...errors],
      };
      privately(reply);
      return send(reply, ctx, lang, 400, { title: t.title, form: state });
    }
    await subscribe(services, deps.newsletterLimiter, request.ip, parsed.data);
    return reply.redirect(`${base}/check-inbox`, 303);
  });

  app.get(`${base}/check-inbox`, async (_request, reply) => {
    const ctx = await readerContext(deps, lang);
    return send(reply, ctx, lang, 200, { title: t.checkMailTitle, message: t.checkMail });
  });

  app.get(`${base}/confirm/:token`, async (request, reply) => {
    const { token } = parseInput(TokenParams, request.params);
    const ctx = await readerContext(deps, lang);
    const outcome = await confirmSubscription(services, token);
    privately(reply);
    if (outcome === 'confirmed')
      return send(reply, ctx, lang, 200, { title: t.confirmedTitle, message: t.confirmed });
    if (outcome === 'expired')
      return send(reply, ctx, lang, 410, { title: t.expiredTitle, message: t.expired, form: true });
    return send(reply, ctx, lang, 404, { title: t.invalidTitle, message: t.invalid });
  });

  // A GET only asks (a mail scanner following links must not unsubscribe anyone).
  app.get(`${base}/unsubscribe/:token`, async (request, reply) => {
    const { token } = parseInput(TokenParams, request.params);
    const ctx = await readerContext(deps, lang);
    privately(reply);
    if (!(await unsubscribeLinkIsValid(services, token)))
      return send(reply, ctx, lang, 404, { title: t.invalidTitle, message: t.invalid });
    return send(reply, ctx, lang, 200, {
      title: t.unsubscribeTitle,
      message: t.unsubscribeAsk,
      unsubscribeAction: { url: `${base}/unsubscribe/${token}`, label: t.unsubscribeButton },
    });
  });

  // RFC 8058 one-click: the mail client POSTs "List-Unsubscribe=One-Click"; the page's button
  // posts the same. Either way the subscriber is deleted at once.
  app.post(`${base}/unsubscribe/:token`, async (request, reply) => {
    const { token } = parseInput(TokenParams, request.params);
    const ctx = await readerContext(deps, lang);
    privately(reply);
    if (!(await unsubscribe(services, token)))
      return send(reply, ctx, lang, 404, { title: t.invalidTitle, message: t.invalid });
    return send(reply, ctx, lang, 200, { title: t.unsubscribedTitle, message: t.unsubscribed });
  });
}

/** Reports from the mail service: `{email, type}` with `Authorization: Bearer MIDAD_BOUNCE_SECRET`. */
export function registerBounceRoute(app: FastifyInstance, deps: ReaderDeps): void {
  app.post('/newsletter/bounce', async (request, reply) => {
    const secret = deps.services.config.bounceSecret;
    if (!secret) throw new NotFound('No bounce endpoint is configured.');
    const given = Buffer.from(/^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '');
    const expected = Buffer.from(secret);
    if (given.length !== expected.length || !timingSafeEqual(given, expected))
      return reply.code(401).send({ error: 'unauthorized', message: 'A wrong or missing bounce secret.' });
    const report = parseInput(BounceBody, request.body);
    const known = await recordBounce(deps.services, report);
    return reply.code(200).send({ ok: true, known });
  });
}

/** Sign-ups per sending address, and per e-mail asked for, in 10 minutes. */
export const SIGNUPS_PER_WINDOW = 20;
const WINDOW_MS = 10 * 60_000;

/**
 * Every newsletter route, in a scope of their own: there a multipart body (how some mail
 * clients send the one-click unsubscribe POST) is accepted and ignored, without touching the
 * multipart parser of the newsroom's uploads.
 */
export async function registerNewsletter(
  app: FastifyInstance,
  deps: ReaderDeps,
  options: { redis?: RedisClient; limiter?: RateLimiter } = {},
): Promise<void> {
  const site = createHash('sha256').update(deps.services.config.publicUrl).digest('hex').slice(0, 12);
  const newsletterLimiter =
    options.limiter ??
    (options.redis
      ? redisRateLimiter(options.redis, `${site}:newsletter`, SIGNUPS_PER_WINDOW, WINDOW_MS)
      : memoryRateLimiter(SIGNUPS_PER_WINDOW, WINDOW_MS));
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'multipart/form-data',
      { parseAs: 'buffer', bodyLimit: 64 * 1024 },
      (_r, _b, done) => done(null, {}),
    );
    for (const lang of LANGUAGES) registerNewsletterRoutes(scope, { ...deps, newsletterLimiter }, lang);
    registerBounceRoute(scope, deps);
  });
}
