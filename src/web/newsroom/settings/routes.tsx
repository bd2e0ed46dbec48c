// Site settings (admins): parse the form, call the command, show the page again. A refused
// settings form comes back as the admin typed it (422); a refused logo with the reason.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Invalid } from '../../../core/errors.ts';
import { parseInput } from '../../../core/validation.ts';
import { uploadLimitBytes } from '../../../services/media/queries.ts';
import { type SiteSettings, siteSettings } from '../../../services/settings.ts';
import {
  changeSiteSettings,
  removeSiteLogo,
  setSiteLogo,
} from '../../../services/settings/change-settings.ts';
import { settingsPageData } from '../../../services/settings/queries.ts';
import { actorOf, authorize, checkCsrf } from '../auth.ts';
import { thumbOf, uploadErrorText } from '../media/presenter.ts';
import { receiveUpload } from '../media/upload.ts';
import { languageOf, messagesFor, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { settingsMessages } from './messages.ts';
import { SettingsForm } from './schema.ts';
import { LogoForm, SettingsForm as SettingsFormView } from './views.tsx';
import { telegramMessages } from '../telegram/messages.ts';
import { TelegramSettingsLink } from '../telegram/views.tsx';
import { languagesMessages } from '../languages/messages.ts';
import { LanguagesSettingsLink } from '../languages/views.tsx';

export function registerSettingsRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;

  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: {
      values?: SiteSettings;
      errors?: Record<string, string>;
      notice?: { kind: 'success' | 'error'; text: string } | null;
      logoError?: string;
      status?: number;
    } = {},
  ) => {
    const staff = request.staff!;
    const t = messagesFor(request);
    const s = settingsMessages(languageOf(request));
    const { settings, logo } = await settingsPageData(services);
    const csrf = staff.session.csrfToken;
    return sendNewsroomPage(deps, request, reply, {
      title: t.settings,
      current: '/newsroom/settings',
      status: extra.status ?? 200,
      notice: extra.notice ?? null,
      body: (
        <>
          <SettingsFormView
            t={t}
            s={s}
            csrf={csrf}
            values={extra.values ?? settings}
            errors={extra.errors ?? {}}
          />
          <LogoForm s={s} csrf={csrf} logo={logo ? thumbOf(logo) : null} error={extra.logoError} />
          <TelegramSettingsLink t={telegramMessages(languageOf(request))} />
          <LanguagesSettingsLink t={languagesMessages(languageOf(request))} />
        </>
      ),
    });
  };

  app.get('/settings', async (request, reply) => {
    authorize(request.staff!.person, { kind: 'settings.manage' });
    const t = messagesFor(request);
    const s = settingsMessages(languageOf(request));
    const q = request.query as Record<string, unknown>;
    const notice =
      q.saved === '1'
        ? { kind: 'success' as const, text: t.settingsSaved }
        : q.logo === '1'
          ? { kind: 'success' as const, text: s.logoSaved }
          : null;
    return show(request, reply, { notice });
  });

  app.post('/settings', async (request, reply) => {
    checkCsrf(request);
    const form = parseInput(SettingsForm, request.body);
    const actor = await actorOf(services, request);
    try {
      await changeSiteSettings(services, actor, {
        ...form,
        maxUploadMB: Number(form.maxUploadMB),
        maxAudioVideoMB: form.maxAudioVideoMB === undefined ? undefined : Number(form.maxAudioVideoMB),
        // An older form without the field keeps the stored limit.
        offlineArticles:
          form.offlineArticles === undefined
            ? (await siteSettings(services)).offlineArticles
            : Number(form.offlineArticles),
      });
    } catch (err) {
      if (!(err instanceof Invalid && err.status === 422)) throw err;
      const t = messagesFor(request);
      const s = settingsMessages(languageOf(request));
      const errors: Record<string, string> = {};
      for (const field of Object.keys(err.fields)) {
        errors[field] =
          field === 'languages'
            ? s.languagesMissingDefault
            : field === 'maxUploadMB'
              ? s.maxUploadInvalid
              : field === 'maxAudioVideoMB'
                ? s.maxAvUploadInvalid
                : field === 'offlineArticles'
                  ? s.offlineArticlesInvalid
                  : t.settingsInvalid;
      }
      return show(request, reply, {
        values: typedValues(await siteSettings(services), form),
        errors,
        notice: { kind: 'error', text: t.settingsInvalid },
        status: 422,
      });
    }
    return reply.redirect('/newsroom/settings?saved=1', 303);
  });

  // Multipart is parsed only in this scope: the settings form itself stays a plain form.
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { files: 1, parts: 10 } });
    scope.post('/settings/logo', async (request, reply) => {
      // Refused before the upload is read: only admins may send one here.
      authorize(request.staff!.person, { kind: 'settings.manage' });
      const s = settingsMessages(languageOf(request));
      const maxBytes = await uploadLimitBytes(services);
      try {
        const upload = await receiveUpload(request, maxBytes);
        await setSiteLogo(services, await actorOf(services, request), { buffer: upload.buffer });
      } catch (err) {
        if (err instanceof Invalid && err.fields.file === 'not_image') {
          return show(request, reply, { logoError: s.logoNotImage, status: 422 });
        }
        const text = uploadErrorText(err, messagesFor(request), maxBytes);
        if (text === null || !(err instanceof Invalid)) throw err;
        return show(request, reply, { logoError: text, status: err.fields.file === 'too_large' ? 413 : 422 });
      }
      return reply.redirect('/newsroom/settings?logo=1', 303);
    });
    scope.post('/settings/logo/remove', async (request, reply) => {
      checkCsrf(request);
      await removeSiteLogo(services, await actorOf(services, request));
      return reply.redirect('/newsroom/settings?saved=1', 303);
    });
  });
}

/** What the admin typed, over the stored settings, so a refused form comes back as they left it. */
function typedValues(current: SiteSettings, form: SettingsForm): SiteSettings {
  const typed: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(form))
    if (typeof v === 'string' || typeof v === 'boolean') typed[k] = v;
  typed.languages = form.languages;
  return typed as SiteSettings;
}
