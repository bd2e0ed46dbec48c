// The signed-in person's own security settings: two-step verification and password. Parse the
// form, call the command, show the page again (a refused form keeps its error beside the field).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Invalid } from '../../../core/errors.ts';
import { parseInput } from '../../../core/validation.ts';
import {
  accountSecurity,
  changePassword,
  confirmTwoFactorEnrolment,
  disableTwoFactor,
  pendingEnrolment,
  startTwoFactorEnrolment,
} from '../../../services/auth/account-security.ts';
import { apiTokenMessages } from '../api-tokens/messages.ts';
import { actorOf, checkCsrf } from '../auth.ts';
import { languageOf, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { accountMessages, problemText } from './messages.ts';
import { CodeForm, DisableTwoFactorForm, PasswordForm } from './schema.ts';
import { AccountPage, type AccountView } from './views.tsx';

type Notice = { kind: 'success' | 'error'; text: string } | null;

/** A refusal of the form's own fields (422), re-shown beside them; anything else goes on. */
function refusedFields(err: unknown): Record<string, string> {
  if (err instanceof Invalid && err.status === 422) return err.fields;
  throw err;
}

export function registerAccountRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;

  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    view: Partial<AccountView>,
    notice: Notice = null,
    status = 200,
  ) => {
    const t = accountMessages(languageOf(request));
    const security = await accountSecurity(services, await actorOf(services, request));
    const full: AccountView = {
      twoFactorEnabled: security.twoFactorEnabled,
      enrolment: view.enrolment ?? null,
      recoveryCodes: view.recoveryCodes ?? null,
      errors: view.errors ?? {},
    };
    return sendNewsroomPage(deps, request, reply, {
      title: t.security,
      current: '/newsroom/account',
      status,
      notice: notice ?? (security.twoFactorRequired ? { kind: 'error', text: t.twoFactorRequired } : null),
      body: (
        <AccountPage
          t={t}
          csrf={request.staff!.session.csrfToken}
          view={full}
          tokensLabel={apiTokenMessages(languageOf(request)).tokens}
        />
      ),
    });
  };

  app.get('/account', async (request, reply) => show(request, reply, {}));

  app.post('/account/2fa/start', async (request, reply) => {
    checkCsrf(request);
    const enrolment = await startTwoFactorEnrolment(services, await actorOf(services, request));
    return show(request, reply, { enrolment });
  });

  app.post('/account/2fa/confirm', async (request, reply) => {
    checkCsrf(request);
    const form = parseInput(CodeForm, request.body);
    const actor = await actorOf(services, request);
    const t = accountMessages(languageOf(request));
    try {
      const recoveryCodes = await confirmTwoFactorEnrolment(services, actor, form);
      return show(request, reply, { recoveryCodes }, { kind: 'success', text: t.twoFactorEnabled });
    } catch (err) {
      refusedFields(err);
      // Show the same secret again so the person can retry without re-scanning.
      const enrolment = await pendingEnrolment(services, actor);
      return show(request, reply, { enrolment, errors: { code: t.codeInvalid } }, null, 422);
    }
  });

  app.post('/account/2fa/disable', async (request, reply) => {
    checkCsrf(request);
    const form = parseInput(DisableTwoFactorForm, request.body);
    const actor = await actorOf(services, request);
    const t = accountMessages(languageOf(request));
    try {
      await disableTwoFactor(services, actor, form);
    } catch (err) {
      refusedFields(err);
      return show(request, reply, { errors: { disablePassword: t.wrongPassword } }, null, 422);
    }
    return show(request, reply, {}, { kind: 'success', text: t.twoFactorDisabled });
  });

  app.post('/account/password', async (request, reply) => {
    checkCsrf(request);
    const form = parseInput(PasswordForm, request.body);
    const actor = await actorOf(services, request);
    const lang = languageOf(request);
    try {
      await changePassword(services, actor, { ...form, keepSessionIdHash: request.staff!.session.idHash });
    } catch (err) {
      const fields = refusedFields(err);
      const errors = Object.fromEntries(
        Object.entries(fields).map(([field, key]) => [field, problemText(lang, key)]),
      );
      return show(request, reply, { errors }, null, 422);
    }
    return show(request, reply, {}, { kind: 'success', text: accountMessages(lang).passwordChanged });
  });
}
