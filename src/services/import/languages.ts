// The language of each imported post. The export's declared language (the WordPress site
// setting, often left at en-US) is a default; a Polylang language term or a WPML language field
// on the post is a better one; either is checked against the post's text
// (core/languages/detect.ts), and the text wins. A plugin's code that is no language tag is
// reported once per code and the post keeps the export's language. `--language` forces one language on every post. Each post's edition (URL prefix
// and interface) is its language's interface fallback in the site's settings; a language the
// site does not have yet is added with its suggested fallback, and the report says so.
import { Invalid } from '../../core/errors.ts';
import { editionOfLanguage, type SiteLanguage, suggestedFallback } from '../../core/languages/choices.ts';
import { detectLanguage } from '../../core/languages/detect.ts';
import {
  baseLanguage,
  type ContentLanguage,
  canonicalLanguage,
  checkLanguageTag,
} from '../../core/languages/tags.ts';
import type { Edition } from '../../core/types.ts';
import type { WxrItem } from '../../importers/wordpress/types.ts';
import type { ReportBuilder } from './report.ts';
import { metaValue } from './scan.ts';
import { TranslationGroups } from './translation-groups.ts';

/** Polylang's taxonomies on posts: the language, and the group of translations. */
const LANGUAGE_TAXONOMY = 'language';
const TRANSLATIONS_TAXONOMY = 'post_translations';
/**
 * The custom fields the "WPML Export and Import" add-on writes and reads: the post's language
 * code, the language it was translated from (empty for an original), and a key its
 * translations share (WPML's trid, or any name the exporting tool chose).
 */
const WPML_LANGUAGE = '_wpml_import_language_code';
const WPML_SOURCE = '_wpml_import_source_language_code';
const WPML_GROUP = '_wpml_import_translation_group';

/** The language code a multilingual plugin put on a post, as written. */
function pluginCode(item: WxrItem): { plugin: 'Polylang' | 'WPML'; code: string } | null {
  const term = item.terms.find((t) => t.domain === LANGUAGE_TAXONOMY);
  const polylang = term ? (term.nicename || term.name).trim() : '';
  if (polylang !== '') return { plugin: 'Polylang', code: polylang };
  const wpml = metaValue(item, WPML_LANGUAGE).trim();
  return wpml === '' ? null : { plugin: 'WPML', code: wpml };
}

export interface PostLanguage {
  /** The language the text is written in. */
  text: ContentLanguage;
  /** The interface edition the article is published in. */
  edition: Edition;
}

/** `--language`: a valid tag or a one-line refusal. */
export function forcedLanguage(value: string | undefined): ContentLanguage | null {
  if (value === undefined) return null;
  const check = checkLanguageTag(value);
  if (!check.ok) throw new Invalid(`--language: ${check.reason}`, { language: 'invalid' });
  return check.tag;
}

export class ImportLanguages {
  /** Languages this import added to the site's list. */
  readonly added: SiteLanguage[] = [];
  /** Posts of each plugin translation group, joined once the run has written them all. */
  readonly groups = new TranslationGroups();
  /** Plugin codes already reported as no language, so a code used by many posts is one line. */
  private readonly refused = new Set<string>();

  constructor(
    /** The export's declared language, canonical; the site's main language when it declares none. */
    readonly declared: ContentLanguage,
    readonly forced: ContentLanguage | null,
    private readonly site: SiteLanguage[],
    private readonly report: ReportBuilder,
  ) {}

  static declaredOf(channelLanguage: string, site: readonly SiteLanguage[]): ContentLanguage {
    return canonicalLanguage(channelLanguage) ?? site[0]?.tag ?? 'ar';
  }

  /** The language a post is written in and the edition it goes to. */
  async of(item: WxrItem, title: string, text: string): Promise<PostLanguage> {
    const text_ = this.forced ?? (await this.detected(item, title, text));
    return { text: text_, edition: this.editionOf(text_) };
  }

  private async detected(item: WxrItem, title: string, text: string): Promise<ContentLanguage> {
    const declared = this.pluginLanguage(item) ?? this.declared;
    const found = await detectLanguage(`${title}\n${text}`, declared);
    if (found.outcome === 'changed')
      this.report.languageChanged(item.postId, title, declared, found.lang, found.why ?? '');
    return found.lang;
  }

  private editionOf(tag: ContentLanguage): Edition {
    const base = baseLanguage(tag);
    const known = this.site.some((l) => l.tag === tag || l.tag === base);
    if (!known) {
      const added = {
        tag: base === tag || !canonicalLanguage(base) ? tag : base,
        fallback: suggestedFallback(tag),
      };
      this.site.push(added);
      this.added.push(added);
    }
    return editionOfLanguage(tag, this.site);
  }

  /** The site's languages with the ones this import added. */
  siteLanguages(): SiteLanguage[] {
    return this.site;
  }

  /**
   * The language Polylang or WPML gave the post, canonical; null when none or not a language.
   * `quiet`: a bad code is not reported (a post imported by an earlier run, reported then).
   */
  pluginLanguage(item: WxrItem, quiet = false): ContentLanguage | null {
    const found = pluginCode(item);
    if (!found) return null;
    return this.checked(found.plugin, found.code, item.line, quiet, () => {
      return `Posts with it keep the export's language, ${this.declared}, unless their text says otherwise`;
    });
  }

  /** The language WPML says the post was translated from; null for an original. */
  sourceLanguage(item: WxrItem, quiet = false): ContentLanguage | null {
    const code = metaValue(item, WPML_SOURCE).trim();
    if (code === '') return null;
    return this.checked(
      'WPML',
      code,
      item.line,
      quiet,
      () => 'Posts translated from it are linked without a source',
    );
  }

  private checked(
    plugin: string,
    code: string,
    line: number,
    quiet: boolean,
    outcome: () => string,
  ): ContentLanguage | null {
    const check = checkLanguageTag(code);
    if (check.ok) return check.tag;
    if (quiet) return null;
    const key = `${plugin}:${outcome()}:${code}`;
    if (!this.refused.has(key)) {
      this.refused.add(key);
      this.report.warn(`${plugin} language code "${code}" is refused: ${check.reason} ${outcome()}.`, line);
    }
    return null;
  }

  /** The plugin translation group a post belongs to, if any: Polylang's term, or WPML's field. */
  static translationKey(item: WxrItem): string | null {
    const term = item.terms.find((t) => t.domain === TRANSLATIONS_TAXONOMY);
    const polylang = term ? (term.nicename || term.name).trim() : '';
    if (polylang !== '') return `polylang:${polylang}`;
    const wpml = metaValue(item, WPML_GROUP).trim();
    return wpml === '' ? null : `wpml:${wpml}`;
  }
}
