// Site settings (admins): name and description, languages, time zone, date display, upload
// limit, comment policy, copy protection, the two-step verification requirement, and the logo.
// Every change is audited with what changed, and announced so cached pages are refreshed.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Invalid } from '../../core/errors.ts';
import { LANGUAGES } from '../../core/types.ts';
import { isPdf } from '../../media/documents.ts';
import { maxUploadBytes, uploadMedia } from '../../services/media-library.ts';
import { loadSiteSettings, type SiteSettings, updateSiteSettings } from '../../services/settings.ts';
import { authorize, checkCsrf, clientIpHash } from './auth.ts';
import { thumbOf, uploadErrorText } from './media/presenter.ts';
import { receiveUpload } from './media/upload.ts';
import { languageOf, messagesFor, type NewsroomDeps, sendNewsroomPage } from './page.ts';
import { settingsMessages } from './settings-messages.ts';
import { LogoForm, SettingsForm } from './views/SettingsPage.tsx';

const checkbox = z.preprocess((v) => v === 'on' || v === '1', z.boolean());
const asList = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export const SettingsBody = z
  .object({
    name: z.string().trim().min(1).max(120),
    tagline: z.string().trim().max(200).default(''),
    description: z.string().trim().max(500).default(''),
    defaultLang: z.enum(LANGUAGES),
    languages: z.preprocess(asList, z.array(z.enum(LANGUAGES)).min(1)),
    timezone: z.string().refine((tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC'),
    dateDisplay: z.enum(['both', 'gregorian', 'hijri']).default('both'),
    maxUploadMB: z.coerce.number().int().min(1).max(1024),
    commentModeration: z.enum(['first-time', 'all', 'none']),
    copyProtection: checkbox.default(false),
    requireTwoFactor: checkbox.default(false),
    feedFullContent: checkbox.default(false),
  })
  .refine((v) => v.languages.includes(v.defaultLang), { path: ['languages'], message: 'missing-default' });

type Editable = Omit<SiteSettings, 'secret' | 'logoMediaId'>;

export function registerSettingsRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { services } = deps;
  const { repos } = services;

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
    const settings = await loadSiteSettings(repos);
    const logo = settings.logoMediaId === null ? null : await repos.media.byId(settings.logoMediaId);
    const csrf = staff.session.csrfToken;
    return sendNewsroomPage(deps, request, reply, {
      title: t.settings,
      current: '/newsroom/settings',
      status: extra.status ?? 200,
      notice: extra.notice ?? null,
      body: (
        <>
          <SettingsForm
            t={t}
            s={s}
            csrf={csrf}
            values={extra.values ?? settings}
            errors={extra.errors ?? {}}
          />
          <LogoForm s={s} csrf={csrf} logo={logo ? thumbOf(logo) : null} error={extra.logoError} />
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
    const staff = request.staff!;
    authorize(staff.person, { kind: 'settings.manage' });
    const t = messagesFor(request);
    const s = settingsMessages(languageOf(request));
    const raw = (request.body ?? {}) as Record<string, unknown>;
    const parsed = SettingsBody.safeParse(raw);
    const current = await loadSiteSettings(repos);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0]);
        errors[field] =
          field === 'languages'
            ? s.languagesMissingDefault
            : field === 'maxUploadMB'
              ? s.maxUploadInvalid
              : t.settingsInvalid;
      }
      return show(request, reply, {
        values: typedValues(current, raw),
        errors,
        notice: { kind: 'error', text: t.settingsInvalid },
        status: 422,
      });
    }
    const next: Editable = parsed.data;
    const changed = (Object.keys(next) as (keyof Editable)[]).filter(
      (k) => JSON.stringify(next[k]) !== JSON.stringify(current[k]),
    );
    const ipHash = await clientIpHash(services, request);
    await services.transaction(async (trx) => {
      await updateSiteSettings(trx, next);
      if (changed.length > 0) {
        await trx.audit.record({
          personId: staff.person.id,
          action: 'settings.changed',
          targetType: 'settings',
          targetId: '',
          details: Object.fromEntries(changed.map((k) => [k, { from: current[k], to: next[k] }])),
          ipHash,
        });
      }
    });
    if (changed.length > 0) await services.events.emit({ type: 'settings', keys: changed });
    return reply.redirect('/newsroom/settings?saved=1', 303);
  });

  const setLogo = async (request: FastifyRequest, logoMediaId: number | null) => {
    const staff = request.staff!;
    const current = await loadSiteSettings(repos);
    const ipHash = await clientIpHash(services, request);
    await services.transaction(async (trx) => {
      await updateSiteSettings(trx, { logoMediaId });
      await trx.audit.record({
        personId: staff.person.id,
        action: 'settings.changed',
        targetType: 'settings',
        targetId: '',
        details: { logoMediaId: { from: current.logoMediaId, to: logoMediaId } },
        ipHash,
      });
    });
    await services.events.emit({ type: 'settings', keys: ['logoMediaId'] });
  };

  // Multipart is parsed only in this scope: the settings form itself stays a plain form.
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { files: 1, parts: 10 } });
    scope.post('/settings/logo', async (request, reply) => {
      authorize(request.staff!.person, { kind: 'settings.manage' });
      const s = settingsMessages(languageOf(request));
      const maxBytes = await maxUploadBytes(repos);
      try {
        const upload = await receiveUpload(request, maxBytes);
        if (isPdf(upload.buffer)) throw new Invalid('Not an image.', { file: 'not_image' });
        const settings = await loadSiteSettings(repos);
        const media = await uploadMedia(services, {
          buffer: upload.buffer,
          text: { alt: settings.name, caption: '', credit: '' },
        });
        await setLogo(request, media.id);
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
      authorize(request.staff!.person, { kind: 'settings.manage' });
      await setLogo(request, null);
      return reply.redirect('/newsroom/settings?saved=1', 303);
    });
  });
}

/** What the admin typed, over the stored settings, so a refused form comes back as they left it. */
function typedValues(current: SiteSettings, raw: Record<string, unknown>): SiteSettings {
  const typed: Record<string, unknown> = { ...current };
  for (const [k, v] of Object.entries(raw)) {
    if (k === '_csrf') continue;
    if (typeof v === 'string') typed[k] = v;
  }
  typed.languages = asList(raw.languages).filter((l): l is string => typeof l === 'string');
  for (const box of ['copyProtection', 'requireTwoFactor', 'feedFullContent']) typed[box] = raw[box] === 'on';
  return typed as SiteSettings;
}
