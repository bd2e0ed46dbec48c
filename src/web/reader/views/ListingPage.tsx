// A section or tag page: heading, description, subsections, cards, pagination.
import type { ListingPageView, SiteView } from '../view-models.ts';
import { CardGrid } from './ArticleCard.tsx';
import { Pagination } from './Pagination.tsx';
import { SignupForm } from '../newsletter/SignupForm.tsx';

export function ListingPage({ site, page }: { site: SiteView; page: ListingPageView }) {
  const t = site.t;
  return (
    <>
      <header class={`page-header page-${page.kind}`}>
        <h1>{page.heading}</h1>
        {page.description ? <p class="dek">{page.description}</p> : null}
      </header>
      {page.children.length > 0 ? (
        <nav class="subsections" aria-label={t.subsections}>
          <ul class="chips">
            {page.children.map((c) => (
              <li key={c.href}>
                <a href={c.href}>{c.label}</a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <CardGrid site={site} cards={page.articles} level={2} />
      <Pagination pagination={page.pagination} t={t} />
      {page.kind === 'section' ? <SignupForm site={site} /> : null}
    </>
  );
}
