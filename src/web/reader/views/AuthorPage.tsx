// A person's page: photo, name, biography, links, then their articles.
import type { AuthorPageView, SiteView } from '../view-models.ts';
import { CardGrid } from './ArticleCard.tsx';
import { Pagination } from './Pagination.tsx';
import { ResponsiveImage } from './ResponsiveImage.tsx';

export function AuthorPage({ site, page }: { site: SiteView; page: AuthorPageView }) {
  const t = site.t;
  return (
    <>
      <header class="page-header author-header">
        {page.avatar ? (
          <ResponsiveImage class="avatar avatar-lg" image={page.avatar} sizes="7rem" alt="" priority />
        ) : null}
        <div>
          <h1>{page.name}</h1>
          {page.bio ? <p class="dek">{page.bio}</p> : null}
          {page.links.length > 0 ? (
            <ul class="chips">
              {page.links.map((l) => (
                <li key={l.href}>
                  <a href={l.href} rel="me">
                    {l.label}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </header>
      <section aria-labelledby="author-articles">
        <h2 id="author-articles" class="section-title">
          {t.articlesBy} {page.name}
        </h2>
        <CardGrid site={site} cards={page.articles} level={3} />
      </section>
      <Pagination pagination={page.pagination} t={t} />
    </>
  );
}
