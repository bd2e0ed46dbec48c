// The subscriber list: counts by status, search and filters, the rows with a remove button.
import type { SubscriberMessages } from './messages.ts';

export interface SubscriberRowView {
  id: number;
  email: string;
  lang: string;
  choices: string;
  status: string;
  since: string;
}

export function SubscribersPage({
  t,
  csrf,
  rows,
  counts,
  filters,
  search,
  pages,
  exportHref,
}: {
  t: SubscriberMessages;
  csrf: string;
  rows: SubscriberRowView[];
  counts: { label: string; n: number }[];
  filters: { href: string; label: string; current: boolean }[];
  search: string;
  pages: { previous: string | null; next: string | null };
  exportHref: string;
}) {
  return (
    <>
      <p class="nr-help">{t.intro}</p>
      <ul class="nr-counts">
        {counts.map((c) => (
          <li key={c.label}>
            {c.label}: <strong>{c.n}</strong>
          </li>
        ))}
      </ul>
      <form method="get" action="/newsroom/subscribers" class="nr-search">
        <label for="sub-q">{t.search}</label>{' '}
        <input id="sub-q" type="search" name="q" value={search} dir="ltr" />{' '}
        <button type="submit">{t.searchButton}</button>
      </form>
      <nav class="nr-filters" aria-label={t.status}>
        {filters.map((f) => (
          <a key={f.href} href={f.href} aria-current={f.current ? 'page' : undefined}>
            {f.label}
          </a>
        ))}
      </nav>
      <p>
        <a href={exportHref}>{t.exportCsv}</a>
      </p>
      {rows.length === 0 ? (
        <p class="nr-muted">{t.empty}</p>
      ) : (
        <div class="nr-table-wrap">
          <table class="nr-table">
            <thead>
              <tr>
                <th scope="col">{t.email}</th>
                <th scope="col">{t.language}</th>
                <th scope="col">{t.choices}</th>
                <th scope="col">{t.status}</th>
                <th scope="col">{t.since}</th>
                <th scope="col">
                  <span class="visually-hidden">{t.remove}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td dir="ltr">{r.email}</td>
                  <td>{r.lang}</td>
                  <td>{r.choices}</td>
                  <td>{r.status}</td>
                  <td>{r.since}</td>
                  <td>
                    <form method="post" action={`/newsroom/subscribers/${r.id}/remove`}>
                      <input type="hidden" name="_csrf" value={csrf} />
                      <button type="submit">{t.remove}</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav class="nr-pages">
        {pages.previous ? <a href={pages.previous}>{t.previous}</a> : null}{' '}
        {pages.next ? <a href={pages.next}>{t.next}</a> : null}
      </nav>
    </>
  );
}
