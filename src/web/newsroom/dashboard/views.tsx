// The dashboard: one card per thing to act on, each item a link to where it is acted on.
import type { DashboardMessages } from './messages.ts';

export interface DashItem {
  key: string;
  href: string;
  title: string;
  lang?: string;
  meta: string;
  /** A second action beside the title (the article's figures). */
  extra?: { href: string; label: string } | null;
}

export interface DashCard {
  id: string;
  heading: string;
  items: DashItem[];
  empty: string;
  more: { href: string; label: string } | null;
}

export function Dashboard(props: {
  t: DashboardMessages;
  cards: DashCard[];
  csrf: string;
  newArticle: string;
}) {
  return (
    <div class="nr-dash">
      {props.cards.map((card) => (
        <section key={card.id} class="nr-card" aria-labelledby={`dash-${card.id}`}>
          <h2 id={`dash-${card.id}`}>{card.heading}</h2>
          {card.items.length === 0 ? (
            <p class="nr-muted">{card.empty}</p>
          ) : (
            <ul class="nr-dash-list">
              {card.items.map((item) => (
                <li key={item.key}>
                  <a href={item.href} lang={item.lang} dir="auto">
                    {item.title}
                  </a>
                  <span class="nr-meta">
                    {item.meta}
                    {item.extra ? (
                      <>
                        {' · '}
                        <a href={item.extra.href}>{item.extra.label}</a>
                      </>
                    ) : null}
                  </span>
                </li>
              ))}
            </ul>
          )}
          {card.more ? (
            <p class="nr-dash-more">
              <a href={card.more.href}>{card.more.label}</a>
            </p>
          ) : null}
          {card.id === 'drafts' ? (
            <form method="post" action="/newsroom/articles/new" class="nr-dash-more">
              <input type="hidden" name="_csrf" value={props.csrf} />
              <button type="submit">{props.newArticle}</button>
            </form>
          ) : null}
        </section>
      ))}
    </div>
  );
}
