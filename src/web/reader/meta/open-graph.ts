// Open Graph and Twitter tags beyond the basic ones the layout writes (site name, type, title,
// description, url, locale, image, card): image size and text, other locales, article times,
// section, tags and authors, and the Twitter copies some clients read instead of Open Graph.
import type { Edition, IsoDate } from '../../../core/types.ts';
import type { MetaTagView } from '../view-models.ts';

/** The locales Facebook knows for our languages (it has no plain "ar"). */
const OG_LOCALES: Record<string, string> = { ar: 'ar_AR', fr: 'fr_FR', en: 'en_GB' };

/** An edition's Open Graph locale: ar_AR for Arabic, fa_IR for Persian (its likely region). */
export function ogLocale(edition: Edition): string {
  const known = OG_LOCALES[edition];
  if (known) return known;
  try {
    const locale = new Intl.Locale(edition).maximize();
    return locale.region ? `${locale.language}_${locale.region}` : locale.language;
  } catch {
    return edition;
  }
}

export interface OgImageInput {
  url: string;
  width: number;
  height: number;
  alt: string;
}

export interface SocialInput {
  title: string;
  description: string;
  image: OgImageInput | null;
  /** Languages of the other versions of this page. */
  alternateLocales?: Edition[];
}

export function socialTags(input: SocialInput): MetaTagView[] {
  const tags: MetaTagView[] = [];
  const { image } = input;
  if (image) {
    if (image.width > 0 && image.height > 0) {
      tags.push({ property: 'og:image:width', content: String(image.width) });
      tags.push({ property: 'og:image:height', content: String(image.height) });
    }
    if (image.alt) tags.push({ property: 'og:image:alt', content: image.alt });
  }
  for (const lang of input.alternateLocales ?? []) {
    tags.push({ property: 'og:locale:alternate', content: ogLocale(lang) });
  }
  tags.push({ name: 'twitter:title', content: input.title });
  if (input.description) tags.push({ name: 'twitter:description', content: input.description });
  if (image) {
    tags.push({ name: 'twitter:image', content: image.url });
    if (image.alt) tags.push({ name: 'twitter:image:alt', content: image.alt });
  }
  return tags;
}

export interface ArticleTagsInput {
  published: IsoDate;
  modified: IsoDate;
  section: string | null;
  tags: string[];
  /** Absolute URLs of the authors' pages. */
  authorUrls: string[];
}

export function articleTags(a: ArticleTagsInput): MetaTagView[] {
  return [
    { property: 'article:published_time', content: a.published },
    { property: 'article:modified_time', content: a.modified },
    ...(a.section ? [{ property: 'article:section', content: a.section }] : []),
    ...a.tags.map((t) => ({ property: 'article:tag', content: t })),
    ...a.authorUrls.map((u) => ({ property: 'article:author', content: u })),
  ];
}
