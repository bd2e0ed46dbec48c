// The languages articles are written in (admins): any BCP 47 tag CLDR knows, each with the
// interface language its pages fall back to. A tag that is malformed or unknown is refused
// with the reason; switching off a language that articles are written in is refused, naming
// how many. Audited and announced like every settings change.
import { z } from 'zod';
import { Invalid } from '../../core/errors.ts';
import { isInterfaceLang, READY_LANGUAGES, type SiteLanguage } from '../../core/languages/choices.ts';
import { editionPrefix } from '../../core/urls.ts';
import { directionOf } from '../../core/languages/direction.ts';
import { baseLanguage, checkLanguageTag, nativeName } from '../../core/languages/tags.ts';
import { authorize } from '../../core/policies/index.ts';
import { LANGUAGES, type Lang } from '../../core/types.ts';
import { parseInput } from '../../core/validation.ts';
import { type Actor, recordAudit } from '../actor.ts';
import type { Services } from '../context.ts';
import { loadSiteSettings, siteLanguages, updateSiteSettings } from '../settings.ts';

export const ContentLanguagesInput = z.object({
  languages: z
    .array(
      z.object({ tag: z.string().max(64), fallback: z.enum(LANGUAGES), edition: z.boolean().optional() }),
    )
    .min(1)
    .max(40),
});
export type ContentLanguagesInput = z.input<typeof ContentLanguagesInput>;

/** Why a list of languages was refused, with what the newsroom needs to say it in its words. */
export type LanguagesRefusal =
  | { kind: 'invalid_tag'; tag: string }
  | { kind: 'duplicate'; tag: string }
  | { kind: 'reserved'; tag: string; path: string }
  | { kind: 'has_articles'; tag: string; n: number }
  | { kind: 'edition_has_articles'; tag: string; n: number }
  | { kind: 'main_edition'; tag: string };

export class LanguagesRefused extends Invalid {
  constructor(
    message: string,
    fields: Record<string, string>,
    readonly refusal: LanguagesRefusal,
  ) {
    super(message, fields);
  }
}

function checked(input: ContentLanguagesInput): SiteLanguage[] {
  const { languages } = parseInput(ContentLanguagesInput, input);
  const out: SiteLanguage[] = [];
  for (const [i, l] of languages.entries()) {
    const check = checkLanguageTag(l.tag);
    if (!check.ok)
      throw new LanguagesRefused(
        check.reason,
        { [`languages.${i}.tag`]: 'invalid_language' },
        { kind: 'invalid_tag', tag: l.tag },
      );
    if (out.some((o) => o.tag === check.tag))
      throw new LanguagesRefused(
        `The language ${check.tag} is listed twice.`,
        { [`languages.${i}.tag`]: 'duplicate' },
        { kind: 'duplicate', tag: check.tag },
      );
    // ar/fr/en are editions by the site's `languages` setting; any other may have one of its own.
    const edition = l.edition === true && !isInterfaceLang(check.tag);
    if (edition && RESERVED_SEGMENTS.has(editionPrefix(check.tag).slice(1)))
      throw new LanguagesRefused(
        `The address ${editionPrefix(check.tag)}/ is taken by the site's own pages; ${check.tag} cannot have an edition there.`,
        { [`languages.${i}.edition`]: 'reserved' },
        { kind: 'reserved', tag: check.tag, path: `${editionPrefix(check.tag)}/` },
      );
    out.push({ tag: check.tag, fallback: l.fallback, ...(edition ? { edition } : {}) });
  }
  return out;
}

// First path segments of the site's own pages that happen to be language tags CLDR knows
// ("tag" is Tagoi, "all" Malankuravan, "api" Apiaká): an edition there would be unreachable.
const RESERVED_SEGMENTS = new Set(['tag', 'all', 'api', 'live', 'media', 'assets', 'icons', 'preview']);

