// schema.org documents for reader pages, as pure functions of plain inputs: NewsArticle,
// BreadcrumbList, ProfilePage with its Person, WebSite (with a SearchAction once the site has
// a search page) and the publisher as a NewsMediaOrganization.
import type { IsoDate, Edition } from '../../../core/types.ts';
import type { JsonLdObject } from './json-ld.ts';

const CONTEXT = 'https://schema.org';

export interface PublisherInput {
  name: string;
  /** Absolute URL of the home page. */
  url: string;
  /** Absolute URL of the logo. */
  logo: string;
}

export interface ImageInput {
  url: string;
  width: number;
  height: number;
  caption?: string;
}

export interface LinkInput {
  name: string;
  url: string;
}

export function publisherLd(p: PublisherInput): JsonLdObject {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': `${p.url}#publisher`,
    name: p.name,
    url: p.url,
    logo: { '@type': 'ImageObject', url: p.logo },
  };
}

function imageLd(image: ImageInput): JsonLdObject {
  return {
    '@type': 'ImageObject',
    url: image.url,
    ...(image.width > 0 ? { width: image.width, height: image.height } : {}),
    ...(image.caption ? { caption: image.caption } : {}),
  };
}

export interface NewsArticleInput {
  url: string;
  headline: string;
  description: string;
  /** The language of the article's text (BCP 47). */
  lang: string;
  images: ImageInput[];
  published: IsoDate;
  modified: IsoDate;
  authors: LinkInput[];
  section: string | null;
  keywords: string[];
  publisher: PublisherInput;
  translations: { lang: Edition; tag?: string; url: string }[];
  /** Corrections readers were told of (not updates): schema.org CorrectionComment each. */
  corrections?: { text: string; published: IsoDate }[];
}

export function newsArticleLd(a: NewsArticleInput): JsonLdObject {
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    '@id': `${a.url}#article`,
    mainEntityOfPage: { '@type': 'WebPage', '@id': a.url },
    url: a.url,
    headline: a.headline,
    description: a.description,
    ...(a.images.length > 0 ? { image: a.images.map(imageLd) } : {}),
    datePublished: a.published,
    dateModified: a.modified,
    // One Person per author, each with the page that lists their work.
    author: a.authors.map((p) => ({ '@type': 'Person', name: p.name, url: p.url })),
    publisher: publisherLd(a.publisher),
    inLanguage: a.lang,
    ...(a.section ? { articleSection: a.section } : {}),
    ...(a.keywords.length > 0 ? { keywords: a.keywords } : {}),
    isAccessibleForFree: true,
    ...(a.corrections && a.corrections.length > 0
      ? {
          correction: a.corrections.map((c) => ({
            '@type': 'CorrectionComment',
            text: c.text,
            datePublished: c.published,
          })),
        }
      : {}),
    ...(a.translations.length > 0
      ? {
          workTranslation: a.translations.map((t) => ({
            '@type': 'NewsArticle',
            '@id': `${t.url}#article`,
            url: t.url,
            inLanguage: t.tag ?? t.lang,
          })),
        }
      : {}),
  };
}

/** Items in order from the home page; the last one is the current page. */
export function breadcrumbLd(items: LinkInput[]): JsonLdObject {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: item.name,
      item: item.url,
    })),
  };
}

export interface PersonInput {
  name: string;
  url: string;
  description: string;
  image: string | null;
  sameAs: string[];
  lang: Edition;
}

export function profilePageLd(p: PersonInput): JsonLdObject {
  return {
    '@context': CONTEXT,
    '@type': 'ProfilePage',
    url: p.url,
    inLanguage: p.lang,
    mainEntity: {
      '@type': 'Person',
      '@id': `${p.url}#person`,
      name: p.name,
      url: p.url,
      ...(p.description ? { description: p.description } : {}),
      ...(p.image ? { image: p.image } : {}),
      ...(p.sameAs.length > 0 ? { sameAs: p.sameAs } : {}),
    },
  };
}

export interface WebSiteInput {
  name: string;
  url: string;
  description: string;
  lang: Edition;
  publisher: PublisherInput;
  /** Absolute search URL with "{search_term_string}" where the query goes; null without search. */
  searchUrlTemplate: string | null;
}

export function webSiteLd(w: WebSiteInput): JsonLdObject {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    '@id': `${w.url}#website`,
    name: w.name,
    url: w.url,
    ...(w.description ? { description: w.description } : {}),
    inLanguage: w.lang,
    publisher: publisherLd(w.publisher),
    ...(w.searchUrlTemplate
      ? {
          potentialAction: {
            '@type': 'SearchAction',
            target: { '@type': 'EntryPoint', urlTemplate: w.searchUrlTemplate },
            'query-input': 'required name=search_term_string',
          },
        }
      : {}),
  };
}
