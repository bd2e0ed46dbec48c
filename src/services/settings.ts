// Site settings with their defaults. Stored as JSON values under dotted keys; read as one
// typed object so a missing or malformed value never reaches a page.
import { z } from 'zod';
import { type Edition, LANGUAGES, type Lang } from '../core/types.ts';
import type { SiteLanguage } from '../core/languages/choices.ts';
import type { Repositories } from '../db/repositories/contract.ts';

export const SiteSettings = z.object({
  name: z.string().min(1).catch('مداد'),
  tagline: z.string().catch(''),
  description: z.string().catch(''),
  /** The main edition: ar/fr/en, or a further edition (checked when saved, settings/change-settings.ts). */
  defaultLang: z.string().min(2).max(35).catch('ar'),
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
  /** The languages the reader site publishes in; pages of the others answer 404. */
  // Empty when the main edition is a further one and none of ar/fr/en is published.
  languages: z
    .array(z.enum(LANGUAGES))
    .transform((ls) => LANGUAGES.filter((l) => ls.includes(l)))
    .catch([...LANGUAGES]),
  /**
   * The languages articles are written in (BCP 47, Arabic first by default), each with the
   * interface language its pages fall back to; empty means the served editions themselves.
   */
  contentLanguages: z
    .array(
      z.object({
        tag: z.string().min(2).max(35),
        fallback: z.enum(LANGUAGES),
        /**
         * The language has an edition of its own (its URL prefix, dates, direction, and the
         * interface text of its catalogue with `fallback` for the strings it lacks). Without
         * one, its articles are published in the `fallback` edition. Ignored for ar/fr/en,
         * whose editions `languages` switches.
         */
        edition: z.boolean().optional().catch(undefined),
      }),
    )
    .catch([]),
  /** Which calendars article dates show in: both side by side, or one of them. */
  dateDisplay: z.enum(['both', 'gregorian', 'hijri']).catch('both'),
  /** The site's logo from the media library, shown in the header and given to search engines. */
  logoMediaId: z.number().int().positive().nullable().catch(null),
  /** Largest upload accepted, in megabytes. */
  maxUploadMB: z.number().int().min(1).max(1024).catch(20),
  /** Largest audio or video file accepted, in megabytes (services/media/queries.ts reads it too). */
  maxAudioVideoMB: z.number().int().min(1).max(4096).catch(200),
  /** Count page views (no cookie, no personal data) for the most-read list and the newsroom's figures. */
  readership: z.boolean().catch(true),
  /** How many articles a reader's device keeps for offline reading (the service worker's limit). */
  offlineArticles: z.number().int().min(1).max(500).catch(30),
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
  languages: 'site.languages',
  contentLanguages: 'site.contentLanguages',
  dateDisplay: 'dates.display',
  logoMediaId: 'site.logoMediaId',
  maxUploadMB: 'media.maxUploadMB',
  maxAudioVideoMB: 'media.maxAudioVideoMB',
  readership: 'readership.enabled',
  offlineArticles: 'offline.articles',
};

type EditionSettings = Pick<SiteSettings, 'languages' | 'defaultLang' | 'contentLanguages'>;

/**
 * The editions a site publishes: its chosen ones of ar/fr/en and always its main language, then
 * every further language given an edition of its own, in the order the admin listed them.
 */
export function servedLanguages(settings: EditionSettings): Edition[] {
  const builtIn: Edition[] = LANGUAGES.filter(
    (l) => settings.languages.includes(l) || l === settings.defaultLang,
  );
  return [...builtIn, ...furtherEditions(settings)];
}

/** The editions among ar/fr/en the site publishes (newsletters and Telegram channels are set per each). */
export function builtInEditions(settings: Pick<SiteSettings, 'languages' | 'defaultLang'>): Lang[] {
  return LANGUAGES.filter((l) => settings.languages.includes(l) || l === settings.defaultLang);
}

/**
 * Every edition an article may be in: ar/fr/en (whether published or not, as articles always
 * could be) and the further editions switched on.
 */
export function siteEditions(settings: Pick<SiteSettings, 'contentLanguages'>): Edition[] {
  return [...LANGUAGES, ...furtherEditions(settings)];
}

/** The further languages (beyond ar/fr/en) that have an edition of their own. */
export function furtherEditions(settings: Pick<SiteSettings, 'contentLanguages'>): Edition[] {
  return settings.contentLanguages
    .filter((l) => l.edition && !(LANGUAGES as readonly string[]).includes(l.tag))
    .map((l) => l.tag);
}

/** The interface language an edition's words come from: itself, or the further language's fallback. */
export function interfaceOf(settings: Pick<SiteSettings, 'contentLanguages'>, edition: Edition): Lang {
  if ((LANGUAGES as readonly string[]).includes(edition)) return edition as Lang;
  return settings.contentLanguages.find((l) => l.tag === edition)?.fallback ?? 'en';
}

/** The languages articles may be written in, each with its interface fallback (see core/languages). */
export function siteLanguages(settings: EditionSettings): SiteLanguage[] {
  if (settings.contentLanguages.length > 0) return settings.contentLanguages;
  return servedLanguages(settings).map((l) => ({ tag: l, fallback: l as Lang, edition: true }));
}

/** The site's settings, for the web layer (which reaches the database only through services). */
export function siteSettings(services: { repos: Pick<Repositories, 'settings'> }): Promise<SiteSettings> {
  return loadSiteSettings(services.repos);
}

/**
 * Every reader page reads the settings; checking them against the schema cost more than the
 * query. The rows are read each time (another process may have changed them), and parsed only
 * when their stored text differs from the last read of the same repository. The result is
 * frozen because it is shared.
 */
const lastParsed = new WeakMap<object, { fingerprint: string; settings: SiteSettings }>();

export async function loadSiteSettings(repos: Pick<Repositories, 'settings'>): Promise<SiteSettings> {
  const rows = await repos.settings.getAllStored();
  let fingerprint = '';
  for (const row of rows) fingerprint += `${row.key}\u0000${row.value}\u0001`;
  const known = lastParsed.get(repos.settings);
  if (known?.fingerprint === fingerprint) return known.settings;
  const stored = new Map(rows.map((row) => [row.key, row.value]));
  const raw: Record<string, unknown> = {};
  for (const [field, key] of Object.entries(KEYS)) {
    const text = stored.get(key);
    raw[field] = text === undefined ? undefined : JSON.parse(text);
  }
  const settings = deepFreeze(SiteSettings.parse(raw));
  lastParsed.set(repos.settings, { fingerprint, settings });
  return settings;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
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
