// Head metadata of each kind of reader page, from the data its route already has: Open Graph
// and Twitter extras, JSON-LD documents and hreflang alternates. The route spreads the result
// into its HeadView.
import { newestFirst } from '../../../core/corrections.ts';
import { htmlToText } from '../../../core/html-policy.ts';
import type { Edition, Media, Person } from '../../../core/types.ts';
import type { ArticleData } from '../../../services/reader.ts';
import { absoluteImage } from '../../../media/absolute-image.ts';
import { absoluteUrl } from '../views/util.ts';
import { articlePath, authorPath, homePath, sectionPath } from '../urls.ts';
import type { ArticlePageView, HeadView, ImageView, SiteView } from '../view-models.ts';
import { hreflangLinks } from './hreflang.ts';
import { serializeJsonLd } from './json-ld.ts';
import { articleTags, type OgImageInput, socialTags } from './open-graph.ts';
import {
  breadcrumbLd,
  type LinkInput,
  newsArticleLd,
  profilePageLd,
  type PublisherInput,
  webSiteLd,
} from './schema-org.ts';

export type HeadMeta = Pick<HeadView, 'meta' | 'jsonLd' | 'hreflang'>;

function publisherOf(site: SiteView): PublisherInput {
  return {
    name: site.name,
    url: site.baseUrl + homePath(site.lang),
    logo: absoluteUrl(site.baseUrl, site.logo?.src ?? site.assets.icon),
  };
}

/** The image the layout announces as og:image, with its size and text. */
function ogImage(site: SiteView, image: ImageView | null): OgImageInput | null {
  if (!image) return null;
  return {
    url: absoluteUrl(site.baseUrl, image.src),
    width: image.width,
    height: image.height,
    alt: image.alt,
  };
}

export function articleHeadMeta(input: {
  site: SiteView;
  data: ArticleData;
  view: ArticlePageView;
  description: string;
  defaultLang: Edition;
}): HeadMeta {
  const { site, data, view, description } = input;
  const { article } = data;
  const base = site.baseUrl;
  const published = article.publishedAt ?? article.createdAt;
  const modified = [article.updatedAt, published].sort()[1]!;
  const section = view.section?.label ?? null;
  const authors: LinkInput[] = view.authors.map((a) => ({ name: a.label, url: absoluteUrl(base, a.href) }));
  // A translation in a language the site has switched off has no page to point to.
  const served = new Set(site.languages.map((l) => l.lang));
  const translations = data.translations
    .filter((t) => served.has(t.lang))
    .map((t) => ({ lang: t.lang, tag: t.textLang, url: base + articlePath(t) }));
  const featured: Media | undefined =
    article.featuredMediaId === null ? undefined : data.media.get(article.featuredMediaId);
  const large = absoluteImage(featured, base, 1200);
  const og = ogImage(site, view.image);
  const trail: LinkInput[] = [
    { name: site.name, url: base + homePath(article.lang) },
    ...view.breadcrumb.map((b) => ({ name: b.label, url: absoluteUrl(base, b.href) })),
    { name: article.title, url: view.canonical },
  ];
  return {
    meta: [
      ...socialTags({
        title: view.title,
        description,
        image: og,
        alternateLocales: translations.map((t) => t.lang),
      }),
      ...articleTags({
        published,
        modified,
        section,
        tags: view.tags.map((t) => t.label),
        authorUrls: authors.map((a) => a.url),
      }),
    ],
    jsonLd: [
      serializeJsonLd(
        newsArticleLd({
          url: view.canonical,
          headline: article.title,
          description,
          lang: article.textLang,
          images: large
            ? [{ url: large.url, width: large.width, height: large.height, caption: large.alt }]
            : [],
          published,
          modified,
          authors,
          section,
          keywords: view.tags.map((t) => t.label),
          publisher: publisherOf(site),
          translations,
          corrections: newestFirst(data.corrections)
            .filter((c) => c.kind === 'correction')
            .map((c) => ({ text: c.body, published: c.createdAt })),
        }),
      ),
      serializeJsonLd(breadcrumbLd(trail)),
    ],
    hreflang: hreflangLinks(
      [
        { lang: article.lang, tag: article.textLang, href: view.canonical },
        ...translations.map((t) => ({ lang: t.lang, tag: t.tag, href: t.url })),
      ],
      input.defaultLang,
    ),
  };
}

export function homeHeadMeta(input: {
  site: SiteView;
  title: string;
  description: string;
  image: ImageView | null;
  defaultLang: Edition;
  /** Only the first page is the home page proper; later pages name no alternates. */
  firstPage: boolean;
}): HeadMeta {
  const { site } = input;
  const url = site.baseUrl + homePath(site.lang);
  return {
    meta: socialTags({
      title: input.title,
      description: input.description,
      image: ogImage(site, input.image),
      alternateLocales: site.languages.map((l) => l.lang).filter((l) => l !== site.lang),
    }),
    jsonLd: [
      serializeJsonLd(
        webSiteLd({
          name: site.name,
          url,
          description: input.description,
          lang: site.lang,
          publisher: publisherOf(site),
          searchUrlTemplate: site.searchAction
            ? `${absoluteUrl(site.baseUrl, site.searchAction)}?q={search_term_string}`
            : null,
        }),
      ),
    ],
    hreflang: input.firstPage
      ? hreflangLinks(
          site.languages.map((l) => ({ lang: l.lang, href: site.baseUrl + homePath(l.lang) })),
          input.defaultLang,
        )
      : [],
  };
}

export function authorHeadMeta(input: {
  site: SiteView;
  person: Person;
  avatar: ImageView | null;
  description: string;
}): HeadMeta {
  const { site, person } = input;
  const url = site.baseUrl + authorPath(site.lang, person.slug);
  return {
    meta: socialTags({
      title: person.name,
      description: input.description,
      image: ogImage(site, input.avatar),
    }),
    jsonLd: [
      serializeJsonLd(
        profilePageLd({
          name: person.name,
          url,
          description: htmlToText(person.bio),
          image: input.avatar ? absoluteUrl(site.baseUrl, input.avatar.src) : null,
          sameAs: person.links.map((l) => l.url).filter((u) => /^https?:\/\//.test(u)),
          lang: site.lang,
        }),
      ),
      serializeJsonLd(
        breadcrumbLd([
          { name: site.name, url: site.baseUrl + homePath(site.lang) },
          { name: person.name, url },
        ]),
      ),
    ],
  };
}

/**
 * Section and tag pages: the social copies, the breadcrumb of a section's ancestors, and for a
 * section the same section in every site language (hreflang, with x-default).
 */
export function listingHeadMeta(input: {
  site: SiteView;
  title: string;
  description: string;
  /** Sections from the root down to this one, as slugs and names; empty for a tag. */
  trail: { slug: string; name: string }[];
  /** The page's versions in each language; only a listing's first page names them, like the home page. */
  versions?: { lang: Edition; href: string }[];
  defaultLang?: Edition;
}): HeadMeta {
  const { site } = input;
  return {
    hreflang: input.versions ? hreflangLinks(input.versions, input.defaultLang ?? site.lang) : [],
    meta: socialTags({ title: input.title, description: input.description, image: null }),
    jsonLd:
      input.trail.length > 0
        ? [
            serializeJsonLd(
              breadcrumbLd([
                { name: site.name, url: site.baseUrl + homePath(site.lang) },
                ...input.trail.map((s) => ({
                  name: s.name,
                  url: site.baseUrl + sectionPath(site.lang, s.slug),
                })),
              ]),
            ),
          ]
        : [],
  };
}