/** Saves the list; returns it as stored (canonical tags, in the given order). */
export async function changeContentLanguages(
  services: Services,
  actor: Actor,
  input: ContentLanguagesInput,
): Promise<SiteLanguage[]> {
  authorize(actor.person, { kind: 'settings.manage' });
  const next = checked(input);
  const changed = await services.transaction(async (trx) => {
    const stored = await loadSiteSettings(trx);
    const current = siteLanguages(stored);
    const counts = await trx.languages.articleCounts();
    // An article in fa-IR is kept by "fa" as well as by "fa-IR".
    const covered = (tag: string) => next.some((l) => l.tag === tag || l.tag === baseLanguage(tag));
    for (const [tag, n] of counts) {
      if (n > 0 && !covered(tag))
        throw new LanguagesRefused(
          `${n} article(s) are written in ${tag}; it cannot be switched off while they are.`,
          { languages: 'has_articles' },
          { kind: 'has_articles', tag, n },
        );
    }
    // The main edition (general settings) cannot lose its edition: the site would have no home.
    const main = stored.defaultLang;
    if (!isInterfaceLang(main) && !next.some((l) => l.tag === main && l.edition))
      throw new LanguagesRefused(
        `${main} is the site's main language; choose another main language before taking its edition away.`,
        { languages: 'main_edition' },
        { kind: 'main_edition', tag: main },
      );
    // An edition that holds articles keeps them at its addresses: it is not taken away under them.
    const editions = await trx.languages.editionCounts();
    for (const [edition, n] of editions) {
      if (n > 0 && !isInterfaceLang(edition) && !next.some((l) => l.tag === edition && l.edition))
        throw new LanguagesRefused(
          `${n} article(s) are published in the ${edition} edition; it cannot lose its edition while they are (move them to another edition first).`,
          { languages: 'has_articles' },
          { kind: 'edition_has_articles', tag: edition, n },
        );
    }
    if (JSON.stringify(current) === JSON.stringify(next)) return false;
    await updateSiteSettings(trx, { contentLanguages: next });
    await recordAudit(trx, actor, {
      action: 'settings.changed',
      targetType: 'settings',
      targetId: '',
      details: { contentLanguages: { from: current, to: next } },
    });
    return true;
  });
  if (changed) await services.events.emit({ type: 'settings', keys: ['contentLanguages'] });
  return next;
}

export interface ContentLanguageRow {
  tag: string;
  fallback: Lang;
  /** Whether the language has an edition of its own (ar/fr/en: whether the site publishes it). */
  edition: boolean;
  /** Articles written in it but published in other editions (shown for a further edition only). */
  elsewhere: number;
  /** The language's name in itself ("فارسی"), and its direction from its script. */
  name: string;
  dir: 'rtl' | 'ltr';
  articles: number;
}

/** The languages page: the site's languages with their article counts, and the ready choices. */
export async function contentLanguagesPage(
  services: Pick<Services, 'repos'>,
): Promise<{ languages: ContentLanguageRow[]; ready: { tag: string; name: string }[] }> {
  const enabled = siteLanguages(await loadSiteSettings(services.repos));
  const counts = await services.repos.languages.articleCounts();
  const articlesOf = (tag: string) =>
    [...counts].filter(([t]) => t === tag || baseLanguage(t) === tag).reduce((n, [, c]) => n + c, 0);
  return {
    languages: await Promise.all(
      enabled.map(async (l) => ({
        ...l,
        edition: l.edition === true,
        elsewhere:
          l.edition === true && !isInterfaceLang(l.tag)
            ? (await services.repos.languages.elsewhereIds(l.tag)).length
            : 0,
        name: nativeName(l.tag),
        dir: directionOf(l.tag),
        articles: articlesOf(l.tag),
      })),
    ),
    ready: READY_LANGUAGES.filter((r) => !enabled.some((l) => l.tag === r.tag)).map((r) => ({
      tag: r.tag,
      name: nativeName(r.tag),
    })),
  };
}
