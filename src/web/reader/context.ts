// Per-request reader context: settings, sections and the shared page frame for one language.
import { type Messages, messagesFor } from '../../core/i18n.ts';
import { type Edition, LANGUAGES, type Section } from '../../core/types.ts';
import type { Services } from '../../services/context.ts';
import { NotFound } from '../../core/errors.ts';
import { loadReaderFrame } from '../../services/reader.ts';
import { furtherEditions, interfaceOf, SiteSettings, servedLanguages } from '../../services/settings.ts';
import type { AssetUrls } from '../assets.ts';
import { type PresentContext, presentImage } from './presenters.ts';
import { buildSiteView } from './site.ts';
import { editionOfPath, ROOT_EDITION } from './urls.ts';
import type { ImageView, SiteView } from './view-models.ts';

export interface ReaderDeps {
  services: Services;
  assets: AssetUrls;
}

export interface ReaderContext {
  settings: SiteSettings;
  sections: Section[];
  present: PresentContext;
  site(alternates?: Partial<Record<Edition, string>>): SiteView;
}

/** What the page frame was last built from, for error pages while the database is unreachable. */
const lastKnown = new WeakMap<
  ReaderDeps['services'],
  { settings: SiteSettings; sections: Section[]; logo: ImageView | null }
>();

/**
 * The root's edition is not published: its pages are the main language's, under that language's
 * prefix. A French-only site answers its home page at /fr/, so the address people type (the bare
 * domain) leads there instead of to a 404. GET and HEAD are sent on; anything else is a 404.
 */
export class EditionElsewhere extends NotFound {
  constructor(readonly target: Edition) {
    super(`The site does not publish in "${ROOT_EDITION}"; its main language is "${target}".`);
  }
}

/** Throws NotFound when `lang` is not a language the site publishes in. */
export function checkServed(settings: SiteSettings, lang: Edition): void {
  const served = servedLanguages(settings);
  if (served.includes(lang)) return;
  // The main language is always served (servedLanguages), so the target exists.
  if (lang === ROOT_EDITION) throw new EditionElsewhere(settings.defaultLang);
  throw new NotFound(`The site does not publish in "${lang}".`);
}

/** Throws NotFound for a language the site does not publish in, unless `anyLanguage` (error pages). */
export async function readerContext(
  deps: ReaderDeps,
  lang: Edition,
  options: { anyLanguage?: boolean } = {},
): Promise<ReaderContext> {
  const frame = await loadReaderFrame(deps.services);
  const { settings, sections } = frame;
  if (!options.anyLanguage) checkServed(settings, lang);
  const logo = presentImage(frame.logo);
  lastKnown.set(deps.services, { settings, sections, logo });
  return contextOf(deps, lang, settings, sections, logo);
}

/**
 * The language a reader page about `lang` is worded in: `lang` when the site publishes in it,
 * else its main language (a 404 under the root of a French-only site is in French). From the
 * settings this process last read, so it needs no database: an error page must not fail.
 */
export function publishedLanguage(deps: ReaderDeps, lang: Edition): Edition {
  const settings = lastKnown.get(deps.services)?.settings;
  if (!settings || servedLanguages(settings).includes(lang)) return lang;
  return settings.defaultLang;
}

/** The edition a path is under, among those this process last knew the site to publish. */
export function editionOfRequestPath(deps: ReaderDeps, path: string): Edition {
  const settings = lastKnown.get(deps.services)?.settings;
  return editionOfPath(path, [...LANGUAGES, ...(settings ? furtherEditions(settings) : [])]);
}

/** The words of an edition's pages (its catalogue, its fallback's for the rest), with no database. */
export function publishedMessages(deps: ReaderDeps, edition: Edition): Messages {
  const settings = lastKnown.get(deps.services)?.settings;
  return messagesFor(edition, settings ? interfaceOf(settings, edition) : 'ar');
}

/**
 * A reader context that needs no database: the settings and sections this process last read,
 * or the defaults if it never read them.
 */
export function offlineReaderContext(deps: ReaderDeps, lang: Edition): ReaderContext {
  const known = lastKnown.get(deps.services);
  return contextOf(
    deps,
    lang,
    known?.settings ?? SiteSettings.parse({}),
    known?.sections ?? [],
    known?.logo ?? null,
  );
}

function contextOf(
  deps: ReaderDeps,
  lang: Edition,
  settings: SiteSettings,
  sections: Section[],
  logo: ImageView | null,
): ReaderContext {
  const baseUrl = deps.services.config.publicUrl;
  const ui = interfaceOf(settings, lang);
  const t = messagesFor(lang, ui);
  return {
    settings,
    sections,
    present: {
      lang,
      ui,
      t,
      baseUrl,
      timezone: settings.timezone,
      dateDisplay: settings.dateDisplay,
    },
    site: (alternates) =>
      buildSiteView({ lang, ui, t, settings, sections, assets: deps.assets, baseUrl, alternates, logo }),
  };
}
