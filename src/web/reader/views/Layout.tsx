// The document shell: <html lang dir>, <head>, skip link, header, <main>, footer.
import type { ComponentChildren } from 'preact';
import type { Edition } from '../../../core/types.ts';
import { ogLocale } from '../meta/open-graph.ts';
import type { HeadView, SiteView } from '../view-models.ts';
import { SiteFooter, SiteHeader } from './Header.tsx';
import { manifestPath, THEME_COLOR } from '../pwa/manifest.ts';

export interface OpenGraph {
  type: 'website' | 'article';
  title: string;
  /** Absolute URL. */
  image?: string;
}

export interface LayoutProps {
  site: SiteView;
  head: HeadView;
  /** Other-language versions of this page, for <link rel="alternate" hreflang>. */
  alternates?: { lang: Edition | 'x-default'; href: string }[];
  og?: OpenGraph;
  /** Load the copy-protection script (article pages, when the site owner enabled it). */
  copyProtect?: boolean;
  /** What the readership beacon counts this page as; no beacon without it or while counting is off. */
  count?: CountAs;
  pageClass: string;
  children: ComponentChildren;
}

/** An article by id, or a reader page that is not an article by its kind. */
export type CountAs =
  | { article: number }
  | { page: 'home' | 'section' | 'tag' | 'author' | 'search' | 'privacy' };

export function Layout({
  site,
  head,
  alternates = [],
  og,
  copyProtect = false,
  count,
  pageClass,
  children,
}: LayoutProps) {
  const t = site.t;
  return (
    <html lang={site.lang} dir={site.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{head.title}</title>
        <meta name="description" content={head.description} />
        {head.noindex ? <meta name="robots" content="noindex" /> : null}
        <link rel="canonical" href={head.canonical} />
        {(head.hreflang ?? alternates.map((a) => ({ hreflang: a.lang, href: a.href }))).map((a) => (
          <link key={a.hreflang} rel="alternate" hreflang={a.hreflang} href={a.href} />
        ))}
        {(head.feeds ?? []).map((f) => (
          <link key={f.href} rel="alternate" type={f.type} title={f.title} href={f.href} />
        ))}
        {/* Not deferred: data saver must hold images back before the body is parsed (saver.js). */}
        {site.assets.saverJs ? <script src={site.assets.saverJs} data-tap={t.tapToLoadImage} /> : null}
        <link rel="stylesheet" href={site.assets.css} />
        <link rel="icon" href={site.assets.icon} type="image/svg+xml" />
        <link rel="manifest" href={manifestPath(site.lang)} />
        <meta name="theme-color" content={THEME_COLOR} />
        <meta property="og:site_name" content={site.name} />
        <meta property="og:type" content={og?.type ?? 'website'} />
        <meta property="og:title" content={og?.title ?? head.title} />
        <meta property="og:description" content={head.description} />
        <meta property="og:url" content={head.canonical} />
        <meta property="og:locale" content={ogLocale(site.lang)} />
        {og?.image ? <meta property="og:image" content={og.image} /> : null}
        <meta name="twitter:card" content={og?.image ? 'summary_large_image' : 'summary'} />
        {(head.meta ?? []).map((m) => (
          <meta
            key={`${m.property ?? m.name}=${m.content}`}
            property={m.property}
            name={m.name}
            content={m.content}
          />
        ))}
        {(head.jsonLd ?? []).map((json) => (
          // The JSON is serialized with <, > and & escaped (meta/json-ld.ts), so it cannot end the element.
          <script key={json} type="application/ld+json" dangerouslySetInnerHTML={{ __html: json }} />
        ))}
        <script src={site.assets.enhanceJs} defer />
        {site.assets.offlineJs ? <script src={site.assets.offlineJs} defer /> : null}
        {copyProtect ? <script src={site.assets.copyProtectJs} defer /> : null}
        {head.liveJs ? <script src={head.liveJs} defer /> : null}
        {count && site.readership && site.assets.countJs ? (
          <script
            src={site.assets.countJs}
            defer
            data-a={'article' in count ? String(count.article) : undefined}
            data-p={'page' in count ? count.page : undefined}
            data-l={site.lang}
          />
        ) : null}
      </head>
      <body class={pageClass}>
        <a class="skip-link" href="#main">
          {t.skipToContent}
        </a>
        <SiteHeader site={site} head={head} />
        <main id="main" class="wrap" tabindex={-1}>
          {children}
        </main>
        <SiteFooter site={site} />
        <div id="live" class="toast" role="status" aria-live="polite" />
      </body>
    </html>
  );
}
