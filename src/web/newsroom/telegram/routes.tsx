// /newsroom/settings/telegram (admins): each language's Telegram channel. Saving asks Telegram
// first (services/telegram/manage.ts); a refusal comes back as the form with the reason in the
// newsroom's language (422), the channel as typed and the token field empty.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotFound } from '../../../core/errors.ts';
import type { Lang } from '../../../core/types.ts';
import { parseInput } from '../../../core/validation.ts';
import {
  removeTelegramChannel,
  saveTelegramChannel,
  TelegramInvalid,
  telegramSettings,
} from '../../../services/telegram/manage.ts';
import { actorOf, authorize, checkCsrf } from '../auth.ts';
import { languageOf, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { telegramMessages } from './messages.ts';
import { TelegramForm, TelegramParams, TelegramQuery } from './schema.ts';
import { TelegramPage } from './views.tsx';

function langParam(params: unknown): Lang {
  const parsed = TelegramParams.safeParse(params);
  if (!parsed.success) throw new NotFound('No such channel.');
  return parsed.data.lang;
}

export function registerTelegramRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;

  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: {
      typed?: { lang: Lang; chatId: string };
      errors?: Record<string, string>;
      notice?: { kind: 'success' | 'error'; text: string } | null;
      status?: number;
    } = {},
  ) => {
    const staff = request.staff!;
    const t = telegramMessages(languageOf(request));
    const channels = await telegramSettings(services, staff.person);
    return sendNewsroomPage(deps, request, reply, {
      title: t.title,
      current: '/newsroom/settings',
      status: extra.status ?? 200,
      notice: extra.notice ?? null,
      body: (
        <TelegramPage
          t={t}
          csrf={staff.session.csrfToken}
          channels={channels}
          typed={extra.typed ?? null}
          errors={extra.errors ?? {}}
        />
      ),
    });
  };

  app.get('/settings/telegram', async (request, reply) => {
    authorize(request.staff!.person, { kind: 'settings.manage' });
    const t = telegramMessages(languageOf(request));
    const { done } = parseInput(TelegramQuery, request.query);
    return show(request, reply, {
      notice: done ? { kind: 'success', text: done === 'saved' ? t.saved : t.removed } : null,
    });
  });

  app.post('/settings/telegram/:lang', async (request, reply) => {
    checkCsrf(request);
    authorize(request.staff!.person, { kind: 'settings.manage' });
    const lang = langParam(request.params);
    const form = parseInput(TelegramForm, request.body);
    try {
      await saveTelegramChannel(services, await actorOf(services, request), { lang, ...form });
    } catch (err) {
      if (!(err instanceof TelegramInvalid)) throw err;
      const t = telegramMessages(languageOf(request));
      const errors: Record<string, string> = {};
      for (const [field, code] of Object.entries(err.problems)) errors[field] = t[code];
      return show(request, reply, {
        typed: { lang, chatId: form.chatId },
        errors,
        notice: { kind: 'error', text: errors.form ?? t.fixErrors },
        status: 422,
      });
    }
    return reply.redirect(`/newsroom/settings/telegram?done=saved#telegram-${lang}`, 303);
  });

  app.post('/settings/telegram/:lang/remove', async (request, reply) => {
    checkCsrf(request);
    const lang = langParam(request.params);
    await removeTelegramChannel(services, await actorOf(services, request), { lang });
    return reply.redirect('/newsroom/settings/telegram?done=removed', 303);
  });
}
