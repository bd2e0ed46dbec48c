// The search page: a form that works without JavaScript (GET), the count, the results with
// the reader's words marked in the title and snippet, pagination, and help when nothing
// was found.
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { format } from '../../../core/i18n.ts';
import type { SearchPageView, TextPart } from '../search-view-models.ts';
import type { HeadView, SiteView } from '../view-models.ts';
import { ShortDate } from './Dates.tsx';
import { Layout } from './Layout.tsx';
import { Pagination } from './Pagination.tsx';
import { langAttrs, metaSeparator } from './util.ts';

function Marked({ parts }: { parts: TextPart[] }) {
  return <>{parts.map((p) => (p.mark ? <mark>{p.text}</mark> : p.text))}</>;
}

function SearchForm({ site, page }: { site: SiteView; page: SearchPageView }) {
  const t = site.t;
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is too new for the older phones we serve
    <form class="search-page-form" role="search" method="get" action={page.action}>
      <p class="search-field">
        <label for="search-page-q">{t.searchLabel}</label>
        <input id="search-page-q" type="search" name="q" value={page.query} dir="auto" maxlength={500} />
      </p>
      <p class="search-field">
        <label for="search-section">{t.searchSection}</label>
        <select id="search-section" name="section">
          {page.sections.map((s) => (
            <option key={s.value} value={s.value} selected={s.value === page.section}>
              {s.label}
            </option>
          ))}
        </select>
      </p>
      <p class="search-field">
        <label for="search-sort">{t.searchSort}</label>
        <select id="search-sort" name="sort">
          <option value="relevance" selected={page.sort === 'relevance'}>
            {t.searchSortRelevance}
          </option>
          <option value="date" selected={page.sort === 'date'}>
            {t.searchSortDate}
          </option>
        </select>
      </p>
      <p class="search-field">
        <button type="submit">{t.search}</button>
      </p>
    </form>
  );
}

function Notice({ site, page }: { site: SiteView; page: SearchPageView }) {
  const t = site.t;
  if (page.notice === 'empty') return <p class="search-notice">{t.searchEmpty}</p>;
  if (page.notice === 'any') return <p class="search-notice">{t.searchAnyWords}</p>;
  if (page.notice !== 'none') return null;
  return (
    <div class="search-notice">
      <p>{t.searchNone}</p>
      {page.suggestions.length > 0 ? (
        <ul class="search-suggestions">
          {page.suggestions.map((s) => (
            <li key={s.href}>
              <a href={s.href}>{s.label}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function SearchPage({ site, page }: { site: SiteView; page: SearchPageView }) {
  const t = site.t;
  return (
    <>
      <header class="page-header page-search">
        <h1>{page.query.trim() ? format(t.searchResultsFor, { q: page.query }) : t.searchTitle}</h1>
      </header>
      <SearchForm site={site} page={page} />
      {page.total > 0 ? (
        <p class="search-count" role="status">
          {format(page.estimated ? t.searchCountAbout : t.searchCount, { n: page.total })}
        </p>
      ) : null}
      <Notice site={site} page={page} />
      {page.results.length > 0 ? (
        <ol class="search-results">
          {page.results.map((r) => (
            <li key={r.id} class="search-result" {...langAttrs(r.lang, site.lang)}>
              <h2 class="search-title">
                <a href={r.href}>
                  <Marked parts={r.title} />
                </a>
              </h2>
              <p class="search-meta" {...langAttrs(site.lang, r.lang)}>
                {r.section ? (
                  <>
                    <a href={r.section.href}>{r.section.label}</a>
                    <span aria-hidden="true">{metaSeparator(site.lang)}</span>
                  </>
                ) : null}
                <ShortDate date={r.published} />
              </p>
              <p class="search-snippet">
                <Marked parts={r.snippet} />
              </p>
            </li>
          ))}
        </ol>
      ) : null}
      <Pagination pagination={page.pagination} t={t} />
    </>
  );
}

export function renderSearchPage(site: SiteView, head: HeadView, page: SearchPageView): string {
  const body = h(SearchPage, { site, page });
  return `<!DOCTYPE html>${renderToString(
    h(Layout, {
      site,
      head: { ...head, noindex: true },
      pageClass: 'page-search',
      count: { page: 'search' },
      children: body,
    }),
  )}`;
}
