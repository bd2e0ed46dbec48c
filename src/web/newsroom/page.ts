// Renders a newsroom page inside the shell, with the menu the signed-in person may use.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ComponentChildren } from 'preact';
import { can } from '../../core/policies/index.ts';
import type { Lang } from '../../core/types.ts';
import type { Services } from '../../services/context.ts';
import { pendingCommentsFor } from '../../services/newsroom/dashboard.ts';
import { siteSettings } from '../../services/settings.ts';
import type { AssetUrls } from '../assets.ts';
import { type NewsroomMessages, newsroomMessages } from './messages.ts';
import { outboxMessages } from './outbox/messages.ts';
import { subscriberMessages } from './subscribers/messages.ts';
import { readershipMessages } from './readership/messages.ts';
import { readershipNavHref } from './readership/nav.ts';
import { renderShell } from './views/Shell.tsx';

export interface NewsroomDeps {
  services: Services;
  assets: AssetUrls;
}

export function languageOf(request: FastifyRequest): Lang {
  const lang = request.staff?.person.locale ?? (request.query as Record<string, unknown> | undefined)?.lang;
  return lang === 'fr' || lang === 'en' ? lang : 'ar';
}

export function messagesFor(request: FastifyRequest): NewsroomMessages {
  return newsroomMessages(languageOf(request));
}

export async function sendNewsroomPage(
  deps: NewsroomDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  page: {
    title: string;
    body: ComponentChildren;
    current?: string;
    notice?: { kind: 'success' | 'error'; text: string } | null;
    status?: number;
    csrf?: string;
    /** Reload the page every so many seconds (a progress page, with no script needed). */
    refreshSeconds?: number;
  },
): Promise<FastifyReply> {
  const lang = languageOf(request);
  const t = newsroomMessages(lang);
  const person = request.staff?.person ?? null;
  const [settings, pending] = await Promise.all([
    siteSettings(deps.services),
    pendingCommentsFor(deps.services, person),
  ]);
  const nav = person
    ? [
        { href: '/newsroom', label: t.dashboard, show: true },
        { href: '/newsroom/articles', label: t.articles, show: true },
        {
          href: '/newsroom/comments',
          label: t.comments,
          badge: pending,
          show: can(person, { kind: 'comment.moderate' }),
        },
        { href: '/newsroom/media', label: t.media, show: can(person, { kind: 'media.upload' }) },
        { href: readershipNavHref(person), label: readershipMessages(lang).nav, show: true },
        { href: '/newsroom/sections', label: t.sections, show: can(person, { kind: 'taxonomy.manage' }) },
        { href: '/newsroom/tags', label: t.tags, show: can(person, { kind: 'taxonomy.manage' }) },
        { href: '/newsroom/people', label: t.people, show: can(person, { kind: 'people.manage' }) },
        { href: '/newsroom/import', label: t.importNav, show: can(person, { kind: 'import.run' }) },
        { href: '/newsroom/settings', label: t.settings, show: can(person, { kind: 'settings.manage' }) },
        { href: '/newsroom/webhooks', label: t.webhooks, show: can(person, { kind: 'webhooks.manage' }) },
        {
          href: '/newsroom/outbox',
          label: outboxMessages(lang).nav,
          show: can(person, { kind: 'settings.manage' }),
        },
        {
          href: '/newsroom/subscribers',
          label: subscriberMessages(lang).nav,
          show: can(person, { kind: 'newsletter.manage' }),
        },
        { href: '/newsroom/audit', label: t.auditLog, show: can(person, { kind: 'audit.read' }) },
        { href: '/newsroom/account', label: t.account, show: true },
      ]
        .filter((item) => item.show)
        .map(({ show: _shown, ...item }) => ({ ...item, current: item.href === page.current }))
    : [];
  const html = renderShell({
    lang,
    t,
    title: page.title,
    siteName: settings.name,
    css: deps.assets.newsroomCss,
    person,
    csrf: page.csrf ?? request.staff?.session.csrfToken ?? '',
    nav,
    notice: page.notice ?? null,
    refreshSeconds: page.refreshSeconds ?? null,
    children: page.body,
  });
  return reply
    .code(page.status ?? 200)
    .header('cache-control', 'private, no-store')
    .type('text/html; charset=utf-8')
    .send(html);
}
