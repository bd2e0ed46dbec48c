// Site settings (admins): name and description, time zone, comment policy, copy protection,
// and the two-step verification requirement. Every change is audited with what changed.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LANGUAGES } from '../../core/types.ts';
import { loadSiteSettings, type SiteSettings, updateSiteSettings } from '../../services/settings.ts';
import { authorize, checkCsrf, clientIpHash } from './auth.ts';
import { messagesFor, type NewsroomDeps, sendNewsroomPage } from './page.ts';
import { SettingsForm } from './views/SettingsPage.tsx';

const checkbox = z.preprocess((v) => v === 'on' || v === '1', z.boolean());

export const SettingsBody = z.object({
  name: z.string().trim().min(1).max(120),
  tagline: z.string().trim().max(200).default(''),
  description: z.string().trim().max(500).default(''),
  defaultLang: z.enum(LANGUAGES),
  timezone: z.string().refine((tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC'),
  commentModeration: z.enum(['first-time', 'all', 'none']),
  copyProtection: checkbox.default(false),
  requireTwoFactor: checkbox.default(false),
  feedFullContent: checkbox.default(false),
});

type Editable = Pick<
  SiteSettings,
  | 'name'
  | 'tagline'
  | 'description'
  | 'defaultLang'
  | 'timezone'
  | 'commentModeration'
  | 'copyProtection'
  | 'requireTwoFactor'
  | 'feedFullContent'
>;

export function registerSettingsRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  const { repos } = deps.services;

  app.get('/settings', async (request, reply) => {
    const staff = request.staff!;
    authorize(staff.person, { kind: 'settings.manage' });
    const t = messagesFor(request);
    const settings = await loadSiteSettings(repos);
    const saved = (request.query as Record<string, unknown>).saved === '1';
    return sendNewsroomPage(deps, request, reply, {
      title: t.settings,
      current: '/newsroom/settings',
      notice: saved ? { kind: 'success', text: t.settingsSaved } : null,
      body: <SettingsForm t={t} csrf={staff.session.csrfToken} values={settings} errors={{}} />,
    });
  });

  app.post('/settings', async (request, reply) => {
    checkCsrf(request);
    const staff = request.staff!;
    authorize(staff.person, { kind: 'settings.manage' });
    const t = messagesFor(request);
    const raw = (request.body ?? {}) as Record<string, unknown>;
    const parsed = SettingsBody.safeParse(raw);
    const current = await loadSiteSettings(repos);
    if (!parsed.success) {
      const errors: Record<string, string> = {};
      for (const issue of parsed.error.issues) errors[String(issue.path[0])] = t.settingsInvalid;
      const typed = { ...current, ...pickStrings(raw) } as SiteSettings;
      return sendNewsroomPage(deps, request, reply, {
        title: t.settings,
        current: '/newsroom/settings',
        status: 422,
        notice: { kind: 'error', text: t.settingsInvalid },
        body: <SettingsForm t={t} csrf={staff.session.csrfToken} values={typed} errors={errors} />,
      });
    }
    const next: Editable = parsed.data;
    const changed = (Object.keys(next) as (keyof Editable)[]).filter((k) => next[k] !== current[k]);
    const ipHash = await clientIpHash(deps.services, request);
    await deps.services.transaction(async (trx) => {
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
    if (changed.length > 0) await deps.services.events.emit({ type: 'settings', keys: changed });
    return reply.redirect('/newsroom/settings?saved=1', 303);
  });
}

function pickStrings(raw: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(raw)) if (typeof v === 'string' && k !== '_csrf') out[k] = v;
  return out;
}
