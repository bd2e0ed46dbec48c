// The article list: filters that work as a plain GET form, and one row per article.
import type { ArticleStatus, Lang } from '../../../core/types.ts';
import type { ArticleMessages } from './messages.ts';

export interface ListRow {
  id: number;
  title: string;
  lang: Lang;
  status: ArticleStatus;
  statusLabel: string;
  section: string;
  authors: string;
  date: string;
  editHref: string;
}

export interface ListFilters {
  status: string;
  section: string;
  author: string;
  lang: string;
  q: string;
}

export interface ListOptions {
  sections: { id: number; name: string }[];
  authors: { id: number; name: string }[];
  statuses: { value: ArticleStatus; label: string }[];
}

export function ArticleList(props: {
  t: ArticleMessages;
  csrf: string;
  rows: ListRow[];
  filters: ListFilters;
  options: ListOptions;
  showAuthorFilter: boolean;
  prev: string | null;
  next: string | null;
}) {
  const { t, rows, filters, options } = props;
  return (
    <>
      <form method="post" action="/newsroom/articles/new" class="nr-inline">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <button type="submit">{t.newArticle}</button>
      </form>
      <form method="get" action="/newsroom/articles" class="nr-filters">
        <label>
          <span class="visually-hidden">{t.searchTitles}</span>
          <input type="search" name="q" value={filters.q} placeholder={t.searchTitles} dir="auto" />
        </label>
        <select name="status" aria-label={t.status}>
          <option value="">{t.allStatuses}</option>
          {options.statuses.map((s) => (
            <option key={s.value} value={s.value} selected={filters.status === s.value}>
              {s.label}
            </option>
          ))}
        </select>
        <select name="section" aria-label={t.section}>
          <option value="">{t.allSections}</option>
          {options.sections.map((s) => (
            <option key={s.id} value={String(s.id)} selected={filters.section === String(s.id)}>
              {s.name}
            </option>
          ))}
        </select>
        {props.showAuthorFilter ? (
          <select name="author" aria-label={t.author}>
            <option value="">{t.allAuthors}</option>
            {options.authors.map((a) => (
              <option key={a.id} value={String(a.id)} selected={filters.author === String(a.id)}>
                {a.name}
              </option>
            ))}
          </select>
        ) : null}
        <select name="lang" aria-label={t.language}>
          <option value="">{t.allLanguages}</option>
          <option value="ar" selected={filters.lang === 'ar'}>
            العربية
          </option>
          <option value="fr" selected={filters.lang === 'fr'}>
            Français
          </option>
          <option value="en" selected={filters.lang === 'en'}>
            English
          </option>
        </select>
        <button type="submit" class="nr-secondary">
          {t.filter}
        </button>
      </form>
      {rows.length === 0 ? (
        <p>{t.noArticles}</p>
      ) : (
        <ul class="nr-articles">
          {rows.map((r) => (
            <li key={r.id} class="nr-card">
              <p class="nr-article-title">
                <a href={r.editHref} lang={r.lang} dir="auto">
                  {r.title || t.untitled}
                </a>
              </p>
              <p class="nr-meta">
                <span class={`nr-status nr-status-${r.status}`}>{r.statusLabel}</span>
                {r.section ? ` · ${r.section}` : ''} · <bdi>{r.authors}</bdi> · {r.date}
              </p>
            </li>
          ))}
        </ul>
      )}
      <nav class="nr-pages" aria-label={t.articles}>
        {props.prev ? <a href={props.prev}>{t.previous}</a> : null}{' '}
        {props.next ? <a href={props.next}>{t.next}</a> : null}
      </nav>
    </>
  );
}
