// The front page: breaking strip, the featured story, latest news, the most read, then a block
// per section.
import type { HomePageView, SiteView } from '../view-models.ts';
import { ArticleCard, CardGrid } from './ArticleCard.tsx';
import { MostRead } from './MostRead.tsx';
import { Pagination } from './Pagination.tsx';
import { SignupForm } from '../newsletter/SignupForm.tsx';
import { langAttrs } from './util.ts';

function BreakingStrip({ site, page }: { site: SiteView; page: HomePageView }) {
  if (page.breaking.length === 0) return null;
  return (
    <section class="breaking" aria-labelledby="breaking-title">
      <h2 id="breaking-title" class="breaking-label">
        {site.t.breaking}
      </h2>
      <ul>
        {page.breaking.map((a) => (
          <li key={a.id} {...langAttrs(a.lang, site.lang)}>
            <a href={a.href}>{a.title}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function HomePage({ site, page }: { site: SiteView; page: HomePageView }) {
  const t = site.t;
  return (
    <>
      <h1 class="visually-hidden" dir="auto">
        {site.name}
      </h1>
      <BreakingStrip site={site} page={page} />
      {page.featured ? (
        <section class="featured" aria-labelledby="featured-title">
          <h2 id="featured-title" class="section-title">
            {t.featured}
          </h2>
          <ArticleCard site={site} card={page.featured} level={3} lead priority />
        </section>
      ) : null}
      <section class="latest" aria-labelledby="latest-title">
        <h2 id="latest-title" class="section-title">
          {t.latest}
        </h2>
        <CardGrid site={site} cards={page.latest} level={3} />
      </section>
      <MostRead site={site} items={page.mostRead} />
      <SignupForm site={site} />
      {page.sections.map(({ section, articles }, i) => (
        <section key={section.href} class="home-section" aria-labelledby={`home-section-${i}`}>
          <h2 id={`home-section-${i}`} class="section-title">
            <a href={section.href}>{section.label}</a>
          </h2>
          <CardGrid site={site} cards={articles} level={3} />
          <p class="more">
            <a href={section.href}>
              {t.more}
              <span class="visually-hidden">: {section.label}</span>
            </a>
          </p>
        </section>
      ))}
      <Pagination pagination={page.pagination} t={t} />
    </>
  );
}
