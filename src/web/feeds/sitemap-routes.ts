// /sitemap.xml (an index), /sitemaps/<file>.xml (articles by month, sections, tags, authors;
// split into numbered files beyond 50,000 URLs), /sitemap-news.xml and /robots.txt.
import type { FastifyInstance } from 'fastify';
import { NotFound } from '../../core/errors.ts';
import type { Edition } from '../../core/types.ts';
import type { Services } from '../../services/context.ts';
import { siteSettings } from '../../services/settings.ts';
import {
  type ListingKind,
  loadArticleSitemap,
  loadListingEntries,
  loadNewsSitemap,
  loadSitemapIndex,
  pagesFor,
  SITEMAP_LIMIT,
} from '../../services/syndication-sitemaps.ts';
import { dependsOn } from '../cache/dependencies.ts';
import { tags } from '../cache/tags.ts';
import { hreflangLinks } from '../reader/meta/hreflang.ts';
import { articlePath, authorPath, sectionPath, tagPath } from '../reader/urls.ts';
import { sendCacheable } from './conditional.ts';
import { absoluteImage } from '../../media/absolute-image.ts';
import { renderRobots } from './robots.ts';
import {
  newestOf,
  renderNewsSitemap,
  renderSitemapIndex,
  renderUrlset,
  type SitemapRef,
} from './sitemap-xml.ts';

const XML = 'application/xml; charset=utf-8';
const ARTICLES_FILE = /^articles-(\d{4}-(?:0[1-9]|1[0-2]))(?:-([2-9]|[1-9]\d{1,5}))?\.xml$/;
const LISTING_FILE = /^(sections|tags|authors)(?:-([2-9]|[1-9]\d{1,5}))?\.xml$/;
const LISTING_PATH: Record<ListingKind, (lang: Edition, slug: string) => string> = {
  sections: sectionPath,
  tags: tagPath,
  authors: authorPath,
};

/** The file name of a sitemap page: page 1 has no number, so its URL never changes. */
export function sitemapFile(name: string, page: number): string {
  return page > 1 ? `${name}-${page}.xml` : `${name}.xml`;
}

export function registerSitemapRoutes(app: FastifyInstance, services: Services): void {
  const { config } = services;
  const base = config.publicUrl;

  app.get('/robots.txt', (_request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(renderRobots(base)),
  );

  app.get('/sitemap.xml', async (request, reply) => {
    dependsOn(reply, tags.sitemap);
    const index = await loadSitemapIndex(services);
    const refs: SitemapRef[] = [];
    for (const m of index.months) {
      for (let page = 1; page <= pagesFor(m.count); page++) {
        refs.push({
          loc: `${base}/sitemaps/${sitemapFile(`articles-${m.month}`, page)}`,
          lastmod: m.lastModified,
        });
      }
    }
    for (const l of index.listings) {
      if (l.count === 0) continue;
      for (let page = 1; page <= pagesFor(l.count); page++) {
        refs.push({ loc: `${base}/sitemaps/${sitemapFile(l.kind, page)}`, lastmod: l.lastModified });
      }
    }
    const lastmod = newestOf(refs.map((r) => r.lastmod));
    return sendCacheable(request, reply, {
      body: renderSitemapIndex(refs),
      type: XML,
      lastModified: lastmod,
    });
  });

  app.get<{ Params: { file: string } }>('/sitemaps/:file', async (request, reply) => {
    const { file } = request.params;
    dependsOn(reply, tags.sitemap);
    const settings = await siteSettings(services);
    const article = ARTICLES_FILE.exec(file);
    if (article) {
      const data = await loadArticleSitemap(services, article[1]!, Number(article[2] ?? 1));
      const urls = data.refs.map((ref) => {
        const href = base + articlePath(ref);
        const image =
          ref.featuredMediaId === null
            ? null
            : absoluteImage(data.media.get(ref.featuredMediaId), base, 2000);
        const versions = [
          { lang: ref.lang, href },
          ...(data.translations.get(ref.id) ?? []).map((t) => ({
            lang: t.lang,
            href: base + articlePath(t),
          })),
        ];
        return {
          loc: href,
          lastmod: ref.updatedAt,
          images: image ? [image.url] : [],
          alternates: hreflangLinks(versions, settings.defaultLang),
        };
      });
      const lastmod = newestOf(data.refs.map((r) => r.updatedAt));
      return sendCacheable(request, reply, { body: renderUrlset(urls), type: XML, lastModified: lastmod });
    }
    const listing = LISTING_FILE.exec(file);
    if (!listing) throw new NotFound('No such sitemap.');
    const kind = listing[1] as ListingKind;
    const page = Number(listing[2] ?? 1);
    const entries = (await loadListingEntries(services, kind)).slice(
      (page - 1) * SITEMAP_LIMIT,
      page * SITEMAP_LIMIT,
    );
    if (entries.length === 0) throw new NotFound('No such sitemap.');
    const path = LISTING_PATH[kind];
    const urls = entries.map((e) => ({
      loc: base + path(e.lang, e.slug),
      lastmod: e.lastModified,
      images: [],
      alternates: hreflangLinks(
        e.langs.map((lang) => ({ lang, href: base + path(lang, e.slug) })),
        settings.defaultLang,
      ),
    }));
    const lastmod = newestOf(entries.map((e) => e.lastModified));
    return sendCacheable(request, reply, { body: renderUrlset(urls), type: XML, lastModified: lastmod });
  });

  app.get('/sitemap-news.xml', async (request, reply) => {
    dependsOn(reply, tags.sitemap);
    const [settings, refs] = await Promise.all([siteSettings(services), loadNewsSitemap(services)]);
    const body = renderNewsSitemap(
      refs.map((ref) => ({
        loc: base + articlePath(ref),
        publicationName: settings.name,
        lang: ref.lang,
        published: ref.publishedAt,
        title: ref.title,
      })),
    );
    // Google News polls often; a short lifetime keeps breaking news flowing.
    return sendCacheable(request, reply, {
      body,
      type: XML,
      lastModified: refs[0]?.publishedAt ?? null,
      maxAge: 60,
    });
  });
}
