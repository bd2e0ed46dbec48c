// The article page, in reading order: breadcrumb, kicker, title, dek, byline, dates, figure,
// body, tags, share, authors, related articles, the most read, comments.
import { Fragment } from 'preact';
import type { ArticlePageView, LinkView, SiteView } from '../view-models.ts';
import { ArticleCard } from './ArticleCard.tsx';
import { ArticleNotes } from './ArticleNotes.tsx';
import { AuthorBoxes } from './AuthorBox.tsx';
import { Byline } from './Byline.tsx';
import { Comments } from './Comments.tsx';
import { SignupForm } from '../newsletter/SignupForm.tsx';
import { MostRead } from './MostRead.tsx';
import { DualDate } from './Dates.tsx';
import { Figure } from './ResponsiveImage.tsx';
import { ShareLinks } from './ShareLinks.tsx';
import { LiveCoverage } from '../live/view.tsx';
import { dirOf, langAttrs } from './util.ts';

const FIGURE_SIZES = '(min-width: 48rem) 46rem, 100vw';

function Breadcrumb({ site, trail }: { site: SiteView; trail: LinkView[] }) {
  const items = trail.some((l) => l.href === site.homeHref)
    ? trail
    : [{ href: site.homeHref, label: site.t.home }, ...trail];
  return (
    <nav class="breadcrumb" aria-label={site.t.breadcrumb}>
      <ol>
        {items.map((l) => (
          <li key={l.href}>
            <a href={l.href}>{l.label}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function Translations({ site, page }: { site: SiteView; page: ArticlePageView }) {
  if (page.translations.length === 0) return null;
  return (
    <p class="translations">
      {site.t.readIn}{' '}
      {page.translations.map((tr, i) => (
        <Fragment key={tr.lang}>
          {i > 0 ? ' · ' : null}
          <a href={tr.href} hreflang={tr.lang} lang={tr.lang} dir={dirOf(tr.lang)}>
            {tr.label}
          </a>
        </Fragment>
      ))}
    </p>
  );
}

function copyProtectAttrs(site: SiteView, page: ArticlePageView): Record<string, string> {
  if (!site.copyProtection) return {};
  return {
    'data-copy-protect': '',
    'data-copy-source-label': site.t.copySource,
    'data-copy-url': page.canonical,
    'data-copy-notice': site.t.copyNotice,
  };
}

export function ArticlePage({ site, page }: { site: SiteView; page: ArticlePageView }) {
  const t = site.t;
  return (
    <>
      <Breadcrumb site={site} trail={page.breadcrumb} />
      <article class="article" {...langAttrs(page.textLang, site.lang)} {...copyProtectAttrs(site, page)}>
        <header class="article-header">
          {page.section || page.isBreaking ? (
            // Interface text (badge, section, dates) keeps the page's language inside a text in another.
            <p class="article-kicker" {...langAttrs(site.lang, page.textLang)}>
              {page.isBreaking ? <span class="badge">{t.breaking}</span> : null}
              {page.isBreaking && page.section ? ' ' : null}
              {page.section ? (
                <a class="kicker" href={page.section.href}>
                  {page.section.label}
                </a>
              ) : null}
            </p>
          ) : null}
          <h1 class="article-title">{page.title}</h1>
          {page.dek ? <p class="dek">{page.dek}</p> : null}
          <div class="article-meta" {...langAttrs(site.lang, page.textLang)}>
            {page.authors.length > 0 ? (
              <p>
                <Byline authors={page.authors} lang={site.lang} t={t} />
              </p>
            ) : null}
            <p class="dates">
              <DualDate date={page.published} label={t.published} lang={site.lang} />
              {page.updated ? (
                <>
                  {' '}
                  <DualDate date={page.updated} label={t.updated} lang={site.lang} />
                </>
              ) : null}
            </p>
            <p class="reading-time">
              {t.readingTime}: {page.readingTimeLabel}
            </p>
            {page.weightLabel ? <p class="page-weight">{page.weightLabel}</p> : null}
            {page.weightLabel && site.assets.offlineJs ? (
              // Shown by offline.js once a service worker answers; useless without one.
              <button
                type="button"
                class="save-offline"
                hidden
                aria-pressed="false"
                data-save={t.saveOffline}
                data-saved={t.savedOffline}
                data-failed={t.saveOfflineFailed}
              >
                {t.saveOffline}
              </button>
            ) : null}
            <Translations site={site} page={page} />
          </div>
        </header>
        <ArticleNotes groups={page.notes} />
        {/* Lazy even as the lead image: only a lazy image can be held back by data saver (saver.js). */}
        {page.image ? <Figure image={page.image} sizes={FIGURE_SIZES} priority lazy /> : null}
        {/* bodyHtml was sanitized by the article HTML policy (core) before it reached this view. */}
        <div class="article-body" dangerouslySetInnerHTML={{ __html: page.bodyHtml }} />
        {page.live ? <LiveCoverage live={page.live} /> : null}
        {/* The script that plays facades (reader/body/embeds.ts), only where one may be: body or live entries. */}
        {site.assets.embedJs && (page.bodyHtml.includes('class="embed-play"') || page.live) ? (
          <script src={site.assets.embedJs} defer />
        ) : null}
        {page.tags.length > 0 ? (
          <div class="tags">
            <span class="tags-label">{t.tags}:</span>
            <ul>
              {page.tags.map((tag) => (
                <li key={tag.href}>
                  <a href={tag.href}>{tag.label}</a>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </article>
      <div class="article-after">
        <ShareLinks links={page.share} t={t} />
        <AuthorBoxes authors={page.authorBoxes} t={t} />
        {page.related.length > 0 ? (
          <section class="related" aria-labelledby="related-title">
            <h2 id="related-title" class="section-title">
              {t.related}
            </h2>
            <div class="cards">
              {page.related.map((card) => (
                <ArticleCard key={card.id} site={site} card={card} level={3} />
              ))}
            </div>
          </section>
        ) : null}
        <MostRead site={site} items={page.mostRead} />
        <SignupForm site={site} />
        <Comments comments={page.comments} count={page.commentCount} form={page.commentForm} t={t} />
      </div>
    </>
  );
}
