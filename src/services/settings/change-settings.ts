// Site settings (admins): name and description, languages, time zone, date display, upload limit,
// comment policy, copy protection, readership counting, the two-step verification requirement,
// and the logo. Every
// change is audited with what changed and announced after commit, so cached pages are refreshed.
import { z } from 'zod';
import { Invalid } from '../../core/errors.ts';
import { authorize } from '../../core/policies/index.ts';
import { isInterfaceLang } from '../../core/languages/choices.ts';
import { LANGUAGES } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import { isPdf } from '../../media/documents.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';
import { ingestUpload } from '../media/upload-media.ts';
import { furtherEditions, loadSiteSettings, type SiteSettings, updateSiteSettings } from '../settings.ts';

/** The shape of a settings change as any caller gives it; the rules below decide what may be kept. */
export const ChangeSettingsInput = z.object({
  name: z.string(),
  tagline: z.string().default(''),
  description: z.string().default(''),
  defaultLang: z.string(),
  languages: z.array(z.string()).max(20),
  timezone: z.string(),
  dateDisplay: z.string().default('both'),
  /** A number that is not one (NaN) is refused by the rules, as any out-of-range limit is. */
  maxUploadMB: z.union([z.number(), z.nan()]),
  /** Absent (an older form, another caller): the stored limit stays. */
  maxAudioVideoMB: z.union([z.number(), z.nan()]).optional(),
  commentModeration: z.string(),
  copyProtection: z.boolean().default(false),
  requireTwoFactor: z.boolean().default(false),
  feedFullContent: z.boolean().default(false),
  /** Counting page views; on unless a caller turns it off (the form sends its checkbox). */
  readership: z.boolean().default(true),
  /** Articles a reader's device keeps for offline reading; NaN (not a number) is refused by the rules. */
  offlineArticles: z.union([z.number(), z.nan()]).default(30),
});
export type ChangeSettingsInput = z.input<typeof ChangeSettingsInput>;

const SettingsRules = z
  .object({
    name: z.string().trim().min(1).max(120),
    tagline: z.string().trim().max(200),
    description: z.string().trim().max(500),
    /** ar/fr/en, or a further edition the site has (checked against the stored settings below). */
    defaultLang: z.string().min(2).max(35),
    /** The ar/fr/en editions published; none when the main edition is a further one (Persian only). */
    languages: z.array(z.enum(LANGUAGES)),
    timezone: z.string().refine((tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC'),
    dateDisplay: z.enum(['both', 'gregorian', 'hijri']),
    maxUploadMB: z.number().int().min(1).max(1024),
    maxAudioVideoMB: z.number().int().min(1).max(4096).optional(),
    commentModeration: z.enum(['first-time', 'all', 'none']),
    copyProtection: z.boolean(),
    requireTwoFactor: z.boolean(),
    feedFullContent: z.boolean(),
    readership: z.boolean(),
    offlineArticles: z.number().int().min(1).max(500),
  })
  .refine((v) => !isInterfaceLang(v.defaultLang) || v.languages.includes(v.defaultLang), {
    path: ['languages'],
    message: 'missing_default',
  });

// Content languages have their own command (content-languages.ts): switching one off is checked.
type Editable = Omit<SiteSettings, 'secret' | 'logoMediaId' | 'contentLanguages'>;

/** The rules' refusal as an `Invalid` naming each field: `missing_default` or `invalid`. */
function refusal(error: z.ZodError): Invalid {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0]);
    fields[field] ??=
      issue.code === 'custom' && issue.message === 'missing_default' ? 'missing_default' : 'invalid';
  }
  return new Invalid(`The settings break a rule (${Object.keys(fields).join(', ')}).`, fields);
}

/** Saves the settings form; returns the keys that changed (none: nothing is audited or announced). */
export async function changeSiteSettings(
  services: Services,
  actor: Actor,
  input: ChangeSettingsInput,
): Promise<(keyof Editable)[]> {
  authorize(actor.person, { kind: 'settings.manage' });
  const checked = SettingsRules.safeParse(parseInput(ChangeSettingsInput, input));
  if (!checked.success) throw refusal(checked.error);
  const data = checked.data;
  // Compared with what the transaction reads, so the audit row says what this change replaced.
  const changed = await services.transaction(async (trx) => {
    const current = await loadSiteSettings(trx);
    // A further language is the main one only while it has an edition of its own.
    if (!isInterfaceLang(data.defaultLang) && !furtherEditions(current).includes(data.defaultLang))
      throw new Invalid(`The site has no "${data.defaultLang}" edition to make its main one.`, {
        defaultLang: 'invalid',
      });
    const next: Editable = { ...data, maxAudioVideoMB: data.maxAudioVideoMB ?? current.maxAudioVideoMB };
    const keys = (Object.keys(next) as (keyof Editable)[]).filter(
      (k) => JSON.stringify(next[k]) !== JSON.stringify(current[k]),
    );
    await updateSiteSettings(trx, next);
    if (keys.length > 0) {
      await recordAudit(trx, actor, {
        action: 'settings.changed',
        targetType: 'settings',
        targetId: '',
        details: Object.fromEntries(keys.map((k) => [k, { from: current[k], to: next[k] }])),
      });
    }
    return keys;
  });
  if (changed.length > 0) await services.events.emit({ type: 'settings', keys: changed });
  return changed;
}

async function writeLogo(services: Services, actor: Actor, logoMediaId: number | null): Promise<void> {
  await services.transaction(async (trx) => {
    const current = await loadSiteSettings(trx);
    await updateSiteSettings(trx, { logoMediaId });
    await recordAudit(trx, actor, {
      action: 'settings.changed',
      targetType: 'settings',
      targetId: '',
      details: { logoMediaId: { from: current.logoMediaId, to: logoMediaId } },
    });
  });
  await services.events.emit({ type: 'settings', keys: ['logoMediaId'] });
}

export const SetLogoInput = z.object({ buffer: z.instanceof(Buffer) });
export type SetLogoInput = z.input<typeof SetLogoInput>;

/**
 * Makes an uploaded image the site's logo. The image joins the media library first (ingest
 * writes its files and row itself); a refused upload leaves the logo as it was.
 */
export async function setSiteLogo(services: Services, actor: Actor, input: SetLogoInput): Promise<number> {
  authorize(actor.person, { kind: 'settings.manage' });
  const { buffer } = parseInput(SetLogoInput, input);
  if (isPdf(buffer)) throw new Invalid('Not an image.', { file: 'not_image' });
  const { name } = await loadSiteSettings(services.repos);
  const media = await ingestUpload(services, { buffer, text: { alt: name, caption: '', credit: '' } });
  await writeLogo(services, actor, media.id);
  return media.id;
}

/** The site shows its name alone again; the image stays in the media library. */
export async function removeSiteLogo(services: Services, actor: Actor): Promise<void> {
  authorize(actor.person, { kind: 'settings.manage' });
  await writeLogo(services, actor, null);
}
