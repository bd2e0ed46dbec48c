// The language of each imported post. The export's declared language (the WordPress site
// setting, often left at en-US) is a default; a Polylang/WPML language term on the post is a
// better one; either is checked against the post's text (core/languages/detect.ts), and the
// text wins. `--language` forces one language on every post. Each post's edition (URL prefix
// and interface) is its language's interface fallback in the site's settings; a language the
// site does not have yet is added with its suggested fallback, and the report says so.
import { Invalid } from '../../core/errors.ts';
import { interfaceLangOf, type SiteLanguage, suggestedFallback } from '../../core/languages/choices.ts';
import { detectLanguage } from '../../core/languages/detect.ts';
import {
  baseLanguage,
  type ContentLanguage,
  canonicalLanguage,
  checkLanguageTag,
} from '../../core/languages/tags.ts';
import type { Lang } from '../../core/types.ts';
import type { WxrItem } from '../../importers/wordpress/types.ts';
import type { ReportBuilder } from './report.ts';

/** Taxonomies multilingual plugins put on posts: the language, and the group of translations. */
const LANGUAGE_TAXONOMY = 'language';
const TRANSLATIONS_TAXONOMY = 'post_translations';

export interface PostLanguage {
  /** The language the text is written in. */
  text: ContentLanguage;
  /** The interface edition the article is published in. */
  edition: Lang;
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
  /** Translation group key (Polylang's post_translations term) → the group's article id. */
  readonly groups = new Map<string, number>();

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
    const term = item.terms.find((t) => t.domain === LANGUAGE_TAXONOMY);
    const declared = (term && canonicalLanguage(term.nicename || term.name)) || this.declared;
    const found = await detectLanguage(`${title}\n${text}`, declared);
    if (found.outcome === 'changed')
      this.report.languageChanged(item.postId, title, declared, found.lang, found.why ?? '');
    return found.lang;
  }

  private editionOf(tag: ContentLanguage): Lang {
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
    return interfaceLangOf(tag, this.site);
  }

  /** The site's languages with the ones this import added. */
  siteLanguages(): SiteLanguage[] {
    return this.site;
  }

  /** Polylang's group of translations a post belongs to, if any. */
  static translationKey(item: WxrItem): string | null {
    const term = item.terms.find((t) => t.domain === TRANSLATIONS_TAXONOMY);
    return term ? term.nicename || term.name || null : null;
  }
}
