// /newsroom/webhooks (admins only): the list, adding, editing, switching off and on, a test ping,
// a new secret, deleting, and each webhook's delivery log with "retry now" for a failed one.
// Routes parse the request, call a command or a query (services/webhooks/) and render; the
// commands ask the policy first, so a refusal is a 403 and nothing is written.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFound } from '../../../core/errors.ts';
import { parseInput } from '../../../core/validation.ts';
import type { Webhook } from '../../../core/webhooks.ts';
import { siteSettings } from '../../../services/settings.ts';
import {
  createWebhook,
  deleteWebhook,
  pingWebhook,
  retryDelivery,
  rotateWebhookSecret,
  setWebhookActive,
  updateWebhook,
  WebhookInvalid,
} from '../../../services/webhooks/manage.ts';
import { deliveryLog, deliveryOf, listWebhooks, webhookById } from '../../../services/webhooks/queries.ts';
import { actorOf, authorize, checkCsrf, type Staff } from '../auth.ts';
import { languageOf, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { idParam } from '../params.ts';
import { webhookMessages } from './messages.ts';
import { attemptNotice, presentDelivery, presentWebhook } from './presenter.ts';
import { DeliveryParams, type Done, PageQuery, WebhookForm, WebhookParams } from './schema.ts';
import { type FormErrors, WebhookListPage, WebhookPage } from './views.tsx';

const LOG_SIZE = 50;
const EMPTY_FORM: WebhookForm = { url: '', description: '', events: [] };

interface FormState {
  values: WebhookForm;
  errors: FormErrors;
  status: number;
}

export function registerWebhookRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;

  /** The signed-in admin; anyone else is refused before anything is read. */
  const admin = (request: FastifyRequest): Staff => {
    const staff = request.staff!;
    authorize(staff.person, { kind: 'webhooks.manage' });
    return staff;
  };
  /** The acting admin of a POST, once its form token is checked. */
  const actor = (request: FastifyRequest) => {
    checkCsrf(request);
    return actorOf(services, request);
  };
  const done = (reply: FastifyReply, webhookId: number, what: Done, deliveryId?: number) =>
    reply.redirect(
      `/newsroom/webhooks/${webhookId}?done=${what}${deliveryId ? `&delivery=${deliveryId}` : ''}`,
      303,
    );

  const showList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: FormState,
    notice: string | null = null,
  ) => {
    const staff = admin(request);
    const lang = languageOf(request);
    const t = webhookMessages(lang);
    const [{ timezone }, summaries] = await Promise.all([siteSettings(services), listWebhooks(services)]);
    const invalid = Object.keys(form.errors).length > 0;
    return sendNewsroomPage(deps, request, reply, {
      title: t.webhooks,
      current: '/newsroom/webhooks',
      status: form.status,
      notice: invalid
        ? { kind: 'error', text: t.fixErrors }
        : notice
          ? { kind: 'success', text: notice }
          : null,
      body: (
        <WebhookListPage
          t={t}
          csrf={staff.session.csrfToken}
          rows={summaries.map((s) => presentWebhook(t, s.webhook, s.last, lang, timezone))}
          values={form.values}
          errors={form.errors}
        />
      ),
    });
  };

  const showWebhook = async (
    request: FastifyRequest,
    reply: FastifyReply,
    webhook: Webhook,
    form: FormState | null,
  ) => {
    const staff = admin(request);
    const lang = languageOf(request);
    const t = webhookMessages(lang);
    const query = parseInput(PageQuery, request.query);
    const [{ timezone }, deliveries] = await Promise.all([
      siteSettings(services),
      deliveryLog(services, webhook.id, LOG_SIZE),
    ]);
    let notice: { kind: 'success' | 'error'; text: string } | null = null;
    if (form && Object.keys(form.errors).length > 0) notice = { kind: 'error', text: t.fixErrors };
    else if (query.done === 'pinged' || query.done === 'retried') {
      const delivery = query.delivery ? await deliveryOf(services, webhook.id, query.delivery) : null;
      if (delivery) notice = attemptNotice(t, delivery);
    } else if (query.done === 'not-retried') notice = { kind: 'error', text: t.alreadyHandled };
    else if (query.done && query.done !== 'deleted')
      notice = { kind: 'success', text: t[`done_${query.done}`] };
    return sendNewsroomPage(deps, request, reply, {
      title: webhook.description || webhook.url,
      current: '/newsroom/webhooks',
      status: form?.status ?? 200,
      notice,
      body: (
        <WebhookPage
          t={t}
          csrf={staff.session.csrfToken}
          webhook={presentWebhook(t, webhook, deliveries[0], lang, timezone)}
          secret={webhook.secret}
          deliveries={deliveries.map((d) => presentDelivery(t, d, lang, timezone))}
          values={
            form?.values ?? { url: webhook.url, description: webhook.description, events: webhook.events }
          }
          errors={form?.errors ?? {}}
          revealSecret={query.done === 'created' || query.done === 'rotated'}
        />
      ),
    });
  };

  app.get('/webhooks', async (request, reply) => {
    admin(request);
    const query = parseInput(PageQuery, request.query);
    const t = webhookMessages(languageOf(request));
    return showList(
      request,
      reply,
      { values: EMPTY_FORM, errors: {}, status: 200 },
      query.done === 'deleted' ? t.done_deleted : null,
    );
  });

  app.post('/webhooks', async (request, reply) => {
    const who = await actor(request);
    const values = parseInput(WebhookForm, request.body);
    try {
      const webhook = await createWebhook(services, who, values);
      return done(reply, webhook.id, 'created');
    } catch (err) {
      if (err instanceof WebhookInvalid)
        return showList(request, reply, { values, errors: err.errors, status: 422 });
      throw err;
    }
  });

  app.get('/webhooks/:id', async (request, reply) => {
    admin(request);
    const webhook = await webhookById(services, idParam(WebhookParams, request.params));
    return showWebhook(request, reply, webhook, null);
  });

  app.post('/webhooks/:id', async (request, reply) => {
    const who = await actor(request);
    const webhookId = idParam(WebhookParams, request.params);
    const values = parseInput(WebhookForm, request.body);
    try {
      await updateWebhook(services, who, { webhookId, ...values });
      return done(reply, webhookId, 'saved');
    } catch (err) {
      if (err instanceof WebhookInvalid) {
        const webhook = await webhookById(services, webhookId);
        return showWebhook(request, reply, webhook, { values, errors: err.errors, status: 422 });
      }
      throw err;
    }
  });

  for (const [path, active] of [
    ['enable', true],
    ['disable', false],
  ] as const) {
    app.post(`/webhooks/:id/${path}`, async (request, reply) => {
      const who = await actor(request);
      const webhookId = idParam(WebhookParams, request.params);
      await setWebhookActive(services, who, { webhookId, active });
      return done(reply, webhookId, active ? 'enabled' : 'disabled');
    });
  }

  app.post('/webhooks/:id/rotate-secret', async (request, reply) => {
    const who = await actor(request);
    const webhookId = idParam(WebhookParams, request.params);
    await rotateWebhookSecret(services, who, { webhookId });
    return done(reply, webhookId, 'rotated');
  });

  app.post('/webhooks/:id/ping', async (request, reply) => {
    const who = await actor(request);
    const webhookId = idParam(WebhookParams, request.params);
    const report = await pingWebhook(services, who, { webhookId });
    return done(reply, webhookId, 'pinged', report?.deliveryId);
  });

  app.post('/webhooks/:id/delete', async (request, reply) => {
    const who = await actor(request);
    const webhookId = idParam(WebhookParams, request.params);
    await deleteWebhook(services, who, { webhookId });
    return reply.redirect('/newsroom/webhooks?done=deleted', 303);
  });

  app.post('/webhooks/:id/deliveries/:deliveryId/retry', async (request, reply) => {
    const who = await actor(request);
    const params = DeliveryParams.safeParse(request.params);
    if (!params.success) throw new NotFound('No such delivery.');
    const { id: webhookId, deliveryId } = params.data;
    const report = await retryDelivery(services, who, { webhookId, deliveryId });
    return report
      ? done(reply, webhookId, 'retried', report.deliveryId)
      : done(reply, webhookId, 'not-retried');
  });
}
