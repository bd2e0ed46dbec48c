// The public corrections page: the newest corrections, each dated and linked to its article.
import { Pagination } from './Pagination.tsx';
import { ShortDate } from './Dates.tsx';
import type { DateView, PaginationView, SiteView } from '../view-models.ts';

export interface CorrectionsPageView {
  title: string;
  intro: string;
  empty: string;
  onArticle: string;
  items: {
    id: number;
    label: string;
    date: DateView;
    text: string;
    article: { href: string; title: string };
  }[];
  pagination: PaginationView;
}

export function CorrectionsPage({ site, page }: { site: SiteView; page: CorrectionsPageView }) {
  return (
    <section class="corrections-page" aria-labelledby="corrections-page-title">
      <h1 id="corrections-page-title">{page.title}</h1>
      <p class="dek">{page.intro}</p>
      {page.items.length === 0 ? (
        <p>{page.empty}</p>
      ) : (
        <ol class="corrections-list">
          {page.items.map((item) => (
            <li key={item.id} class="article-notes-group">
              <p class="article-note-meta">
                <strong>{item.label}</strong> <ShortDate date={item.date} />
              </p>
              <p class="article-note-text" dir="auto">
                {item.text}
              </p>
              <p class="article-note-meta">
                {page.onArticle}: <a href={item.article.href}>{item.article.title}</a>
              </p>
            </li>
          ))}
        </ol>
      )}
      <Pagination pagination={page.pagination} t={site.t} />
    </section>
  );
}
