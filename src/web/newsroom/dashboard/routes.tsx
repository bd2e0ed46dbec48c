// The newsroom's front page: what this person can act on now, each item linking to its action.
import type { FastifyInstance } from 'fastify';
import { displayDate } from '../../../core/dates.ts';
import { format } from '../../../core/i18n.ts';
import type { Article, Lang } from '../../../core/types.ts';
import { type DashboardList, dashboardFor } from '../../../services/newsroom/dashboard.ts';
import { articleMessages } from '../articles/messages.ts';
import { languageOf, messagesFor, type NewsroomDeps, sendNewsroomPage } from '../page.ts';
import { articleFiguresLink } from '../readership/nav.ts';
import { type DashboardMessages, dashboardMessages } from './messages.ts';
import { type DashCard, Dashboard, type DashItem } from './views.tsx';

export function registerDashboardRoutes(app: FastifyInstance, deps: NewsroomDeps): void {
  app.get('/', async (request, reply) => {
    const staff = request.staff!;
    const person = staff.person;
    const lang: Lang = languageOf(request);
    const t = dashboardMessages(lang);
    const untitled = articleMessages(lang).untitled;
    const d = await dashboardFor(deps.services, person);
    const when = (iso: string) => displayDate(iso, lang, d.timezone, true).gregorian;
    const item = (a: Article, meta: string): DashItem => ({
      key: String(a.id),
      href: `/newsroom/articles/${a.id}`,
      title: a.title || untitled,
      lang: a.lang,
      meta,
    });
    const more = (list: DashboardList<unknown>, href: string) =>
      list.total > list.items.length ? { href, label: format(t.seeAll, { n: list.total }) } : null;
    const articleCard = (
      id: string,
      heading: string,
      list: DashboardList<Article>,
      empty: string,
      meta: (a: Article) => string,
      href: string,
    ): DashCard => ({
      id,
      heading,
      items: list.items.map((a) => item(a, meta(a))),
      empty,
      more: more(list, href),
    });
    const mine = d.seesAll ? `&author=${person.id}` : '';
    const cards: DashCard[] = [
      articleCard(
        'drafts',
        t.myDrafts,
        d.myDrafts,
        t.noDrafts,
        (a) => format(t.updated, { when: when(a.updatedAt) }),
        `/newsroom/articles?status=draft${mine}`,
      ),
      articleCard(
        'review',
        d.seesAll ? t.waitingReview : t.myWaiting,
        d.waitingReview,
        t.noWaiting,
        (a) => format(t.updated, { when: when(a.updatedAt) }),
        '/newsroom/articles?status=pending&sort=updated&dir=asc',
      ),
      articleCard(
        'scheduled',
        t.scheduled,
        d.scheduled,
        t.noScheduled,
        (a) => format(t.publishesAt, { when: when(a.publishedAt ?? a.updatedAt) }),
        '/newsroom/articles?status=scheduled&sort=published&dir=asc',
      ),
      articleCard(
        'published',
        d.seesAll ? t.published : t.myPublished,
        d.published,
        t.noPublished,
        (a) => format(t.publishedAt, { when: when(a.publishedAt ?? a.updatedAt) }),
        '/newsroom/articles?status=published&sort=published',
      ),
    ];
    if (d.comments) cards.push(commentsCard(t, d.comments, when, untitled));
    if (d.mostRead) {
      cards.push({
        id: 'most-read',
        heading: t.mostRead,
        items: d.mostRead.map(({ article, views }) => ({
          ...item(article, format(t.views, { n: views })),
          extra: articleFiguresLink(person, article, lang)
            ? { href: articleFiguresLink(person, article, lang)!.href, label: t.figures }
            : null,
        })),
        empty: t.noReads,
        more: null,
      });
    }
    return sendNewsroomPage(deps, request, reply, {
      title: format(messagesFor(request).welcome, { name: person.name }),
      current: '/newsroom',
      body: (
        <Dashboard
          t={t}
          cards={cards}
          csrf={staff.session.csrfToken}
          newArticle={articleMessages(lang).newArticle}
        />
      ),
    });
  });
}

function commentsCard(
  t: DashboardMessages,
  list: NonNullable<Awaited<ReturnType<typeof dashboardFor>>['comments']>,
  when: (iso: string) => string,
  untitled: string,
): DashCard {
  return {
    id: 'comments',
    heading: t.comments,
    items: list.items.map(({ comment, article }) => ({
      key: String(comment.id),
      href: '/newsroom/comments',
      title: `${comment.authorName}: ${excerpt(comment.body)}`,
      meta: `${article ? format(t.onArticle, { title: article.title || untitled }) : ''} · ${when(comment.createdAt)}`,
    })),
    empty: t.noComments,
    more: {
      href: '/newsroom/comments',
      label: list.total > 0 ? format(t.seeAll, { n: list.total }) : t.moderate,
    },
  };
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length > 80 ? `${chars.slice(0, 80).join('')}…` : flat;
}
