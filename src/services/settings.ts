// Site settings with their defaults. Stored as JSON values under dotted keys; read as one
// typed object so a missing or malformed value never reaches a page.
import { z } from 'zod';
import { LANGUAGES } from '../core/types.ts';
import type { Repositories } from '../db/repositories/contract.ts';

export const SiteSettings = z.object({
  name: z.string().min(1).catch('مداد'),
  tagline: z.string().catch(''),
  description: z.string().catch(''),
  defaultLang: z.enum(LANGUAGES).catch('ar'),
  timezone: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    })
    .catch('Africa/Bamako'),
  copyProtection: z.boolean().catch(false),
  /** first-time: hold a comment unless its author already has an approved one. */
  commentModeration: z.enum(['first-time', 'all', 'none']).catch('first-time'),
  secret: z.string().min(32).catch(''),
  /** Staff without two-step verification are sent to enrol before anything else. */
  requireTwoFactor: z.boolean().catch(false),
  /** Feeds carry whole article bodies (true) or only a summary with a link to the page. */
  feedFullContent: z.boolean().catch(true),
});
export type SiteSettings = z.infer<typeof SiteSettings>;

const KEYS: Record<keyof SiteSettings, string> = {
  name: 'site.name',
  tagline: 'site.tagline',
  description: 'site.description',
  defaultLang: 'site.defaultLang',
  timezone: 'site.timezone',
  copyProtection: 'copyProtection.enabled',
  commentModeration: 'comments.moderation',
  secret: 'site.secret',
  requireTwoFactor: 'security.requireTwoFactor',
  feedFullContent: 'feeds.fullContent',
};

export async function loadSiteSettings(repos: Pick<Repositories, 'settings'>): Promise<SiteSettings> {
  const stored = await repos.settings.getAll();
  const raw: Record<string, unknown> = {};
  for (const [field, key] of Object.entries(KEYS)) raw[field] = stored[key];
  return SiteSettings.parse(raw);
}

export async function updateSiteSettings(
  repos: Pick<Repositories, 'settings'>,
  patch: Partial<SiteSettings>,
): Promise<void> {
  const values: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(patch)) {
    const key = KEYS[field as keyof SiteSettings];
    if (key && value !== undefined) values[key] = value;
  }
  await repos.settings.setMany(values);
}
