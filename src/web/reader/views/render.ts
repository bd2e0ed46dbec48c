// Entry points: view models in, complete HTML documents out.
import { type ComponentChildren, h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import type {
  ArticlePageView,
  AuthorPageView,
  ErrorPageView,
  HeadView,
  HomePageView,
  ListingPageView,
  SiteView,
} from '../view-models.ts';
import { ArticlePage } from './ArticlePage.tsx';
import { AuthorPage } from './AuthorPage.tsx';
import { ErrorPage } from './ErrorPage.tsx';
import { HomePage } from './HomePage.tsx';
import { Layout, type LayoutProps } from './Layout.tsx';
import { ListingPage } from './ListingPage.tsx';
import { PrivacyPage } from './PrivacyPage.tsx';
import { OfflinePage } from './OfflinePage.tsx';
import type { PrivacyText } from '../privacy-text.ts';
import { absoluteUrl } from './util.ts';

function documentOf(props: Omit<LayoutProps, 'children'>, body: ComponentChildren): string {
  return `<!DOCTYPE html>${renderToString(h(Layout, { ...props, children: body }))}`;
}

export function renderHomePage(site: SiteView, head: HeadView, page: HomePageView): string {
  const image = page.featured?.image;
  return documentOf(
    {
      site,
      head,
      pageClass: 'page-home',
      count: { page: 'home' },
      og: {
        type: 'website',
        title: head.title,
        image: image ? absoluteUrl(site.baseUrl, image.src) : undefined,
      },
    },
    h(HomePage, { site, page }),
  );
}

/** Stands for the page's weight while it is rendered; the figure needs the finished HTML. */
const WEIGHT_MARK = '%%page-weight%%';

/**
 * `weigh` (public article pages) measures the finished page in bytes (pwa/page-weight.ts); the page
 * then shows "≈ N KB" and offers to be saved for offline reading.
 */
export function renderArticlePage(
  site: SiteView,
  head: HeadView,
  page: ArticlePageView,
  weigh?: (html: string) => string,
): string {
  if (!weigh) return renderArticleDocument(site, head, page);
  const html = renderArticleDocument(site, head, { ...page, weightLabel: WEIGHT_MARK });
  return html.replace(WEIGHT_MARK, weigh(html));
}

function renderArticleDocument(site: SiteView, head: HeadView, page: ArticlePageView): string {
  const alternates =
    page.translations.length > 0
      ? [
          { lang: page.lang, href: page.canonical },
          ...page.translations.map((tr) => ({ lang: tr.lang, href: tr.href })),
        ]
      : [];
  return documentOf(
    {
      site,
      head,
      pageClass: 'page-article',
      alternates: alternates.map((a) => ({ lang: a.lang, href: absoluteUrl(site.baseUrl, a.href) })),
      og: {
        type: 'article',
        title: page.title,
        image: page.image ? absoluteUrl(site.baseUrl, page.image.src) : undefined,
      },
      copyProtect: site.copyProtection,
      count: { article: page.id },
    },
    h(ArticlePage, { site, page }),
  );
}

export function renderListingPage(site: SiteView, head: HeadView, page: ListingPageView): string {
  return documentOf(
    { site, head, pageClass: `page-listing page-${page.kind}`, count: { page: page.kind } },
    h(ListingPage, { site, page }),
  );
}

export function renderAuthorPage(site: SiteView, head: HeadView, page: AuthorPageView): string {
  return documentOf(
    { site, head, pageClass: 'page-author', count: { page: 'author' } },
    h(AuthorPage, { site, page }),
  );
}

export function renderPrivacyPage(site: SiteView, head: HeadView, text: PrivacyText): string {
  return documentOf(
    { site, head, pageClass: 'page-privacy', count: { page: 'privacy' } },
    h(PrivacyPage, { site, text }),
  );
}

export function renderOfflinePage(site: SiteView, head: HeadView): string {
  return documentOf(
    { site, head: { ...head, noindex: true }, pageClass: 'page-offline' },
    h(OfflinePage, { site }),
  );
}

export function renderErrorPage(site: SiteView, head: HeadView, page: ErrorPageView): string {
  return documentOf(
    { site, head: { ...head, noindex: true }, pageClass: 'page-error' },
    h(ErrorPage, { site, page }),
  );
}
