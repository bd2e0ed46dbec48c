// The article list: filters and search in one row (a plain GET form), a table with sortable
// column headers and a checkbox per row, and the bulk-action bar (a plain POST form; a small
// script adds "select all"). At phone width the rows become stacked cards (newsroom.css).
import type { ArticleStatus } from '../../../core/types.ts';
import type { BulkAction } from '../../../services/articles/bulk.ts';
import type { ListMessages } from './list-messages.ts';
import type { ArticleMessages } from './messages.ts';

export interface ListRow {
  id: number;
  title: string;
  /** The language the text is written in (BCP 47), which may be other than its edition's. */
  textLang: string;
  /** That language's own name ("فارسی", "Français"). */
  language: string;
  status: ArticleStatus;
  statusLabel: string;
  section: string;
  authors: string;
  updated: string;
  /** Published or scheduled time; empty while neither. */
  when: string;
  comments: number;
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
  /** The language filter's choices: every edition, named in itself. */
  editions: { tag: string; name: string }[];
  authors: { id: number; name: string }[];
  statuses: { value: ArticleStatus; label: string }[];
  tags: { id: number; name: string }[];
  actions: { value: BulkAction; label: string }[];
}

/** A column header: a link that sorts by it, with aria-sort on the column sorted by. */
export interface ColumnHeader {
  key: string;
  label: string;
  href: string | null;
  sorted: 'ascending' | 'descending' | null;
}

export interface ListPaging {
  page: number;
  pages: number;
  prev: string | null;
  next: string | null;
}

export function ArticleList(props: {
  t: ArticleMessages;
  l: ListMessages;
  csrf: string;
  rows: ListRow[];
  total: number;
  filters: ListFilters;
  options: ListOptions;
  showAuthorFilter: boolean;
  columns: ColumnHeader[];
  /** Where the bulk form posts: the bulk route with this list's query, to come back to it. */
  bulkHref: string;
  paging: ListPaging;
  script: string;
}) {
  const { t, l, rows, filters, options } = props;
  return (
    <div class="nr-list">
      <div class="nr-list-top">
        <form method="get" action="/newsroom/articles" class="nr-filter-row">
          <label class="nr-filter-search">
            <span class="visually-hidden">{l.search}</span>
            <input type="search" name="q" value={filters.q} placeholder={l.search} dir="auto" />
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
            {options.editions.map((e) => (
              <option key={e.tag} value={e.tag} selected={filters.lang === e.tag} lang={e.tag}>
                {e.name}
              </option>
            ))}
          </select>
          <button type="submit" class="nr-secondary">
            {l.searchButton}
          </button>
        </form>
        <form method="post" action="/newsroom/articles/new" class="nr-inline nr-list-new">
          <input type="hidden" name="_csrf" value={props.csrf} />
          <button type="submit">{t.newArticle}</button>
        </form>
      </div>
      {rows.length === 0 ? (
        <p class="nr-notice">{t.noArticles}</p>
      ) : (
        <form method="post" action={props.bulkHref} class="nr-bulk-form" data-bulk>
          <input type="hidden" name="_csrf" value={props.csrf} />
          <fieldset class="nr-bulk">
            <legend>{l.bulkTitle}</legend>
            <label>
              <span>{l.bulkAction}</span>
              <select name="action" data-bulk-action>
                <option value="">{l.chooseAction}</option>
                {options.actions.map((a) => (
                  <option key={a.value} value={a.value}>
                    {a.label}
                  </option>
                ))}
              </select>
            </label>
            <label data-bulk-for="move">
              <span>{l.bulkSection}</span>
              <select name="section">
                <option value="">{l.none}</option>
                {options.sections.map((s) => (
                  <option key={s.id} value={String(s.id)}>
                    {s.name}
                  </option>
                ))}
              </select>
            </label>
            <label data-bulk-for="tag">
              <span>{l.bulkTag}</span>
              <select name="tag">
                <option value="">{l.none}</option>
                {options.tags.map((tag) => (
                  <option key={tag.id} value={String(tag.id)}>
                    {tag.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit">{l.apply}</button>
          </fieldset>
          <div class="nr-list-table">
            <table class="nr-table nr-articles-table">
              <caption class="visually-hidden">{l.listCaption.replace('{n}', String(props.total))}</caption>
              <thead>
                <tr>
                  <td class="nr-col-check">
                    {/* Shown by the list script; without it each row is ticked on its own. */}
                    <input type="checkbox" aria-label={l.selectAll} data-select-all hidden />
                  </td>
                  {props.columns.map((c) => (
                    <th key={c.key} scope="col" aria-sort={c.sorted ?? undefined} class={`nr-col-${c.key}`}>
                      {c.href ? (
                        <a href={c.href}>
                          {c.label}
                          {c.sorted ? (
                            <span aria-hidden="true" class="nr-sort-mark">
                              {c.sorted === 'ascending' ? ' ▲' : ' ▼'}
                            </span>
                          ) : null}
                        </a>
                      ) : (
                        c.label
                      )}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td class="nr-col-check">
                      <input
                        type="checkbox"
                        name="ids"
                        value={String(r.id)}
                        aria-label={l.selectRow.replace('{title}', r.title || t.untitled)}
                      />
                    </td>
                    <th scope="row" class="nr-col-title">
                      <a href={r.editHref} lang={r.textLang} dir="auto">
                        {r.title || t.untitled}
                      </a>
                    </th>
                    <td data-label={l.colStatus}>
                      <span class={`nr-status nr-status-${r.status}`}>{r.statusLabel}</span>
                    </td>
                    <td data-label={l.colSection}>{r.section || l.none}</td>
                    <td data-label={l.colAuthors}>
                      <bdi>{r.authors || l.none}</bdi>
                    </td>
                    <td data-label={l.colLanguage}>
                      <bdi lang={r.textLang}>{r.language}</bdi>
                    </td>
                    <td data-label={l.colUpdated} class="nr-nowrap">
                      {r.updated}
                    </td>
                    <td data-label={l.colWhen}>{r.when || l.none}</td>
                    <td data-label={l.colComments} class="nr-num">
                      {r.comments}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </form>
      )}
      <nav class="nr-pages" aria-label={l.pagination}>
        {props.paging.prev ? (
          <a href={props.paging.prev} rel="prev">
            {t.previous}
          </a>
        ) : null}
        {props.paging.pages > 1 ? (
          <span>
            {l.pageOf
              .replace('{page}', String(props.paging.page))
              .replace('{pages}', String(props.paging.pages))}
          </span>
        ) : null}
        {props.paging.next ? (
          <a href={props.paging.next} rel="next">
            {t.next}
          </a>
        ) : null}
      </nav>
      <script src={props.script} defer />
    </div>
  );
}
