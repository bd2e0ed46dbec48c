// The newsroom under /newsroom: sessions, CSRF, the sign-in gate, its own error pages, and
// its routes. Everything here is private: never cached, never indexed.
import type { FastifyInstance } from 'fastify';
import { CsrfRejected } from '../../core/errors.ts';
import { defaultSignInThrottles, type SignInThrottles } from '../../services/auth/throttle.ts';
import { siteSettings } from '../../services/settings.ts';
import { registerAccountRoutes } from './account/routes.tsx';
import { registerApiTokenRoutes } from './api-tokens/routes.tsx';
import { registerArticleRoutes } from './articles/routes.tsx';
import { registerLiveCoverageRoutes } from './live/routes.tsx';
import { registerSessionLoading } from './auth.ts';
import { registerAuthRoutes } from './sign-in/routes.tsx';
import { registerDashboardRoutes } from './dashboard/routes.tsx';
import { registerMediaRoutes } from './media/routes.tsx';
import { registerImportRoutes } from './import/routes.tsx';
import { registerLanguageRoutes } from './languages/routes.tsx';
import { registerAuditRoutes } from './audit/routes.tsx';
import { registerCommentRoutes } from './comments/routes.tsx';
import { registerPeopleRoutes } from './people/routes.tsx';
import { registerReadershipRoutes } from './readership/routes.tsx';
import { registerSettingsRoutes } from './settings/routes.tsx';
import { registerSectionRoutes } from './sections/routes.tsx';
import { registerSetupRoutes } from './setup/routes.tsx';
import { registerTagRoutes } from './tags/routes.tsx';
import { registerWebhookRoutes } from './webhooks/routes.tsx';
import { registerOutboxRoutes } from './outbox/routes.tsx';
import { registerSubscriberRoutes } from './subscribers/routes.tsx';
import { registerTelegramRoutes } from './telegram/routes.tsx';
import type { NewsroomDeps } from './page.ts';

const PUBLIC_PATHS = new Set(['/newsroom/sign-in', '/newsroom/sign-in/code', '/newsroom/sign-out']);

export async function newsroomPlugin(
  app: FastifyInstance,
  options: NewsroomDeps & { throttles?: SignInThrottles },
): Promise<void> {
  const deps: NewsroomDeps = { services: options.services, assets: options.assets };
  registerSessionLoading(app, deps.services);

  // The gate: every page but sign-in needs a full session; with the 2FA requirement on, staff
  // without it may only reach their account page to enrol.
  app.addHook('preHandler', async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (
      PUBLIC_PATHS.has(path) ||
      path.startsWith('/newsroom/invite/') ||
      path.startsWith('/newsroom/setup/')
    ) {
      return;
    }
    if (!request.staff) {
      if (request.method === 'GET') {
        return reply.redirect(`/newsroom/sign-in?next=${encodeURIComponent(request.url)}`, 303);
      }
      throw new CsrfRejected();
    }
    if (!path.startsWith('/newsroom/account') && !request.staff.person.twoFactorEnabled) {
      const { requireTwoFactor } = await siteSettings(deps.services);
      if (requireTwoFactor) return reply.redirect('/newsroom/account', 303);
    }
  });

  registerDashboardRoutes(app, deps);

  const throttles = options.throttles ?? defaultSignInThrottles();
  registerAuthRoutes(app, deps, throttles);
  registerSetupRoutes(app, deps, throttles);
  registerAccountRoutes(app, deps);
  registerApiTokenRoutes(app, deps);
  registerArticleRoutes(app, deps);
  registerLiveCoverageRoutes(app, deps);
  registerCommentRoutes(app, deps);
  registerAuditRoutes(app, deps);
  registerSettingsRoutes(app, deps);
  registerLanguageRoutes(app, deps);
  registerTagRoutes(app, deps);
  registerSectionRoutes(app, deps);
  registerMediaRoutes(app, deps);
  registerPeopleRoutes(app, deps);
  registerImportRoutes(app, deps);
  registerWebhookRoutes(app, deps);
  registerOutboxRoutes(app, deps);
  registerSubscriberRoutes(app, deps);
  registerTelegramRoutes(app, deps);
  registerReadershipRoutes(app, deps);
}
