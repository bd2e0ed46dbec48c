// A teaser for one article: image, section, title (the link), dek and a meta line.
import type { SiteView, ArticleCardView } from '../view-models.ts';
import { Byline } from './Byline.tsx';
import { ShortDate } from './Dates.tsx';
import { ResponsiveImage } from './ResponsiveImage.tsx';
import { commentCountLabel, langAttrs, metaSeparator } from './util.ts';

const CARD_SIZES = '(min-width: 64em) 22rem, (min-width: 40em) 45vw, 100vw';
const LEAD_SIZES = '(min-width: 64em) 44rem, 100vw';

export interface ArticleCardProps {
  site: SiteView;
  card: ArticleCardView;
  /** Heading level of the title, so the page outline has no gaps. */
  level: 2 | 3;
  /** A larger card (the home page's featured story). */
  lead?: boolean;
  /** Load the image eagerly (the first, above-the-fold card). */
  priority?: boolean;
}

export function ArticleCard({ site, card, level, lead = false, priority = false }: ArticleCardProps) {
  const t = site.t;
  const Heading = level === 2 ? 'h2' : 'h3';
  // Interface text (badge, section, byline words) stays in the page language inside a card
  // written in another language.
  const uiLang = langAttrs(site.lang, card.lang);
  return (
    <article class={lead ? 'card card-lead' : 'card'} {...langAttrs(card.lang, site.lang)}>
      {card.image ? (
        <ResponsiveImage
          class="card-img"
          image={card.image}
          sizes={lead ? LEAD_SIZES : CARD_SIZES}
          priority={priority}
        />
      ) : null}
      <div class="card-text">
        {card.isBreaking || card.section ? (
          <p class="card-kicker" {...uiLang}>
            {card.isBreaking ? <span class="badge">{t.breaking}</span> : null}
            {card.isBreaking && card.section ? ' ' : null}
            {card.section ? (
              <a class="kicker" href={card.section.href}>
                {card.section.label}
              </a>
            ) : null}
          </p>
        ) : null}
        <Heading class="card-title">
          <a href={card.href}>{card.title}</a>
        </Heading>
        {card.dek ? <p class="card-dek">{card.dek}</p> : null}
        <p class="card-meta" {...uiLang}>
          {card.authors.length > 0 ? (
            <>
              <Byline authors={card.authors} lang={site.lang} t={t} linked={false} />
              <span aria-hidden="true">{metaSeparator(site.lang)}</span>
            </>
          ) : null}
          <ShortDate date={card.published} />
          {card.commentCount > 0 ? (
            <>
              <span aria-hidden="true">{metaSeparator(site.lang)}</span>
              <span class="card-comments">{commentCountLabel(t, card.commentCount)}</span>
            </>
          ) : null}
        </p>
      </div>
    </article>
  );
}

/** A grid of cards, or the "no articles" line. */
export function CardGrid({ site, cards, level }: { site: SiteView; cards: ArticleCardView[]; level: 2 | 3 }) {
  if (cards.length === 0) return <p class="empty">{site.t.noArticles}</p>;
  return (
    <div class="cards">
      {cards.map((card) => (
        <ArticleCard key={card.id} site={site} card={card} level={level} />
      ))}
    </div>
  );
}
