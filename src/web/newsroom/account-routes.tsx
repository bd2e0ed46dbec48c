// The signed-in person's own security settings: two-step verification and password.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { messages } from '../../core/i18n.ts';
import { passwordProblem } from '../../core/password-rules.ts';
import { confirmEnrolment, enrolmentFor, startEnrolment } from '../../services/auth/two-factor.ts';
import { hashPassword, verifyPassword } from '../../services/passwords.ts';
import { loadSiteSettings } from '../../services/settings.ts';
import { checkCsrf, clientIpHash, type Staff } from './auth.ts';
import { languageOf, messagesFor, type NewsroomDeps, sendNewsroomPage } from './page.ts';
import { AccountPage, type AccountView } from './views/AccountPage.tsx';

const PasswordBody = z.object({
  current: z.string().max(1024).default(''),
  password: z.string().max(1024).default(''),
});
const CodeBody = z.object({ code: z.string().max(64).default('') });
const DisableBody = z.object({ password: z.string().max(1024).default('') });

export function registerAccountRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { repos } = deps.services;

  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    staff: Staff,
    view: Partial<AccountView>,
    notice: { kind: 'success' | 'error'; text: string } | null = null,
    status = 200,
  ) => {
    const t = messagesFor(request);
    const state = await repos.twoFactor.state(staff.person.id);
    const settings = await loadSiteSettings(repos);
    const full: AccountView = {
      twoFactorEnabled: state.enabled,
      enrolment: view.enrolment ?? null,
      recoveryCodes: view.recoveryCodes ?? null,
      errors: view.errors ?? {},
    };
    const required = settings.requireTwoFactor && !state.enabled;
    return sendNewsroomPage(deps, request, reply, {
      title: t.security,
      current: '/newsroom/account',
      status,
      notice: notice ?? (required ? { kind: 'error', text: t.twoFactorRequired } : null),
      body: <AccountPage t={t} csrf={staff.session.csrfToken} view={full} />,
    });
  };

  app.get('/account', async (request, reply) => show(request, reply, request.staff!, {}));

  app.post('/account/2fa/start', async (request, reply) => {
    checkCsrf(request);
    const staff = request.staff!;
    const settings = await loadSiteSettings(repos);
    const enrolment = await startEnrolment(repos, {
      personId: staff.person.id,
      email: staff.person.email,
      issuer: settings.name,
    });
    return show(request, reply, staff, { enrolment });
  });

  app.post('/account/2fa/confirm', async (request, reply) => {
    checkCsrf(request);
    const staff = request.staff!;
    const t = messagesFor(request);
    const { code } = CodeBody.parse(request.body ?? {});
    const codes = await confirmEnrolment(repos, staff.person.id, code);
    if (!codes) {
      // Show the same secret again so the person can retry without re-scanning.
      const state = await repos.twoFactor.state(staff.person.id);
      const settings = await loadSiteSettings(repos);
      const enrolment =
        state.secret && !state.enabled
          ? await enrolmentFor(state.secret, staff.person.email, settings.name)
          : null;
      return show(request, reply, staff, { enrolment, errors: { code: t.codeInvalid } }, null, 422);
    }
    await audit(deps, request, staff, 'two-factor.enabled');
    return show(
      request,
      reply,
      staff,
      { recoveryCodes: codes },
      { kind: 'success', text: t.twoFactorEnabled },
    );
  });

  app.post('/account/2fa/disable', async (request, reply) => {
    checkCsrf(request);
    const staff = request.staff!;
    const t = messagesFor(request);
    const { password } = DisableBody.parse(request.body ?? {});
    const stored = await repos.people.passwordHash(staff.person.id);
    if (!stored || !(await verifyPassword(stored, password))) {
      return show(request, reply, staff, { errors: { disablePassword: t.wrongPassword } }, null, 422);
    }
    await repos.twoFactor.disable(staff.person.id);
    await audit(deps, request, staff, 'two-factor.disabled');
    return show(request, reply, staff, {}, { kind: 'success', text: t.twoFactorDisabled });
  });

  app.post('/account/password', async (request, reply) => {
    checkCsrf(request);
    const staff = request.staff!;
    const t = messagesFor(request);
    const body = PasswordBody.parse(request.body ?? {});
    const stored = await repos.people.passwordHash(staff.person.id);
    if (!stored || !(await verifyPassword(stored, body.current))) {
      return show(request, reply, staff, { errors: { current: t.wrongPassword } }, null, 422);
    }
    const problem = passwordProblem(body.password, [staff.person.email, staff.person.name]);
    if (problem) {
      return show(
        request,
        reply,
        staff,
        { errors: { password: messages(languageOf(request))[problem] } },
        null,
        422,
      );
    }
    await deps.services.transaction(async (trx) => {
      await trx.people.setPasswordHash(staff.person.id, await hashPassword(body.password));
      await trx.sessions.deleteForPerson(staff.person.id, staff.session.idHash);
    });
    await audit(deps, request, staff, 'password.changed');
    return show(request, reply, staff, {}, { kind: 'success', text: t.passwordChanged });
  });
}

async function audit(
  deps: NewsroomDeps,
  request: FastifyRequest,
  staff: Staff,
  action: string,
): Promise<void> {
  await deps.services.repos.audit.record({
    personId: staff.person.id,
    action,
    targetType: 'person',
    targetId: String(staff.person.id),
    details: {},
    ipHash: await clientIpHash(deps.services, request),
  });
}
