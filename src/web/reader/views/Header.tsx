// Site header (name, tagline, languages, search, sections) and footer.
import { CORRECTION_TEXT } from '../../../core/corrections.ts';
import type { HeadView, SiteView } from '../view-models.ts';
import { dirOf } from './util.ts';

function isCurrent(site: SiteView, head: HeadView, href: string): boolean {
  return href !== site.homeHref && (head.canonical === href || head.canonical === `${site.baseUrl}${href}`);
}

function LanguageSwitcher({ site }: { site: SiteView }) {
  if (site.languages.length < 2) return null;
  return (
    <nav class="lang-switch" aria-label={site.t.languages}>
      <ul>
        {site.languages.map((l) => (
          <li key={l.lang}>
            <a
              href={l.href}
              hreflang={l.lang}
              lang={l.lang}
              dir={dirOf(l.lang)}
              aria-current={l.current ? 'true' : undefined}
            >
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function SearchForm({ site }: { site: SiteView }) {
  const t = site.t;
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is too new for the older phones we serve; role="search" is understood everywhere
    <form class="search" role="search" method="get" action={site.searchAction}>
      <label class="visually-hidden" for="search-q">
        {t.search}
      </label>
      <input id="search-q" type="search" name="q" placeholder={t.searchPlaceholder} autocomplete="off" />
      <button type="submit">{t.search}</button>
    </form>
  );
}

export function SiteHeader({ site, head }: { site: SiteView; head: HeadView }) {
  const t = site.t;
  return (
    <header class="site-header">
      <div class="wrap header-bar">
        <div class="brand">
          <a class="site-name" href={site.homeHref} dir="auto">
            {site.logo ? (
              <img
                class="site-logo"
                src={site.logo.src}
                width={site.logo.width}
                height={site.logo.height}
                alt=""
              />
            ) : null}
            {site.name}
          </a>
          {site.tagline ? (
            <p class="tagline" dir="auto">
              {site.tagline}
            </p>
          ) : null}
        </div>
        <LanguageSwitcher site={site} />
        {site.searchAction ? <SearchForm site={site} /> : null}
      </div>
      {site.nav.length > 0 ? (
        <nav class="main-nav" aria-label={t.mainNav}>
          <ul class="wrap">
            {site.nav.map((link) => (
              <li key={link.href}>
                <a href={link.href} aria-current={isCurrent(site, head, link.href) ? 'page' : undefined}>
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </header>
  );
}

export function SiteFooter({ site }: { site: SiteView }) {
  return (
    <footer class="site-footer">
      <div class="wrap">
        <p>
          <a href={site.homeHref} dir="auto">
            {site.name}
          </a>{' '}
          © {site.year}. {site.t.footerRights}.
        </p>
        <p class="powered">
          <a href={`${site.homeHref}privacy`}>{site.t.privacy}</a> ·{' '}
          <a href={`${site.homeHref}corrections`}>{CORRECTION_TEXT[site.ui].footerLink}</a> ·{' '}
          {site.t.poweredBy}
        </p>
        {site.assets.saverJs ? (
          // Shown and run by saver.js; the choice stays on the device (localStorage), no cookie.
          <p>
            <button
              type="button"
              class="data-saver"
              hidden
              aria-pressed="false"
              data-on={site.t.dataSaverOn}
              data-off={site.t.dataSaverOff}
            >
              {site.t.dataSaverOff}
            </button>
          </p>
        ) : null}
      </div>
    </footer>
  );
}
