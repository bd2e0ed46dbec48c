// /newsroom/webhooks (admins only): the list, adding, editing, switching off and on, a test ping,
// a new secret, deleting, and each webhook's delivery log with "retry now" for a failed one.
// Every route asks the policy first; a refusal is a 403 and nothing is written.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFound } from '../../../core/errors.ts';
import type { Webhook } from '../../../core/webhooks.ts';
import { loadSiteSettings } from '../../../services/settings.ts';
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
import { authorize, checkCsrf, clientIpHash, type Staff } from '../auth.ts';
import { languageOf, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { webhookMessages } from './messages.ts';
import { attemptNotice, presentDelivery, presentWebhook } from './presenter.ts';
import { DeliveryParams, type Done, PageQuery, WebhookForm, WebhookParams } from './schema.ts';
import { type FormErrors, WebhookListPage, WebhookPage } from './views.tsx';

const LOG_SIZE = 50;
const EMPTY_FORM: WebhookForm = { url: '', description: '', events: [] };

export function registerWebhookRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;
  const { repos } = services;

  /** The signed-in admin; anyone else is refused before anything is read or written. */
  const admin = (request: FastifyRequest): Staff => {
    const staff = request.staff!;
    authorize(staff.person, { kind: 'webhooks.manage' });
    return staff;
  };
  const actor = async (request: FastifyRequest) => {
    checkCsrf(request);
    const staff = admin(request);
    return { person: staff.person, ipHash: await clientIpHash(services, request) };
  };
  const webhookOf = async (params: unknown): Promise<Webhook> => {
    const parsed = WebhookParams.safeParse(params);
    const webhook = parsed.success ? await repos.webhooks.byId(parsed.data.id) : null;
    if (!webhook) throw new NotFound('No such webhook.');
    return webhook;
  };
  const done = (reply: FastifyReply, webhookId: number, what: Done, deliveryId?: number) =>
    reply.redirect(
      `/newsroom/webhooks/${webhookId}?done=${what}${deliveryId ? `&delivery=${deliveryId}` : ''}`,
      303,
    );

  const showList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    form: { values: WebhookForm; errors: FormErrors; status: number },
    notice: string | null = null,
  ) => {
    const staff = admin(request);
    const lang = languageOf(request);
    const t = webhookMessages(lang);
    const { timezone } = await loadSiteSettings(repos);
    const webhooks = await repos.webhooks.list();
    const latest = await repos.webhookDeliveries.latestFor(webhooks.map((w) => w.id));
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
          rows={webhooks.map((w) => presentWebhook(t, w, latest.get(w.id), lang, timezone))}
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
    form: { values: WebhookForm; errors: FormErrors; status: number } | null,
  ) => {
    const staff = admin(request);
    const lang = languageOf(request);
    const t = webhookMessages(lang);
    const { timezone } = await loadSiteSettings(repos);
    const query = PageQuery.parse(request.query ?? {});
    const deliveries = await repos.webhookDeliveries.listForWebhook(webhook.id, LOG_SIZE);
    let notice: { kind: 'success' | 'error'; text: string } | null = null;
    if (form && Object.keys(form.errors).length > 0) notice = { kind: 'error', text: t.fixErrors };
    else if (query.done === 'pinged' || query.done === 'retried') {
      const delivery = query.delivery ? await repos.webhookDeliveries.byId(query.delivery) : null;
      if (delivery?.webhookId === webhook.id) notice = attemptNotice(t, delivery);
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
    const query = PageQuery.parse(request.query ?? {});
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
    const values = WebhookForm.parse(request.body ?? {});
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
    return showWebhook(request, reply, await webhookOf(request.params), null);
  });

  app.post('/webhooks/:id', async (request, reply) => {
    const who = await actor(request);
    const webhook = await webhookOf(request.params);
    const values = WebhookForm.parse(request.body ?? {});
    try {
      await updateWebhook(services, who, webhook.id, values);
      return done(reply, webhook.id, 'saved');
    } catch (err) {
      if (err instanceof WebhookInvalid) {
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
      const webhook = await webhookOf(request.params);
      await setWebhookActive(services, who, webhook.id, active);
      return done(reply, webhook.id, active ? 'enabled' : 'disabled');
    });
  }

  app.post('/webhooks/:id/rotate-secret', async (request, reply) => {
    const who = await actor(request);
    const webhook = await webhookOf(request.params);
    await rotateWebhookSecret(services, who, webhook.id);
    return done(reply, webhook.id, 'rotated');
  });

  app.post('/webhooks/:id/ping', async (request, reply) => {
    const who = await actor(request);
    const webhook = await webhookOf(request.params);
    const report = await pingWebhook(services, who, webhook.id);
    return done(reply, webhook.id, 'pinged', report?.deliveryId);
  });

  app.post('/webhooks/:id/delete', async (request, reply) => {
    const who = await actor(request);
    const webhook = await webhookOf(request.params);
    await deleteWebhook(services, who, webhook.id);
    return reply.redirect('/newsroom/webhooks?done=deleted', 303);
  });

  app.post('/webhooks/:id/deliveries/:deliveryId/retry', async (request, reply) => {
    const who = await actor(request);
    const params = DeliveryParams.safeParse(request.params);
    if (!params.success) throw new NotFound('No such delivery.');
    const report = await retryDelivery(services, who, {
      webhookId: params.data.id,
      deliveryId: params.data.deliveryId,
    });
    return report
      ? done(reply, params.data.id, 'retried', report.deliveryId)
      : done(reply, params.data.id, 'not-retried');
  });
}
